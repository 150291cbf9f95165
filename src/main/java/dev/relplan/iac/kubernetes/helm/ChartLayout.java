package dev.relplan.iac.kubernetes.helm;

import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ParseException;
import dev.relplan.parse.ScalarNode;
import dev.relplan.parse.SeqNode;
import dev.relplan.parse.YamlLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a chart directory declares, read from its {@code Chart.yaml} (and a v1 chart's {@code
 * requirements.yaml}) without Helm: its name and type, its dependencies, and the subcharts vendored
 * under {@code charts/}, each by the path Helm names it with in {@code # Source:} lines ({@code
 * parent/charts/child}) mapped to its directory.
 */
final class ChartLayout {
  /** A dependency declared in {@code Chart.yaml}: its name, alias (or null) and repository. */
  record Dependency(String name, String alias, String repository) {}

  final Path dir;
  final String name;
  final String type;
  final List<Dependency> dependencies;

  /** Subchart directories under {@code charts/} by chart name (unpacked ones only). */
  final Map<String, Path> unpackedSubcharts;

  /** File names of chart archives under {@code charts/}. */
  final List<String> archives;

  private ChartLayout(Path dir, MapNode chartYaml, List<Dependency> dependencies)
      throws IOException {
    this.dir = dir;
    this.name = text(chartYaml, "name", dir.getFileName().toString());
    this.type = text(chartYaml, "type", "application");
    this.dependencies = dependencies;
    this.unpackedSubcharts = new LinkedHashMap<>();
    this.archives = new ArrayList<>();
    Path charts = dir.resolve("charts");
    if (!Files.isDirectory(charts, LinkOption.NOFOLLOW_LINKS)) return;
    try (Stream<Path> entries = Files.list(charts)) {
      for (Path entry : entries.sorted().toList()) {
        if (Files.isRegularFile(entry.resolve("Chart.yaml"), LinkOption.NOFOLLOW_LINKS))
          unpackedSubcharts.putIfAbsent(read(entry).name, entry);
        else if (entry.getFileName().toString().endsWith(".tgz"))
          archives.add(entry.getFileName().toString());
      }
    }
  }

  /** The layout of the chart in {@code dir}; an exception when its Chart.yaml cannot be read. */
  static ChartLayout read(Path dir) throws IOException {
    MapNode chart = mapOf(dir.resolve("Chart.yaml"));
    if (chart == null) throw new IOException("Chart.yaml is not a mapping");
    List<Dependency> dependencies = new ArrayList<>(dependencies(chart));
    Path requirements = dir.resolve("requirements.yaml");
    if (Files.isRegularFile(requirements, LinkOption.NOFOLLOW_LINKS)) {
      MapNode legacy = mapOf(requirements);
      if (legacy != null) dependencies.addAll(dependencies(legacy));
    }
    return new ChartLayout(dir, chart, dependencies);
  }

  /** Whether a dependency's chart is vendored under {@code charts/}, unpacked or archived. */
  boolean vendored(Dependency dependency) {
    if (unpackedSubcharts.containsKey(dependency.name())) return true;
    for (String archive : archives) if (archive.startsWith(dependency.name() + "-")) return true;
    return false;
  }

  /**
   * The unpacked subchart Helm names {@code nameOrAlias} in its {@code # Source:} paths (an aliased
   * dependency is named by its alias); null when it is not unpacked here.
   */
  Path subchartDir(String nameOrAlias) {
    Path dir = unpackedSubcharts.get(nameOrAlias);
    if (dir != null) return dir;
    for (Dependency d : dependencies)
      if (nameOrAlias.equals(d.alias())) return unpackedSubcharts.get(d.name());
    return null;
  }

  private static List<Dependency> dependencies(MapNode chart) {
    List<Dependency> out = new ArrayList<>();
    if (!(chart.get("dependencies") instanceof SeqNode seq)) return out;
    for (Node item : seq.items()) {
      if (!(item instanceof MapNode dep)) continue;
      String name = text(dep, "name", null);
      if (name != null)
        out.add(new Dependency(name, text(dep, "alias", null), text(dep, "repository", "")));
    }
    return out;
  }

  static MapNode mapOf(Path file) throws IOException {
    try {
      List<Node> docs = YamlLoader.loadAll(file.toString(), Files.readString(file));
      return docs.isEmpty() || !(docs.get(0) instanceof MapNode m) ? null : m;
    } catch (ParseException e) {
      throw new IOException(file.getFileName() + ": " + e.getMessage());
    }
  }

  private static String text(MapNode map, String key, String otherwise) {
    return map.get(key) instanceof ScalarNode s && s.text() != null ? s.text() : otherwise;
  }
}
