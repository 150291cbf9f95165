package dev.relplan.iac.kubernetes.helm;

import dev.relplan.model.Production;
import dev.relplan.parse.Limits;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ParseException;
import dev.relplan.parse.YamlLoader;
import dev.relplan.source.FileGuard;
import dev.relplan.source.Location;
import dev.relplan.source.SkippedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Renders Helm charts offline with Helm's own engine, like {@code helm template} with the default
 * release name: the chart's {@code values.yaml} merged with the values files given (else a
 * production-named values file in the chart, stated in the notes), vendored subcharts rendered,
 * dependencies that are not vendored named as not assessed, {@code lookup} empty. Helm runs in a
 * process of relplan's own that is stopped at the time, memory and output budgets (docs/helm.md). A
 * chart that does not render is returned with Helm's error as its skipped entry.
 */
public final class HelmCharts {
  /** Memory a render process may take at least, whatever the per-file budget. */
  private static final long MIN_RENDER_MEMORY = 512L * 1024 * 1024;

  private static final AtomicInteger COPIES = new AtomicInteger();

  private HelmCharts() {}

  /**
   * How the scan names a file of the chart: under the chart's folder, or alone when the chart is
   * the scanned folder itself ({@code display} empty or {@code .}).
   */
  static String inChart(String display, String relative) {
    return display.isEmpty() || display.equals(".") ? relative : display + "/" + relative;
  }

  /** Whether {@code dir} is a chart: it holds a {@code Chart.yaml}. */
  public static boolean isChart(Path dir) {
    return Files.isRegularFile(dir.resolve("Chart.yaml"), LinkOption.NOFOLLOW_LINKS);
  }

  /**
   * Renders the chart in {@code chartDir}, which the scan names {@code display}, with {@code
   * valuesFiles} (given on the command line, in precedence order; empty for the chart's own choice)
   * within {@code limits}' time and memory budgets.
   */
  public static RenderedChart render(
      Path chartDir, String display, List<Path> valuesFiles, FileGuard.Limits limits) {
    List<String> notes = new ArrayList<>();
    ChartLayout layout;
    try {
      layout = ChartLayout.read(chartDir);
    } catch (IOException | RuntimeException e) {
      return failed(chartDir, chartDir.getFileName().toString(), display, "", notes, e);
    }
    if (layout.type.equals("library")) {
      notes.add(display + " is a library chart: its templates are rendered by the charts using it");
      return new RenderedChart(chartDir, layout.name, "", List.of(), List.of(), notes, Map.of());
    }
    List<Path> values = valuesFiles.isEmpty() ? productionValues(chartDir) : valuesFiles;
    String valuesUsed = valuesUsed(chartDir, display, values);
    notes.add(
        "Helm chart "
            + (inChart(display, "").isEmpty() ? layout.name : display)
            + " rendered with "
            + valuesUsed
            + describeChoice(valuesFiles, values)
            + ", for Kubernetes "
            + HelmNative.KUBE_VERSION);
    Path copy = HelmNative.workDirectory().resolve("chart-" + COPIES.incrementAndGet());
    try {
      ChartCopy.copy(layout, copy, notes);
      RenderProcess.Outcome outcome = RenderProcess.render(copy, values, bounds(limits));
      if (outcome.stopped())
        return skipped(chartDir, layout.name, display, valuesUsed, notes, outcome.error());
      if (outcome.error() != null) {
        String error = outcome.error().replace(copy.toString(), display);
        return skipped(
            chartDir,
            layout.name,
            display,
            valuesUsed,
            notes,
            "Helm could not render it: " + error);
      }
      return Manifests.locate(layout, display, values, valuesUsed, outcome.manifests(), notes);
    } catch (IOException | RuntimeException e) {
      return failed(chartDir, layout.name, display, valuesUsed, notes, e);
    } finally {
      HelmNative.deleteTree(copy);
    }
  }

  /**
   * The production-named values files in the chart directory ({@code values-prod.yaml}, {@code
   * values.production.yaml}, {@code prod-values.yaml}, …: {@link Production}'s words), the first in
   * name order; empty when there is none.
   */
  static List<Path> productionValues(Path chartDir) {
    return valuesFiles(chartDir, true).stream().limit(1).toList();
  }

  /**
   * The values files in the chart directory named like a non-production environment ({@code
   * values-staging.yaml}, {@code values.dev.yaml}, …), in name order: the chart is deployed to
   * those environments too.
   */
  public static List<Path> environmentValues(Path chartDir) {
    return valuesFiles(chartDir, false);
  }

  /** The chart directory's values files named for production (true) or another environment. */
  private static List<Path> valuesFiles(Path chartDir, boolean production) {
    try (Stream<Path> files = Files.list(chartDir)) {
      return files
          .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .filter(
              p ->
                  Boolean.valueOf(production).equals(valuesEnvironment(p.getFileName().toString())))
          .sorted()
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /**
   * Whether a values file is named for production (true), for another environment (false), or for
   * none (null): {@link Production}'s words in a YAML file name that says "values".
   */
  private static Boolean valuesEnvironment(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    String base;
    if (name.endsWith(".yaml")) base = name.substring(0, name.length() - 5);
    else if (name.endsWith(".yml")) base = name.substring(0, name.length() - 4);
    else return null;
    return words(base).contains("values") ? Production.classify(base) : null;
  }

  private static List<String> words(String name) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (char c : (name + ".").toCharArray()) {
      if (Character.isLetterOrDigit(c)) word.append(c);
      else if (!word.isEmpty()) {
        words.add(word.toString());
        word.setLength(0);
      }
    }
    return words;
  }

  private static String valuesUsed(Path chartDir, String display, List<Path> values) {
    StringBuilder out = new StringBuilder("values.yaml");
    for (Path v : values) out.append(" + ").append(Manifests.displayOf(chartDir, display, v));
    return out.toString();
  }

  private static String describeChoice(List<Path> given, List<Path> used) {
    if (!given.isEmpty()) return " (values files given on the command line)";
    if (!used.isEmpty()) return " (the production values file in the chart)";
    return " (the chart's defaults: no production values file in the chart)";
  }

  private static RenderProcess.Bounds bounds(FileGuard.Limits limits) {
    return new RenderProcess.Bounds(
        limits.fileSeconds(),
        Math.max(MIN_RENDER_MEMORY, limits.fileMemoryBytes()),
        Limits.MAX_FILE_BYTES);
  }

  private static RenderedChart failed(
      Path dir, String name, String display, String valuesUsed, List<String> notes, Exception e) {
    String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return skipped(dir, name, display, valuesUsed, notes, "could not be read: " + reason);
  }

  private static RenderedChart skipped(
      Path dir, String name, String display, String valuesUsed, List<String> notes, String reason) {
    return new RenderedChart(
        dir,
        name,
        valuesUsed,
        List.of(),
        List.of(new SkippedFile(inChart(display, "Chart.yaml"), RenderProcess.firstLine(reason))),
        notes,
        Map.of());
  }

  /** A values file as a located tree; null when it is empty or not a mapping. */
  static Node valuesTree(Path file, String display) throws IOException {
    if (!Files.isRegularFile(file)) return null;
    try {
      List<Node> docs = YamlLoader.loadAll(display, Files.readString(file));
      return docs.isEmpty() || !(docs.get(0) instanceof MapNode m) ? null : m;
    } catch (ParseException e) {
      return null;
    }
  }

  /** A located place in a chart file that exists, for objects whose template cannot be read. */
  static Location chartFile(String display) {
    return new Location(inChart(display, "Chart.yaml"), 1);
  }
}
