package dev.relplan.iac.kubernetes.kustomize;

import dev.relplan.discover.Discovery;
import dev.relplan.discover.SourceFile;
import dev.relplan.iac.kubernetes.kustomize.KustomizeRoot.Environment;
import dev.relplan.model.Production;
import dev.relplan.parse.Node;
import dev.relplan.source.FileGuard;
import dev.relplan.source.SkippedFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Kustomize rendered in-process from the files discovery read: finds every kustomization, takes
 * those no other kustomization includes as roots, and renders each root (through {@link FileGuard},
 * so one broken root is skipped with its reason and the others render) into located objects.
 * Nothing is fetched and nothing outside the scanned paths is read.
 */
public final class Kustomize {
  /** Bounds on hostile trees: nesting of kustomizations, patches per kustomization, objects. */
  public record Bounds(int maxDepth, int maxPatches, int maxObjects) {
    public static Bounds defaults() {
      return new Bounds(32, 1000, 100_000);
    }
  }

  /**
   * Everything the Kubernetes adapter needs: the rendered roots, what could not be rendered, and
   * the files that are parts of kustomizations (kustomization files, patch files, resources) so it
   * never assesses a patch file as a whole object.
   */
  public record Result(
      List<KustomizeRoot> roots,
      List<SkippedFile> skipped,
      Set<String> kustomizationFiles,
      Set<String> patchFiles,
      Set<String> resourceFiles,
      List<String> notes) {
    /**
     * The same result with the root in {@code dir} as the assessed configuration of its family (an
     * option of the run picks it instead of the production-named one); empty when no root has that
     * folder.
     */
    public Optional<Result> choosing(String dir) {
      if (roots.stream().noneMatch(r -> r.dir().equals(dir))) return Optional.empty();
      List<KustomizeRoot> chosen = Selection.prefer(roots, dir);
      return Optional.of(
          new Result(
              chosen,
              skipped,
              kustomizationFiles,
              patchFiles,
              resourceFiles,
              Selection.notes(chosen)));
    }
  }

  private Kustomize() {}

  /**
   * True for a lower-case file name discovery does not read by itself: a {@code Kustomization}
   * without extension (for {@code Adapter.asksFor}).
   */
  public static boolean asksFor(String lowerCaseName) {
    return lowerCaseName.equals("kustomization");
  }

  public static boolean isKustomizationFile(SourceFile file) {
    return Kustomization.isKustomizationName(file.path().getFileName().toString());
  }

  public static Result render(Discovery.Result files) {
    return render(files, Bounds.defaults());
  }

  public static Result render(Discovery.Result discovered, Bounds bounds) {
    ScannedFiles files = new ScannedFiles(discovered);
    Graph graph = Graph.of(files);
    List<KustomizeRoot> roots = new ArrayList<>();
    List<SkippedFile> skipped = new ArrayList<>(graph.unreadable());
    for (Path dir : graph.roots()) {
      Outcome outcome = renderRoot(files, bounds, dir);
      if (outcome.root() != null) roots.add(outcome.root());
      else skipped.add(outcome.failure());
    }
    for (Path dir : graph.unreached()) {
      Outcome outcome = renderRoot(files, bounds, dir);
      skipped.add(
          outcome.failure() != null
              ? outcome.failure()
              : new SkippedFile(
                  outcome.root().file(),
                  "kustomization included only by kustomizations that are not rendered"));
    }
    for (String component : graph.unusedComponents())
      skipped.add(new SkippedFile(component, "Kustomize component that no kustomization includes"));
    List<KustomizeRoot> chosen = Selection.choose(roots);
    skipped.sort(null);
    return new Result(
        chosen,
        List.copyOf(skipped),
        graph.kustomizationFiles(),
        graph.patchFiles(),
        graph.resourceFiles(),
        Selection.notes(chosen));
  }

  /** A root rendered, or why not. */
  private record Outcome(KustomizeRoot root, SkippedFile failure) {}

  /** One root through {@link FileGuard}: an overrun, overflow or failure skips only this root. */
  private static Outcome renderRoot(ScannedFiles files, Bounds bounds, Path dir) {
    String display = files.kustomization(dir).display();
    Outcome[] outcome = {null};
    Optional<SkippedFile> stopped =
        FileGuard.run(display, () -> outcome[0] = build(files, bounds, dir, display));
    return stopped.map(s -> new Outcome(null, s)).orElse(outcome[0]);
  }

  private static Outcome build(ScannedFiles files, Bounds bounds, Path dir, String display) {
    Builder b = new Builder(files, bounds);
    try {
      List<Node> objects = new ArrayList<>();
      for (RenderedObject o : b.build(dir, List.of(), List.of())) objects.add(o.node());
      String folder = folder(display);
      KustomizeRoot root =
          new KustomizeRoot(
              folder,
              display,
              environment(folder, files.kustomization(dir)),
              false,
              List.copyOf(objects),
              List.copyOf(b.skipped()),
              List.copyOf(b.notes()),
              Collections.unmodifiableSet(new TreeSet<>(b.filesRead())));
      return new Outcome(root, null);
    } catch (RenderException e) {
      return new Outcome(
          null, new SkippedFile(display, "kustomization not rendered: " + e.getMessage()));
    }
  }

  /** The folder of a file as the report shows it: "." for a file at the top of the scan. */
  static String folder(String display) {
    int slash = display.lastIndexOf('/');
    return slash < 0 ? "." : display.substring(0, slash);
  }

  /**
   * The environment the root's folder names, else the one its {@code namespace} names (an overlay
   * deploying to {@code shop-prod}), else unknown.
   */
  static Environment environment(String dir, Kustomization k) {
    Environment byFolder = environment(dir);
    String namespace = Trees.text(k.node(), "namespace");
    if (byFolder != Environment.UNKNOWN || namespace == null) return byFolder;
    Boolean production = Production.classify(namespace);
    if (production == null) return Environment.UNKNOWN;
    return production ? Environment.PRODUCTION : Environment.NON_PRODUCTION;
  }

  /** The environment the innermost folder name that names one says; unknown when none does. */
  static Environment environment(String dir) {
    String[] segments = dir.split("/");
    for (int i = segments.length - 1; i >= 0; i--) {
      Boolean production = Production.classify(segments[i].toLowerCase(Locale.ROOT));
      if (production != null)
        return production ? Environment.PRODUCTION : Environment.NON_PRODUCTION;
    }
    return Environment.UNKNOWN;
  }
}
