package dev.relplan.pipeline;

import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ParseException;
import dev.relplan.parse.ScalarNode;
import dev.relplan.parse.SeqNode;
import dev.relplan.parse.YamlLoader;
import dev.relplan.source.InputError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Settings from {@code relplan.yaml} (in the first scanned path, or --config FILE): workload name,
 * availability target, recovery objectives and extra folders to skip. Command-line options win.
 */
public record Config(String workload, String target, String rto, String rpo, List<String> exclude) {
  public static final String FILE_NAME = "relplan.yaml";
  private static final Set<String> KEYS = Set.of("workload", "target", "rto", "rpo", "exclude");

  public static Config empty() {
    return new Config(null, null, null, null, List.of());
  }

  public static Config load(Path file) {
    String display = file.toString().replace('\\', '/');
    try {
      List<Node> docs = YamlLoader.loadAll(display, Files.readString(file, StandardCharsets.UTF_8));
      if (docs.isEmpty() || docs.get(0) == null) return empty();
      if (!(docs.get(0) instanceof MapNode m))
        throw new InputError(
            display + " must be a mapping of settings (workload, target, rto, rpo, exclude)");
      for (MapNode.Entry e : m.entries()) {
        if (!KEYS.contains(e.key())) {
          throw new InputError(
              display
                  + ":"
                  + e.keyLocation().line()
                  + ": unknown setting '"
                  + e.key()
                  + "' (known: workload, target, rto, rpo, exclude)");
        }
      }
      List<String> exclude = new ArrayList<>();
      if (m.get("exclude") instanceof SeqNode s) {
        for (Node n : s.items())
          if (n instanceof ScalarNode sc && sc.text() != null) exclude.add(sc.text());
      }
      return new Config(
          text(m, "workload"),
          text(m, "target"),
          text(m, "rto"),
          text(m, "rpo"),
          List.copyOf(exclude));
    } catch (ParseException e) {
      throw new InputError(display + " cannot be parsed: " + e.getMessage());
    } catch (IOException e) {
      throw new InputError(display + " cannot be read: " + e.getMessage());
    }
  }

  private static String text(MapNode m, String key) {
    return m.get(key) instanceof ScalarNode s ? s.text() : null;
  }
}
