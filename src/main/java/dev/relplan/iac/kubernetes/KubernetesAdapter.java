package dev.relplan.iac.kubernetes;

import dev.relplan.adapt.Adapter;
import dev.relplan.adapt.Draft;
import dev.relplan.discover.Discovery;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.iac.kubernetes.helm.HelmCharts;
import dev.relplan.iac.kubernetes.helm.RenderedChart;
import dev.relplan.model.Workload;
import dev.relplan.source.FileGuard;
import dev.relplan.source.SkippedFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Kubernetes manifests: every YAML or JSON document, whatever the file's name, that names {@code
 * apiVersion}, {@code kind} and {@code metadata}. Each file is mapped through {@link FileGuard}
 * into a draft kept only when the whole file was read; objects are tied by label once every adapter
 * has added its own ({@link #link}).
 */
public final class KubernetesAdapter implements Adapter {
  /** The scope of objects read from manifests as written (no Kustomize or Helm rendering). */
  public static final String MANIFESTS_SCOPE = "kubernetes";

  /** The scope of a Helm chart's rendered objects: the prefix, then the chart's folder. */
  public static final String HELM_SCOPE_PREFIX = "helm:";

  private final List<SkippedFile> skipped = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  /** Helm values files given on the command line ({@code --values}), in precedence order. */
  private final List<Path> helmValues;

  public KubernetesAdapter() {
    this(List.of());
  }

  public KubernetesAdapter(List<Path> helmValues) {
    this.helmValues = List.copyOf(helmValues);
  }

  @Override
  public boolean claims(SourceFile file) {
    if (file.kind() != FileKind.OTHER || file.documents().isEmpty()) return false;
    return PartialManifests.isChart(file)
        || PartialManifests.isKustomization(file)
        || file.documents().stream().anyMatch(KubernetesObjects::isManifest);
  }

  @Override
  public void adapt(Discovery.Result claimed, Workload w) {
    PartialManifests partial = PartialManifests.of(claimed.files());
    int files = 0;
    int partialFiles = 0;
    int partialDocuments = 0;
    int objects = 0;
    for (SourceFile f : claimed.files()) {
      if (PartialManifests.isChart(f)) {
        if (!partial.isSubchart(f)) renderChart(f, w);
        continue;
      }
      if (PartialManifests.isKustomization(f)) continue;
      if (partial.partReason(f) != null) {
        partialFiles++;
        continue;
      }
      Workload draft = Draft.start();
      Optional<SkippedFile> stopped =
          FileGuard.run(
              f.display(), () -> KubernetesModel.add(f.documents(), MANIFESTS_SCOPE, draft));
      if (stopped.isPresent()) {
        skipped.add(stopped.get());
        continue;
      }
      Draft.commit(draft, w);
      files++;
      objects += KubernetesObjects.of(f.documents()).size();
      partialDocuments += KubernetesObjects.partial(f.documents());
    }
    if (files > 0)
      notes.add(
          "Kubernetes: "
              + objects
              + " object(s) read from "
              + files
              + " manifest file(s), namespaces as written (objects without one in 'default')");
    if (partialFiles > 0)
      notes.add(
          "Kubernetes: "
              + partialFiles
              + " file(s) of Helm chart templates or Kustomize patches not assessed as whole objects");
    if (partialDocuments > 0)
      notes.add(
          "Kubernetes: "
              + partialDocuments
              + " document(s) without kind or metadata.name not assessed as objects");
  }

  /**
   * A chart (not a subchart: its parent renders it) rendered by Helm with the values chosen; its
   * objects are one scope, located at their template lines with the values lines that supplied
   * them. A chart that does not render is listed with Helm's reason.
   */
  private void renderChart(SourceFile chartFile, Workload w) {
    Path chartDir = chartFile.path().getParent();
    String display = folderOf(chartFile.display());
    RenderedChart chart =
        HelmCharts.render(
            chartDir, display.isEmpty() ? "." : display, helmValues, FileGuard.limits());
    notes.addAll(chart.notes());
    skipped.addAll(chart.skipped());
    if (!chart.rendered()) return;
    Workload draft = Draft.start();
    Optional<SkippedFile> stopped =
        FileGuard.run(
            chartFile.display(),
            () ->
                KubernetesModel.add(
                    chart.objects(), HELM_SCOPE_PREFIX + display, chart.valuesTrace(), draft));
    if (stopped.isPresent()) {
      skipped.add(stopped.get());
      return;
    }
    Draft.commit(draft, w);
  }

  private static String folderOf(String display) {
    int slash = display.lastIndexOf('/');
    return slash < 0 ? "" : display.substring(0, slash);
  }

  @Override
  public void link(Discovery.Result claimed, Workload w) {
    KubernetesModel.link(w);
  }

  @Override
  public List<String> notes() {
    return notes;
  }

  @Override
  public List<SkippedFile> skipped() {
    return skipped;
  }
}
