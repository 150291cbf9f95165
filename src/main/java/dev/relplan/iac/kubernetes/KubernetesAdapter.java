package dev.relplan.iac.kubernetes;

import dev.relplan.adapt.Adapter;
import dev.relplan.adapt.Draft;
import dev.relplan.discover.Discovery;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.iac.kubernetes.helm.HelmCharts;
import dev.relplan.iac.kubernetes.helm.RenderedChart;
import dev.relplan.iac.kubernetes.kustomize.Kustomize;
import dev.relplan.iac.kubernetes.kustomize.KustomizeRoot;
import dev.relplan.model.Workload;
import dev.relplan.parse.Node;
import dev.relplan.source.FileGuard;
import dev.relplan.source.Location;
import dev.relplan.source.SkippedFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Kubernetes manifests: every YAML or JSON document, whatever the file's name, that names {@code
 * apiVersion}, {@code kind} and {@code metadata}. Each file is mapped through {@link FileGuard}
 * into a draft kept only when the whole file was read; objects are tied by label once every adapter
 * has added its own ({@link #link}).
 */
public final class KubernetesAdapter implements Adapter {
  /** The scope of objects read from manifests as written (no Kustomize or Helm rendering). */
  public static final String MANIFESTS_SCOPE = "kubernetes";

  /** The scope of a Kustomize root's rendered objects: the prefix, then the root's folder. */
  public static final String KUSTOMIZE_SCOPE_PREFIX = "kustomize:";

  /** The scope of a Helm chart's rendered objects: the prefix, then the chart's folder. */
  public static final String HELM_SCOPE_PREFIX = "helm:";

  private final List<SkippedFile> skipped = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  /** Helm values files given on the command line ({@code --values}), in precedence order. */
  private final List<Path> helmValues;

  public KubernetesAdapter() {
    this(List.of());
  }

  /**
   * The Kustomize root folder ({@code --kustomize-root}, as the plan names it) assessed instead of
   * the production-named one; null for relplan's choice.
   */
  private final String kustomizeRoot;

  public KubernetesAdapter(List<Path> helmValues) {
    this(helmValues, null);
  }

  public KubernetesAdapter(List<Path> helmValues, String kustomizeRoot) {
    this.helmValues = List.copyOf(helmValues);
    this.kustomizeRoot = kustomizeRoot;
  }

  /**
   * Every YAML or JSON document file: manifests, kustomizations and charts, and the patch files a
   * kustomization names (a JSON 6902 patch is a list, not an object). Files holding no object and
   * used by no kustomization are passed over in {@link #adapt}.
   */
  @Override
  public boolean claims(SourceFile file) {
    return file.kind() == FileKind.OTHER && !file.documents().isEmpty();
  }

  @Override
  public boolean asksFor(String fileName) {
    return Kustomize.asksFor(fileName);
  }

  /**
   * The definitions in order of precedence: each Kustomize root chosen as the assessed
   * configuration, each Helm chart, then the manifests no kustomization uses. Every definition of
   * an object (kind, namespace, name) is mapped, in its own scope, and marked with the object it
   * defines: the assessment lists the findings its definitions agree on once, with evidence from
   * each, so a repository describing its services as manifests, an overlay and a chart side by side
   * does not get every finding three times (the plan's notes say which definitions repeat which).
   */
  @Override
  public void adapt(Discovery.Result claimed, Workload w) {
    Definitions definitions = new Definitions();
    Kustomize.Result kustomize = chosen(Kustomize.render(claimed));
    skipped.addAll(kustomize.skipped());
    notes.addAll(kustomize.notes());
    for (KustomizeRoot root : kustomize.roots()) {
      if (root.assessed()) {
        skipped.addAll(root.skipped());
        String scope = KUSTOMIZE_SCOPE_PREFIX + root.dir();
        List<Node> kept = definitions.keep(scope, scope, root.objects());
        add(kept, scope, Map.of(), root.file(), definitions.marking(scope), w);
      } else if (root.environment() == KustomizeRoot.Environment.NON_PRODUCTION) {
        w.environments.add(
            new Workload.EnvironmentEvidence(
                root.dir(), "Kustomize overlay", new Location(root.file(), 1)));
      }
    }
    PartialManifests partial = PartialManifests.of(claimed.files());
    for (SourceFile f : claimed.files())
      if (PartialManifests.isChart(f) && !partial.isSubchart(f)) renderChart(f, definitions, w);
    addManifests(claimed, partial, kustomize, definitions, w);
    SkaffoldArtifacts.apply(claimed.files(), w);
    notes.addAll(definitions.notes());
  }

  /**
   * The rendering with the root named by {@code --kustomize-root} assessed. The command line has
   * checked that the folder holds a kustomization; one that is not a root (another kustomization
   * includes it) leaves relplan's choice, and the plan says so.
   */
  private Kustomize.Result chosen(Kustomize.Result rendered) {
    if (kustomizeRoot == null) return rendered;
    String wanted = kustomizeRoot.replace('\\', '/');
    while (wanted.endsWith("/")) wanted = wanted.substring(0, wanted.length() - 1);
    Optional<Kustomize.Result> chosen = rendered.choosing(wanted);
    if (chosen.isEmpty())
      notes.add(
          "Kustomize: --kustomize-root "
              + kustomizeRoot
              + " is not a root (another kustomization includes it, or it did not render); roots: "
              + String.join(
                  ", ", rendered.roots().stream().map(KustomizeRoot::dir).sorted().toList()));
    return chosen.orElse(rendered);
  }

  /** Manifests as written: files no kustomization uses, outside charts' templates. */
  private void addManifests(
      Discovery.Result claimed,
      PartialManifests partial,
      Kustomize.Result kustomize,
      Definitions definitions,
      Workload w) {
    int files = 0;
    int partialFiles = 0;
    int partialDocuments = 0;
    int objects = 0;
    for (SourceFile f : claimed.files()) {
      if (f.documents().stream().noneMatch(KubernetesObjects::isManifest)) continue;
      if (PartialManifests.isChart(f) || PartialManifests.isKustomization(f)) continue;
      if (kustomize.resourceFiles().contains(f.display())
          || kustomize.patchFiles().contains(f.display())) continue;
      if (partial.partReason(f) != null) {
        partialFiles++;
        continue;
      }
      List<Node> kept = definitions.keep(f.display(), MANIFESTS_SCOPE, f.documents());
      if (!add(kept, MANIFESTS_SCOPE, Map.of(), f.display(), definitions.marking(f.display()), w))
        continue;
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
              + " file(s) of Helm chart templates, Kustomize patches or Kustomize configurations not"
              + " assessed as whole objects");
    if (partialDocuments > 0)
      notes.add(
          "Kubernetes: "
              + partialDocuments
              + " document(s) without kind or metadata.name not assessed as objects");
  }

  /**
   * Maps one definition's objects into a draft kept only when all of them were read, each resource
   * marked with the object it defines; false when it was stopped (listed as skipped under {@code
   * display}).
   */
  private boolean add(
      List<Node> objects,
      String scope,
      Map<Node, List<Location>> origins,
      String display,
      Consumer<Workload> marking,
      Workload w) {
    Workload draft = Draft.start();
    Optional<SkippedFile> stopped =
        FileGuard.run(display, () -> KubernetesModel.add(objects, scope, origins, draft));
    if (stopped.isPresent()) {
      skipped.add(stopped.get());
      return false;
    }
    marking.accept(draft);
    Draft.commit(draft, w);
    return true;
  }

  /**
   * A chart (not a subchart: its parent renders it) rendered by Helm with the values chosen; its
   * objects are one scope, located at their template lines with the values lines that supplied
   * them. A chart that does not render is listed with Helm's reason.
   */
  private void renderChart(SourceFile chartFile, Definitions definitions, Workload w) {
    Path chartDir = chartFile.path().getParent();
    String display = folderOf(chartFile.display());
    for (Path values : HelmCharts.environmentValues(chartDir)) {
      String name = values.getFileName().toString();
      w.environments.add(
          new Workload.EnvironmentEvidence(
              name.substring(0, name.lastIndexOf('.')),
              "Helm values file",
              new Location(display.isEmpty() ? name : display + "/" + name, 1)));
    }
    RenderedChart chart =
        HelmCharts.render(
            chartDir, display.isEmpty() ? "." : display, helmValues, FileGuard.limits());
    notes.addAll(chart.notes());
    skipped.addAll(chart.skipped());
    if (!chart.rendered()) return;
    String scope = HELM_SCOPE_PREFIX + display;
    add(
        definitions.keep(scope, scope, chart.objects()),
        scope,
        chart.valuesTrace(),
        chartFile.display(),
        definitions.marking(scope),
        w);
  }

  private static String folderOf(String display) {
    int slash = display.lastIndexOf('/');
    return slash < 0 ? "" : display.substring(0, slash);
  }

  @Override
  public void link(Discovery.Result claimed, Workload w) {
    // Definitions sharing a base file give the same note on its probe once.
    Set<String> seen = new HashSet<>(notes);
    for (String note : KubernetesModel.link(w)) if (seen.add(note)) notes.add(note);
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
