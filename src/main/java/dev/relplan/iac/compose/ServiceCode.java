package dev.relplan.iac.compose;

import dev.relplan.model.ComputeGroup;
import dev.relplan.model.Value;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;
import java.util.List;

/**
 * What a Compose service's containers run: the folder of the code its image is built from (the
 * {@code build} context, relative to the project folder), its image, and the environment the file
 * gives it ({@code environment} as a map or a list of {@code NAME=value}; a name without a value is
 * passed from the shell when Compose runs, so unresolved). Compose Specification, "build" and
 * "environment".
 */
final class ServiceCode {
  private ServiceCode() {}

  static void read(MapNode def, String folder, ComputeGroup g) {
    g.codeFolder = codeFolder(def, folder);
    ScalarNode image = Nodes.scalar(def, "image");
    if (image != null && !image.isNull()) g.images.add(Interpolation.of(image));
    Node env = Nodes.at(def, "environment");
    if (env instanceof MapNode m) {
      for (MapNode.Entry e : m.entries())
        if (!g.containerEnv.containsKey(e.key()))
          g.containerEnv.put(
              e.key(),
              e.value() instanceof ScalarNode s && !s.isNull()
                  ? Interpolation.of(s)
                  : fromShell(e.key(), e.keyLocation()));
    } else {
      for (Node item : Nodes.seq(def, "environment")) {
        if (!(item instanceof ScalarNode s) || s.isNull()) continue;
        // Compose interpolates the whole item, then splits it at its first '=' (a variable before
        // it moves it); when the interpolation cannot be decided, the item as written is split.
        Value<String> interpolated = Interpolation.of(s);
        String text = interpolated.present() ? interpolated.get() : s.text();
        int equals = text.indexOf('=');
        String name = equals < 0 ? text.strip() : text.substring(0, equals).strip();
        if (name.isEmpty() || g.containerEnv.containsKey(name)) continue;
        if (equals < 0) g.containerEnv.put(name, fromShell(name, s.location()));
        else g.containerEnv.put(name, interpolated.map(t -> t.substring(equals + 1)));
      }
    }
  }

  private static Value<String> fromShell(String name, dev.relplan.source.Location at) {
    return Value.unresolved(
        name + " has no value in the Compose file: it is passed from the shell when Compose runs",
        List.of(at));
  }

  /**
   * The build context as a folder under the project: a URL or a context set by a variable without a
   * default is unresolved; no {@code build}, absent (a pulled image's code is not in the
   * repository).
   */
  private static Value<String> codeFolder(MapNode def, String folder) {
    Node build = Nodes.at(def, "build");
    if (build == null || build instanceof ScalarNode b && b.isNull()) return Value.absent();
    ScalarNode context = build instanceof ScalarNode s ? s : Nodes.scalar(build, "context");
    if (context == null || context.isNull())
      return Value.explicit(
          ComposeProject.resolve(folder, "."), List.of(build.location())); // context defaults to .
    Value<String> path = Interpolation.of(context);
    if (!path.present()) return path;
    if (path.get().contains("://") || path.get().startsWith("git@"))
      return Value.unresolved(
          "the build context " + path.get() + " is a remote repository", path.trace());
    return path.map(p -> ComposeProject.resolve(folder, p));
  }
}
