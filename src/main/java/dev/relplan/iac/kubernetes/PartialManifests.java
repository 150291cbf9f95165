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
 * and the transformer, generator and validator configurations a kustomization names. (Patch files
 * are known from the Kustomize rendering itself: {@code Kustomize.Result.patchFiles}.)
 */
final class PartialManifests {
  private final Set<String> chartFolders = new HashSet<>();

  /** Transformer, generator and validator configurations a kustomization names. */
  private final Set<String> pluginConfigs = new HashSet<>();

  private PartialManifests() {}

  static PartialManifests of(List<SourceFile> files) {
    PartialManifests p = new PartialManifests();
    for (SourceFile f : files) {
      if (isChart(f)) p.chartFolders.add(folder(f.display()));
      if (isKustomization(f)) p.addPluginConfigs(f);
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
    if (pluginConfigs.contains(display))
      return "a Kustomize transformer or generator configuration";
    return null;
  }

  private void addPluginConfigs(SourceFile kustomization) {
    String folder = folder(kustomization.display());
    for (Node doc : kustomization.documents())
      for (String field : List.of("transformers", "generators", "validators"))
        for (Node item : Fields.seq(doc, field)) {
          String file = resolve(folder, item);
          if (file != null) pluginConfigs.add(file);
        }
  }

  /** The scanned path a kustomization entry names, or null for inline YAML text. */
  private static String resolve(String folder, Node path) {
    if (!(path instanceof ScalarNode s) || s.text() == null || s.text().contains("\n")) return null;
    return Path.of(folder.isEmpty() ? "." : folder)
        .resolve(s.text().strip())
        .normalize()
        .toString()
        .replace('\\', '/');
  }

  private static String folder(String display) {
    int slash = display.lastIndexOf('/');
    return slash < 0 ? "" : display.substring(0, slash + 1);
  }

  private static String fileName(String display) {
    return display.substring(display.lastIndexOf('/') + 1);
  }
}
