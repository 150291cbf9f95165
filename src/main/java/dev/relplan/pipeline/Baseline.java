package dev.relplan.pipeline;

import dev.relplan.assess.Assessment;
import dev.relplan.parse.JsonLoader;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ParseException;
import dev.relplan.parse.ScalarNode;
import dev.relplan.parse.SeqNode;
import dev.relplan.source.InputError;
import dev.relplan.source.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a previous relplan JSON report (--baseline): the identity of each finding, its title and
 * where it was.
 */
public final class Baseline {
  private Baseline() {}

  /**
   * The findings of the report: matched on their fingerprint, or on rule, resource and first
   * evidence file in reports written before fingerprints existed.
   */
  public static List<Assessment.PastFinding> load(Path file) {
    if (!Files.isRegularFile(file))
      throw new InputError(
          "--baseline file '"
              + file
              + "' does not exist: pass a previous report written with --format json");
    Node doc;
    try {
      doc = JsonLoader.load(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (ParseException | IOException e) {
      throw new InputError(
          "--baseline file '" + file + "' is not a relplan JSON report: " + e.getMessage());
    }
    if (!(doc instanceof MapNode m)
        || !m.has("schemaVersion")
        || !(m.get("findings") instanceof SeqNode findings)) {
      throw new InputError(
          "--baseline file '"
              + file
              + "' is not a relplan JSON report: write one with --format json");
    }
    List<Assessment.PastFinding> out = new ArrayList<>();
    for (Node n : findings.items()) {
      if (n instanceof MapNode f) out.add(pastFinding(f));
    }
    return out;
  }

  private static Assessment.PastFinding pastFinding(MapNode f) {
    String rule = text(f, "rule");
    String resource = text(f, "resource");
    MapNode first =
        f.get("evidence") instanceof SeqNode ev
                && !ev.items().isEmpty()
                && ev.items().get(0) instanceof MapNode e0
            ? e0
            : null;
    String evidenceFile = first == null ? "" : text(first, "file");
    Location at =
        first == null
            ? null
            : new Location(
                first.get("root") instanceof ScalarNode r ? r.text() : null,
                evidenceFile,
                first.get("line") instanceof ScalarNode l ? lineOf(l.text()) : 0);
    return new Assessment.PastFinding(
        f.get("fingerprint") instanceof ScalarNode s && s.text() != null ? s.text() : null,
        Assessment.NumberedFinding.legacyKey(rule, resource, evidenceFile),
        text(f, "id"),
        rule,
        text(f, "title"),
        resource,
        f.get("resourceType") instanceof ScalarNode t ? t.text() : null,
        at);
  }

  private static int lineOf(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String text(MapNode m, String key) {
    return m.get(key) instanceof ScalarNode s && s.text() != null ? s.text() : "";
  }
}
