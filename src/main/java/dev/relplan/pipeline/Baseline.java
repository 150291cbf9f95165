package dev.relplan.pipeline;

import dev.relplan.parse.JsonLoader;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ParseException;
import dev.relplan.parse.ScalarNode;
import dev.relplan.parse.SeqNode;
import dev.relplan.source.InputError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a previous relplan JSON report (--baseline): the identity of each finding and its title.
 */
public final class Baseline {
  private Baseline() {}

  /**
   * Finding key (rule|resource|file, as {@code NumberedFinding.baselineKey}) → "id rule: title".
   */
  public static Map<String, String> load(Path file) {
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
    Map<String, String> out = new TreeMap<>();
    for (Node n : findings.items()) {
      if (!(n instanceof MapNode f)) continue;
      String rule = text(f, "rule");
      String resource = text(f, "resource");
      String evidenceFile =
          f.get("evidence") instanceof SeqNode ev
                  && !ev.items().isEmpty()
                  && ev.items().get(0) instanceof MapNode e0
              ? text(e0, "file")
              : "";
      out.put(
          rule + "|" + resource + "|" + evidenceFile,
          text(f, "id") + " " + rule + ": " + text(f, "title"));
    }
    return out;
  }

  private static String text(MapNode m, String key) {
    return m.get(key) instanceof ScalarNode s && s.text() != null ? s.text() : "";
  }
}
