package dev.relplan.pipeline;

import dev.relplan.model.Suppression;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ParseException;
import dev.relplan.parse.ScalarNode;
import dev.relplan.parse.SeqNode;
import dev.relplan.parse.YamlLoader;
import dev.relplan.source.FileGuard;
import dev.relplan.source.InputError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Settings from {@code relplan.yaml} (in the first scanned path, or --config FILE): workload name,
 * availability target, recovery objectives, extra folders to skip, the per-file limits and the
 * central list of suppressions (docs/suppressions.md), the business tier and the past-incidents
 * file (resolved against the configuration file's folder). Command-line options win.
 */
public record Config(
    String workload,
    String target,
    String rto,
    String rpo,
    List<String> exclude,
    FileGuard.Limits limits,
    List<Suppression> suppressions,
    String tier,
    Path incidents,
    Map<String, ConfigEnvironments.Environment> environments) {
  public static final String FILE_NAME = "relplan.yaml";

  /** The business tiers a workload may be given, most critical first. */
  public static final List<String> TIERS = List.of("critical", "high", "medium", "low");

  private static final Set<String> KEYS =
      Set.of(
          "workload",
          "target",
          "rto",
          "rpo",
          "exclude",
          "limits",
          "suppressions",
          "tier",
          "incidents",
          "environments");
  private static final String KNOWN =
      "workload, target, rto, rpo, exclude, limits, suppressions, tier, incidents, environments";

  /** A one-line input error at a line of the settings file: "relplan.yaml:12: message". */
  static InputError settingError(String display, int line, String message) {
    return new InputError(display + ":" + line + ": " + message);
  }

  public static Config empty() {
    return new Config(
        null,
        null,
        null,
        null,
        List.of(),
        FileGuard.Limits.defaults(),
        List.of(),
        null,
        null,
        Map.of());
  }

  public static Config load(Path file) {
    String display = file.toString().replace('\\', '/');
    try {
      List<Node> docs = YamlLoader.loadAll(display, Files.readString(file, StandardCharsets.UTF_8));
      if (docs.isEmpty() || docs.get(0) == null) return empty();
      if (!(docs.get(0) instanceof MapNode m))
        throw new InputError(display + " must be a mapping of settings (" + KNOWN + ")");
      for (MapNode.Entry e : m.entries()) {
        if (!KEYS.contains(e.key())) {
          throw settingError(
              display,
              e.keyLocation().line(),
              "unknown setting '" + e.key() + "' (known: " + KNOWN + ")");
        }
      }
      List<String> exclude = new ArrayList<>();
      if (m.get("exclude") instanceof SeqNode s) {
        for (Node n : s.items())
          if (n instanceof ScalarNode sc && sc.text() != null) exclude.add(sc.text());
      }
      return new Config(
          text(m, "workload"),
          text(m, "target"),
          text(m, "rto"),
          text(m, "rpo"),
          List.copyOf(exclude),
          limits(display, m.get("limits")),
          ConfigSuppressions.read(display, m.get("suppressions")),
          tier(display, m.entry("tier")),
          incidents(file, display, m.entry("incidents")),
          ConfigEnvironments.read(file, display, m.get("environments")));
    } catch (ParseException e) {
      throw new InputError(display + " cannot be parsed: " + e.getMessage());
    } catch (IOException e) {
      throw new InputError(display + " cannot be read: " + e.getMessage());
    }
  }

  /**
   * {@code limits: {fileSeconds: 30, fileMemoryMb: 512}}: the per-file time and memory budgets;
   * either may be left out for its default.
   */
  private static FileGuard.Limits limits(String display, Node node) {
    FileGuard.Limits defaults = FileGuard.Limits.defaults();
    if (node == null) return defaults;
    if (!(node instanceof MapNode m))
      throw settingError(
          display, node.location().line(), "limits must be a mapping (fileSeconds, fileMemoryMb)");
    double seconds = defaults.fileSeconds();
    long memory = defaults.fileMemoryBytes();
    for (MapNode.Entry e : m.entries()) {
      double n = positiveNumber(display, e);
      switch (e.key()) {
        case "fileSeconds" -> seconds = n;
        case "fileMemoryMb" -> memory = (long) (n * 1024 * 1024);
        default ->
            throw settingError(
                display,
                e.keyLocation().line(),
                "unknown limit '" + e.key() + "' (known: fileSeconds, fileMemoryMb)");
      }
    }
    return new FileGuard.Limits(seconds, memory);
  }

  private static double positiveNumber(String display, MapNode.Entry e) {
    String text = e.value() instanceof ScalarNode s ? s.text() : null;
    try {
      double n = text == null ? Double.NaN : Double.parseDouble(text.strip());
      if (n > 0 && Double.isFinite(n)) return n;
    } catch (NumberFormatException ex) {
      // reported below
    }
    throw settingError(
        display, e.keyLocation().line(), "limits." + e.key() + " must be a positive number");
  }

  /** {@code tier: critical|high|medium|low}, any case; null when not set. */
  private static String tier(String display, MapNode.Entry entry) {
    if (entry == null) return null;
    String text = entry.value() instanceof ScalarNode s && s.text() != null ? s.text().strip() : "";
    String tier = text.toLowerCase(Locale.ROOT);
    if (TIERS.contains(tier)) return tier;
    throw settingError(
        display,
        entry.keyLocation().line(),
        "tier '" + text + "' is not one of " + String.join(", ", TIERS));
  }

  /**
   * {@code incidents: FILE}, relative to the configuration file's folder; whether the file exists
   * and parses is checked when it is used (only when --incidents is not given).
   */
  private static Path incidents(Path file, String display, MapNode.Entry entry) {
    if (entry == null) return null;
    if (!(entry.value() instanceof ScalarNode s) || s.text() == null || s.text().isBlank())
      throw settingError(
          display,
          entry.keyLocation().line(),
          "incidents must name a YAML or JSON file of past incidents, relative to " + FILE_NAME);
    Path folder = file.getParent();
    return folder == null ? Path.of(s.text().strip()) : folder.resolve(s.text().strip());
  }

  private static String text(MapNode m, String key) {
    return m.get(key) instanceof ScalarNode s ? s.text() : null;
  }
}
