package dev.relplan.iac.kubernetes.helm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The named templates ({@code define}) of a chart and its unpacked subcharts, as Helm sees them:
 * one namespace for all, the first definition of a name kept. Each body is read as a template of
 * its own ({@link TemplateShape}), so a value an {@code include} writes can be followed into the
 * line of the body that wrote it, with the body's data being the argument of the call.
 */
final class NamedTemplates {
  /** Template files read at most, and the bytes of one: the chart copy has the same bounds. */
  private static final int MAX_FILES = 2_000;

  private final Map<String, String> bodies = new HashMap<>();
  private final Map<String, TemplateShape> shapes = new HashMap<>();

  static final NamedTemplates NONE = new NamedTemplates();

  private NamedTemplates() {}

  /** The named templates of the chart in {@code chartDir} and of the subcharts unpacked in it. */
  static NamedTemplates of(Path chartDir) throws IOException {
    NamedTemplates named = new NamedTemplates();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(chartDir)) {
      files =
          walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
              .filter(p -> inTemplates(chartDir.relativize(p)))
              .sorted()
              .limit(MAX_FILES)
              .toList();
    }
    for (Path file : files)
      TemplateScopes.defines(Files.readString(file)).forEach(named.bodies::putIfAbsent);
    return named;
  }

  /** Whether a file of the chart is under a {@code templates/} folder (its own or a subchart's). */
  private static boolean inTemplates(Path relative) {
    for (Path name : relative) if (name.toString().equals("templates")) return true;
    return false;
  }

  /** The body of the named template {@code name} as a template; null when there is none. */
  TemplateShape shape(String name) {
    String body = bodies.get(name);
    if (body == null) return null;
    return shapes.computeIfAbsent(name, n -> new TemplateShape(body));
  }
}
