package dev.relplan.iac.kubernetes.kustomize;

import dev.relplan.discover.SourceFile;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;
import dev.relplan.parse.SeqNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** One kustomization file as read: its folder, its file and its top-level fields. */
record Kustomization(Path dir, SourceFile file, MapNode node) {
  /** The file names kustomize looks for in a folder, in the order it tries them. */
  static final List<String> FILE_NAMES =
      List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

  /** Fields relplan renders; any other field is named in the notes as not applied. */
  static final Set<String> RENDERED =
      Set.of(
          "apiVersion",
          "kind",
          "metadata",
          "resources",
          "bases",
          "components",
          "namespace",
          "namePrefix",
          "nameSuffix",
          "commonLabels",
          "labels",
          "commonAnnotations",
          "replicas",
          "images",
          "patches",
          "patchesStrategicMerge",
          "patchesJson6902");

  static boolean isKustomizationName(String fileName) {
    return FILE_NAMES.contains(fileName);
  }

  boolean isComponent() {
    return "Component".equals(Trees.text(node, "kind"));
  }

  String display() {
    return file.display();
  }

  /** The entries of {@code resources} then legacy {@code bases}, as kustomize appends them. */
  List<ScalarNode> resources() {
    List<ScalarNode> entries = new ArrayList<>(strings("resources"));
    entries.addAll(strings("bases"));
    return entries;
  }

  List<ScalarNode> components() {
    return strings("components");
  }

  /** The files {@code patches}, {@code patchesStrategicMerge} and {@code patchesJson6902} name. */
  List<ScalarNode> patchPaths() {
    List<ScalarNode> paths = new ArrayList<>();
    for (Node entry : items("patches"))
      if (entry instanceof MapNode m && m.get("path") instanceof ScalarNode s && s.text() != null)
        paths.add(s);
    for (ScalarNode s : strings("patchesStrategicMerge"))
      if (!isInlinePatch(s.text())) paths.add(s);
    for (Node entry : items("patchesJson6902"))
      if (entry instanceof MapNode m && m.get("path") instanceof ScalarNode s && s.text() != null)
        paths.add(s);
    return paths;
  }

  /** A {@code patchesStrategicMerge} entry holding the patch itself rather than a file name. */
  static boolean isInlinePatch(String entry) {
    return entry.contains("\n") || entry.strip().startsWith("apiVersion") || entry.contains(": ");
  }

  List<Node> items(String field) {
    return node.get(field) instanceof SeqNode s ? s.items() : List.of();
  }

  List<ScalarNode> strings(String field) {
    List<ScalarNode> out = new ArrayList<>();
    for (Node item : items(field))
      if (item instanceof ScalarNode s && s.text() != null && !s.text().isBlank()) out.add(s);
    return out;
  }

  /**
   * A resource kustomize would fetch from a repository or URL: relplan never fetches, so it is
   * named as not assessed.
   */
  static boolean isRemote(String entry) {
    String e = entry.strip().toLowerCase(Locale.ROOT);
    return e.contains("://")
        || e.startsWith("git@")
        || e.startsWith("git::")
        || e.startsWith("github.com/")
        || e.startsWith("gitlab.com/")
        || e.startsWith("bitbucket.org/")
        || e.contains("?ref=")
        || e.contains("?version=");
  }
}
