package dev.relplan.iac.kubernetes.kustomize;

import dev.relplan.discover.Discovery;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;
import dev.relplan.parse.SeqNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Test helper: writes a small tree of files, discovers it as a scan would and renders it. */
final class Rendered {
  private Rendered() {}

  /** Files as path → text pairs: {@code files("a.yaml", "…", "b/kustomization.yaml", "…")}. */
  static Kustomize.Result render(Path dir, String... pathsAndTexts) {
    return render(dir, Kustomize.Bounds.defaults(), pathsAndTexts);
  }

  static Kustomize.Result render(Path dir, Kustomize.Bounds bounds, String... pathsAndTexts) {
    Map<String, String> files = new TreeMap<>();
    for (int i = 0; i < pathsAndTexts.length; i += 2)
      files.put(pathsAndTexts[i], pathsAndTexts[i + 1]);
    try {
      for (Map.Entry<String, String> f : files.entrySet()) {
        Path path = dir.resolve(f.getKey());
        Files.createDirectories(path.getParent());
        Files.writeString(path, f.getValue());
      }
      return scan(dir, bounds);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Kustomize.Result scan(Path dir, Kustomize.Bounds bounds) throws IOException {
    Discovery discovery = new Discovery(Discovery.DEFAULT_EXCLUDED_DIRS, Kustomize::asksFor);
    return Kustomize.render(discovery.discover(List.of(dir)), bounds);
  }

  /** Lines joined with newlines, so that fixtures read as YAML. */
  static String yaml(String... lines) {
    return String.join("\n", lines) + "\n";
  }

  static KustomizeRoot root(Kustomize.Result result, String dir) {
    return result.roots().stream()
        .filter(r -> r.dir().equals(dir))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no root " + dir + " in " + result));
  }

  static MapNode object(KustomizeRoot root, String kind, String name) {
    for (Node n : root.objects())
      if (kind.equals(Trees.text(n, "kind"))
          && name.equals(Trees.text(Trees.map(n, "metadata"), "name"))) return (MapNode) n;
    throw new AssertionError("no " + kind + " " + name + " in " + root.objects());
  }

  /** The node at a dotted path; numbers index lists: "spec.template.spec.containers.0.image". */
  static Node at(Node node, String path) {
    Node at = node;
    for (String step : Arrays.asList(path.split("\\."))) {
      if (at instanceof SeqNode s) at = s.items().get(Integer.parseInt(step));
      else if (at instanceof MapNode m) at = m.get(step);
      else return null;
      if (at == null) return null;
    }
    return at;
  }

  static String text(Node node, String path) {
    return at(node, path) instanceof ScalarNode s ? s.text() : null;
  }

  /** "file:line" of the value at the path. */
  static String where(Node node, String path) {
    return at(node, path).location().toString();
  }
}
