package dev.relplan.pipeline;

import dev.relplan.parse.JsonLoader;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ParseException;
import dev.relplan.parse.ScalarNode;
import dev.relplan.parse.SeqNode;
import dev.relplan.parse.YamlLoader;
import dev.relplan.rules.Incident;
import dev.relplan.source.InputError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads --incidents: a YAML or JSON list of {date, title, description, affected components}. */
public final class Incidents {
  private Incidents() {}

  public static List<Incident> load(Path file) {
    return load(file, "--incidents file '" + file + "'", "pass a YAML or JSON list of incidents");
  }

  /**
   * The file named by {@code incidents:} in the configuration file {@code config}: its errors name
   * that file, where the fix is.
   */
  public static List<Incident> loadNamedIn(Path file, Path config) {
    String configDisplay = config.toString().replace('\\', '/');
    return load(
        file,
        "incidents file '" + file + "' (set in " + configDisplay + ")",
        "correct incidents in " + configDisplay + " or pass --incidents");
  }

  /** {@code named} says where the file came from, {@code fix} what to do when it is missing. */
  private static List<Incident> load(Path file, String named, String fix) {
    String display = file.toString().replace('\\', '/');
    if (!Files.isRegularFile(file)) throw new InputError(named + " does not exist: " + fix);
    Node doc;
    try {
      String content = Files.readString(file, StandardCharsets.UTF_8);
      doc =
          content.stripLeading().startsWith("[")
              ? JsonLoader.load(display, content)
              : YamlLoader.loadAll(display, content).stream().findFirst().orElse(null);
    } catch (ParseException e) {
      throw new InputError(named + " cannot be parsed: " + e.getMessage());
    } catch (IOException e) {
      throw new InputError(named + " cannot be read: " + e.getMessage());
    }
    if (doc instanceof MapNode m && m.get("incidents") instanceof SeqNode s) doc = s;
    if (!(doc instanceof SeqNode list)) {
      throw new InputError(
          named
              + " must be a list of incidents with date, title, description and affected components");
    }
    List<Incident> out = new ArrayList<>();
    for (Node item : list.items()) {
      if (!(item instanceof MapNode m)) {
        throw new InputError(
            display
                + ":"
                + item.location().line()
                + ": each incident must be a mapping (date, title, description, affected)");
      }
      List<String> affected = new ArrayList<>();
      for (String key :
          List.of(
              "affected",
              "affectedComponents",
              "affected_components",
              "affected components",
              "components")) {
        Node a = m.get(key);
        if (a instanceof SeqNode s)
          for (Node n : s.items())
            if (n instanceof ScalarNode sc && sc.text() != null) affected.add(sc.text());
        if (a instanceof ScalarNode sc && sc.text() != null)
          for (String part : sc.text().split(",")) affected.add(part.trim());
      }
      out.add(
          new Incident(
              text(m, "date"), text(m, "title"), text(m, "description"), List.copyOf(affected)));
    }
    return out;
  }

  private static String text(MapNode m, String key) {
    return m.get(key) instanceof ScalarNode s && s.text() != null ? s.text() : "";
  }
}
