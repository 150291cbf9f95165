package dev.relplan.iac.kubernetes;

import dev.relplan.discover.SourceFile;
import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Files that hold parts of objects rather than whole ones, and so are never assessed as objects: a
 * Helm chart's {@code templates/} (Go templates, rendered with the chart's values or not at all)
 * and the patch files a kustomization names (a patch overrides a few fields of an object declared
 * elsewhere).
 */
final class PartialManifests {
  private final Set<String> chartFolders = new HashSet<>();
  private final Set<String> patchFiles = new HashSet<>();

  private PartialManifests() {}

  static PartialManifests of(List<SourceFile> files) {
    PartialManifests p = new PartialManifests();
    for (SourceFile f : files) {
      if (isChart(f)) p.chartFolders.add(folder(f.display()));
      if (isKustomization(f)) p.addPatches(f);
    }
    return p;
  }

  /** A Helm chart's definition, {@code Chart.yaml}. */
  static boolean isChart(SourceFile f) {
    return fileName(f.display()).equals("Chart.yaml");
  }

  /** A Kustomize kustomization, named as {@code kustomize build} looks for it. */
  static boolean isKustomization(SourceFile f) {
    String name = fileName(f.display()).toLowerCase(Locale.ROOT);
    return name.equals("kustomization.yaml") || name.equals("kustomization.yml");
  }

  /**
   * A chart inside another chart's {@code charts/} folder: rendered by its parent, with the
   * parent's values, not as a chart of its own.
   */
  boolean isSubchart(SourceFile chartFile) {
    String folder = folder(chartFile.display());
    for (String chart : chartFolders)
      if (!chart.equals(folder) && folder.startsWith(chart + "charts/")) return true;
    return false;
  }

  /** Why the file is not assessed as whole objects, or null when it is. */
  String partReason(SourceFile f) {
    String display = f.display();
    for (String chart : chartFolders)
      if (display.startsWith(chart + "templates/"))
        return "a Helm chart template (" + chart + "Chart.yaml)";
    if (patchFiles.contains(display)) return "a Kustomize patch";
    return null;
  }

  private void addPatches(SourceFile kustomization) {
    String folder = folder(kustomization.display());
    for (Node doc : kustomization.documents()) {
      for (Node item : Fields.seq(doc, "patchesStrategicMerge")) addPatch(folder, item);
      for (Node item : Fields.seq(doc, "patches")) addPatch(folder, Fields.at(item, "path"));
      for (Node item : Fields.seq(doc, "patchesJson6902"))
        addPatch(folder, Fields.at(item, "path"));
    }
  }

  private void addPatch(String folder, Node path) {
    // An inline patch is YAML text, not a file name.
    if (!(path instanceof ScalarNode s) || s.text() == null || s.text().contains("\n")) return;
    String resolved =
        Path.of(folder.isEmpty() ? "." : folder)
            .resolve(s.text().strip())
            .normalize()
            .toString()
            .replace('\\', '/');
    patchFiles.add(resolved);
  }

  private static String folder(String display) {
    int slash = display.lastIndexOf('/');
    return slash < 0 ? "" : display.substring(0, slash + 1);
  }

  private static String fileName(String display) {
    return display.substring(display.lastIndexOf('/') + 1);
  }
}
