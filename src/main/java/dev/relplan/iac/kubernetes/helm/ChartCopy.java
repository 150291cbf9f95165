package dev.relplan.iac.kubernetes.helm;

import dev.relplan.parse.YamlText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The copy of a chart that Helm renders, in relplan's private directory: the chart as it is, with
 * two changes that make the library's template mode behave like {@code helm template} offline.
 * Every call of {@code lookup} in a template gives an empty map (the library would otherwise ask
 * the cluster of the kubeconfig), and each dependency that is neither unpacked nor archived under
 * {@code charts/} gets an empty stand-in chart, so the chart renders without it instead of failing
 * for the missing download; the stand-in renders nothing and the plan names the dependency as not
 * assessed. Vendored chart archives are unpacked so their templates get the same rewrite. Symbolic
 * links are not followed; the copy is bounded in files and bytes.
 */
final class ChartCopy {
  /** A chart bigger than this is not copied (nor rendered). */
  static final long MAX_BYTES = 64L * 1024 * 1024;

  static final int MAX_FILES = 20_000;

  private ChartCopy() {}

  /** Copies {@code layout}'s chart under {@code target}; the notes name each stand-in. */
  static Path copy(ChartLayout layout, Path target, List<String> notes) throws IOException {
    List<Path> files = files(layout.dir);
    long archived = 0;
    for (Path file : files) {
      Path relative = layout.dir.relativize(file);
      Path to = target.resolve(relative.toString());
      Files.createDirectories(to.getParent());
      if (isVendoredArchive(relative))
        archived += ChartArchive.unpack(file, to.getParent(), MAX_BYTES - archived);
      else if (isTemplate(relative)) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(to, TemplateActions.withoutLookup(text), StandardCharsets.UTF_8);
      } else Files.copy(file, to);
    }
    standIns(layout, target, notes);
    return target;
  }

  private static List<Path> files(Path dir) throws IOException {
    List<Path> files = new ArrayList<>();
    long bytes = 0;
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
        if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) continue;
        bytes += Files.size(p);
        files.add(p);
        if (files.size() > MAX_FILES || bytes > MAX_BYTES)
          throw new IOException(
              "the chart has over "
                  + MAX_FILES
                  + " files or "
                  + MAX_BYTES / (1024 * 1024)
                  + " MiB");
      }
    }
    return files;
  }

  /** A chart archive directly under the chart's {@code charts/}. */
  private static boolean isVendoredArchive(Path relative) {
    return relative.getNameCount() == 2
        && relative.getName(0).toString().equals("charts")
        && relative.getFileName().toString().endsWith(".tgz");
  }

  /** A template of the chart or a subchart: a file anywhere under a {@code templates} folder. */
  private static boolean isTemplate(Path relative) {
    for (Path part : relative) if (part.toString().equals("templates")) return true;
    return false;
  }

  private static void standIns(ChartLayout layout, Path target, List<String> notes)
      throws IOException {
    for (ChartLayout.Dependency dependency : layout.dependencies) {
      if (layout.vendored(dependency)) continue;
      Path standIn = target.resolve("charts").resolve("relplan-missing-" + safe(dependency.name()));
      Files.createDirectories(standIn);
      Files.writeString(
          standIn.resolve("Chart.yaml"),
          "apiVersion: v2\nname: "
              + YamlText.doubleQuoted(dependency.name())
              + "\nversion: 0.0.0\n");
      notes.add(
          "dependency `"
              + dependency.name()
              + "`"
              + (dependency.repository().isEmpty() ? "" : " from " + dependency.repository())
              + " is not vendored under charts/ and was not fetched: not assessed");
    }
  }

  private static String safe(String name) {
    StringBuilder out = new StringBuilder();
    for (char c : name.toCharArray()) out.append(Character.isLetterOrDigit(c) ? c : '_');
    return out.toString();
  }
}
