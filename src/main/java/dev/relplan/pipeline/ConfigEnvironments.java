package dev.relplan.pipeline;

import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;
import dev.relplan.parse.SeqNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code environments:} in relplan.yaml: per environment name, the CloudFormation parameter files,
 * Terraform variable files and Helm values files that describe it, each relative to the
 * configuration file's folder. {@code --environment NAME} chooses one; the command line's own files
 * come after its files, so they win.
 */
public final class ConfigEnvironments {
  private ConfigEnvironments() {}

  /** One environment's input files, in the order written (later files win). */
  public record Environment(List<Path> parameters, List<Path> varFiles, List<Path> values) {}

  private static final String KNOWN = "parameters, varFiles, values";

  /** The environments in the order written; empty when the setting is absent. */
  static Map<String, Environment> read(Path file, String display, Node node) {
    Map<String, Environment> out = new LinkedHashMap<>();
    if (node == null) return out;
    if (!(node instanceof MapNode m))
      throw Config.settingError(
          display,
          node.location().line(),
          "environments must be a mapping of environment names to their files (" + KNOWN + ")");
    Path folder = file.getParent();
    for (MapNode.Entry e : m.entries()) out.put(e.key(), environment(folder, display, e));
    return out;
  }

  private static Environment environment(Path folder, String display, MapNode.Entry env) {
    if (!(env.value() instanceof MapNode m))
      throw Config.settingError(
          display,
          env.keyLocation().line(),
          "environment '" + env.key() + "' must be a mapping (" + KNOWN + ")");
    List<Path> parameters = List.of();
    List<Path> varFiles = List.of();
    List<Path> values = List.of();
    for (MapNode.Entry e : m.entries()) {
      List<Path> files = files(folder, display, env.key(), e);
      switch (e.key()) {
        case "parameters" -> parameters = files;
        case "varFiles" -> varFiles = files;
        case "values" -> values = files;
        default ->
            throw Config.settingError(
                display,
                e.keyLocation().line(),
                "unknown setting '"
                    + e.key()
                    + "' in environment '"
                    + env.key()
                    + "' (known: "
                    + KNOWN
                    + ")");
      }
    }
    return new Environment(parameters, varFiles, values);
  }

  /** A file name or a list of them, each resolved against the configuration file's folder. */
  private static List<Path> files(Path folder, String display, String env, MapNode.Entry e) {
    List<Node> items =
        e.value() instanceof SeqNode s
            ? s.items()
            : e.value() == null ? List.of() : List.of(e.value());
    List<Path> out = new ArrayList<>();
    for (Node n : items) {
      if (!(n instanceof ScalarNode sc) || sc.text() == null || sc.text().isBlank())
        throw Config.settingError(
            display,
            e.keyLocation().line(),
            ""
                + e.key()
                + " of environment '"
                + env
                + "' must be a file name or a list of file names, relative to "
                + Config.FILE_NAME);
      String name = sc.text().strip();
      out.add(folder == null ? Path.of(name) : folder.resolve(name));
    }
    return List.copyOf(out);
  }
}
