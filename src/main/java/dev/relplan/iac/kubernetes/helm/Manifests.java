package dev.relplan.iac.kubernetes.helm;

import dev.relplan.parse.Node;
import dev.relplan.parse.ParseException;
import dev.relplan.parse.ScalarNode;
import dev.relplan.parse.YamlLoader;
import dev.relplan.source.Location;
import dev.relplan.source.SkippedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns Helm's rendered output into located objects: the output is split at its {@code # Source:
 * chart/templates/x.yaml} lines, each part parsed with {@link YamlLoader} and relocated onto its
 * template ({@link Relocator}), with the values of the chart or subchart that template belongs to.
 */
final class Manifests {
  private static final String SOURCE = "# Source: ";

  private final ChartLayout root;
  private final String display;
  private final ValuesSources rootValues;
  private final NamedTemplates named;
  private final Map<String, TemplateShape> shapes = new HashMap<>();
  private final Map<Node, List<Location>> trace = Relocator.newSideMap();
  private final List<Node> objects = new ArrayList<>();
  private final List<SkippedFile> skipped = new ArrayList<>();

  /** The template a {@code # Source:} path names: its file, display and values. */
  private record Template(Path file, String display, ValuesSources values) {}

  private Manifests(
      ChartLayout root, String display, ValuesSources rootValues, NamedTemplates named) {
    this.root = root;
    this.named = named;
    this.display = display;
    this.rootValues = rootValues;
  }

  static RenderedChart locate(
      ChartLayout layout,
      String display,
      List<Path> valuesFiles,
      String valuesUsed,
      String output,
      List<String> notes)
      throws IOException {
    List<ValuesSources.Source> sources = new ArrayList<>();
    for (int i = valuesFiles.size() - 1; i >= 0; i--) {
      Path file = valuesFiles.get(i);
      Node tree = HelmCharts.valuesTree(file, displayOf(layout.dir, display, file));
      if (tree != null) sources.add(new ValuesSources.Source(tree));
    }
    Node defaults =
        HelmCharts.valuesTree(
            layout.dir.resolve("values.yaml"), HelmCharts.inChart(display, "values.yaml"));
    if (defaults != null) sources.add(new ValuesSources.Source(defaults));
    Manifests m =
        new Manifests(layout, display, new ValuesSources(sources), NamedTemplates.of(layout.dir));
    m.read(output);
    return new RenderedChart(
        layout.dir, layout.name, valuesUsed, m.objects, m.skipped, notes, m.trace);
  }

  /** How the scan names {@code file}: under the chart's display name when it is in the chart. */
  static String displayOf(Path chartDir, String display, Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Path dir = chartDir.toAbsolutePath().normalize();
    String shown =
        absolute.startsWith(dir)
            ? HelmCharts.inChart(display, dir.relativize(absolute).toString())
            : file.toString();
    return shown.replace('\\', '/');
  }

  /** The documents Helm printed under one {@code # Source:} line. */
  private record Part(Template template, List<Node> documents) {}

  private void read(String output) throws IOException {
    List<Part> parts = new ArrayList<>();
    String source = null;
    StringBuilder text = new StringBuilder();
    for (String line : output.split("\n", -1)) {
      if (line.startsWith(SOURCE)) {
        parse(source, text.toString(), parts);
        source = line.substring(SOURCE.length()).strip();
        text.setLength(0);
      }
      text.append(line).append('\n');
    }
    parse(source, text.toString(), parts);
    relocate(parts);
  }

  private void parse(String source, String text, List<Part> parts) throws IOException {
    if (source == null) return;
    Template template = template(source);
    try {
      parts.add(new Part(template, YamlLoader.loadAll(template.display(), text)));
    } catch (ParseException e) {
      skipped.add(new SkippedFile(template.display(), "its rendered output " + e.getMessage()));
    }
  }

  /**
   * Relocates every document onto its template. Helm keeps the order of one template's documents of
   * one kind, so when a template prints as many documents of a kind as it has literal documents of
   * that kind, the n-th printed is the n-th written; otherwise (a {@code range}, a false {@code
   * if}) the document is found by kind alone.
   */
  private void relocate(List<Part> parts) throws IOException {
    Map<String, Integer> printed = new HashMap<>();
    for (Part part : parts)
      for (Node document : part.documents())
        printed.merge(
            part.template().display() + "\n" + Relocator.kindOf(document), 1, Integer::sum);
    Map<String, Integer> seen = new HashMap<>();
    for (Part part : parts) {
      TemplateShape shape = shape(part.template().file());
      for (Node document : part.documents()) {
        if (document == null || document instanceof ScalarNode) continue;
        String kind = Relocator.kindOf(document);
        String key = part.template().display() + "\n" + kind;
        int n = seen.merge(key, 1, Integer::sum) - 1;
        List<Integer> written =
            shape == null || kind == null ? List.of() : shape.segmentsOfKind(kind);
        int segment = written.size() == printed.get(key) ? written.get(n) : -1;
        Template t = part.template();
        objects.add(
            new Relocator(shape, t.display(), t.values(), named, trace)
                .relocate(document, segment));
      }
    }
  }

  private TemplateShape shape(Path file) throws IOException {
    if (file == null) return null;
    String key = file.toString();
    if (!shapes.containsKey(key)) {
      shapes.put(
          key,
          Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
              ? new TemplateShape(Files.readString(file))
              : null);
    }
    return shapes.get(key);
  }

  /**
   * The template named {@code chart/charts/sub/templates/x.yaml}: subcharts are followed through
   * {@code charts/} by chart name, their values scoped under their key in the parent's values.
   */
  private Template template(String source) throws IOException {
    String[] parts = source.split("/");
    ChartLayout chart = root;
    String shown = display;
    ValuesSources values = rootValues;
    int i = 1;
    while (i + 1 < parts.length && parts[i].equals("charts")) {
      Path subdir = chart.subchartDir(parts[i + 1]);
      if (subdir == null) {
        String archive = HelmCharts.inChart(shown, "charts/" + parts[i + 1]);
        return new Template(
            null, HelmCharts.chartFile(shown).file(), values.forSubchart(archive, null));
      }
      // Helm names a subchart by its alias when it has one, which is also its values key
      String key = parts[i + 1];
      shown = HelmCharts.inChart(shown, "charts/" + subdir.getFileName());
      values =
          values.forSubchart(
              key,
              HelmCharts.valuesTree(
                  subdir.resolve("values.yaml"), HelmCharts.inChart(shown, "values.yaml")));
      chart = ChartLayout.read(subdir);
      i += 2;
    }
    String relative =
        String.join("/", List.of(parts).subList(Math.min(i, parts.length), parts.length));
    return new Template(chart.dir.resolve(relative), HelmCharts.inChart(shown, relative), values);
  }
}
