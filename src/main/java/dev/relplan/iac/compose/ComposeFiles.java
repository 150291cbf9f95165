package dev.relplan.iac.compose;

import dev.relplan.discover.SourceFile;
import dev.relplan.model.Production;
import dev.relplan.model.Value;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which Compose files form one project, and which configuration is assessed. Compose reads {@code
 * compose.yaml} (or {@code compose.yml}, {@code docker-compose.yaml}, {@code docker-compose.yml},
 * in that order of preference) and merges {@code compose.override.yaml} over it unless other files
 * are named with {@code -f} (Compose documentation, "Merge Compose files"). A production-named
 * override ({@code docker-compose.prod.yml}) is what a production deploy names, so it is merged
 * over the base instead; other overrides are environments not assessed, named in the notes.
 */
final class ComposeFiles {
  /** The default file names, in Compose's order of preference. */
  static final List<String> BASES =
      List.of("compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml");

  private static final List<String> PREFIXES =
      List.of("docker-compose.", "docker-compose-", "compose.");

  /** One assessed configuration: its files in merge order, its folder and its environment. */
  record Project(String folder, List<SourceFile> files, Value<String> environment) {
    String describe() {
      return String.join(" + ", files.stream().map(SourceFile::display).toList());
    }
  }

  /** The projects of the claimed Compose files, and notes on the files left out. */
  record Choice(List<Project> projects, List<String> notes) {}

  private ComposeFiles() {}

  /** A YAML file named like a Compose file. */
  static boolean isComposeName(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    if (!lower.endsWith(".yml") && !lower.endsWith(".yaml")) return false;
    return BASES.contains(lower) || PREFIXES.stream().anyMatch(lower::startsWith);
  }

  /** The part of an override's name between the Compose prefix and the extension. */
  static String variant(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    for (String p : PREFIXES)
      if (lower.startsWith(p)) {
        String rest = lower.substring(p.length());
        return rest.substring(0, rest.lastIndexOf('.'));
      }
    return lower;
  }

  static Choice choose(List<SourceFile> files) {
    Map<String, List<SourceFile>> byFolder = new TreeMap<>();
    for (SourceFile f : files)
      byFolder.computeIfAbsent(folder(f.display()), k -> new ArrayList<>()).add(f);
    List<Project> projects = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    byFolder.forEach((folder, inFolder) -> chooseInFolder(folder, inFolder, projects, notes));
    return new Choice(projects, notes);
  }

  private static void chooseInFolder(
      String folder, List<SourceFile> files, List<Project> projects, List<String> notes) {
    SourceFile base = null;
    for (String name : BASES)
      for (SourceFile f : files) if (base == null && name(f).equalsIgnoreCase(name)) base = f;
    List<SourceFile> overrides = new ArrayList<>();
    for (SourceFile f : files)
      if (!BASES.contains(name(f).toLowerCase(Locale.ROOT))) overrides.add(f);
    if (base == null) {
      // Without a default file each one is a project of its own (docker compose -f FILE).
      for (SourceFile f : files)
        projects.add(new Project(folder, List.of(f), environment(variant(name(f)), f, folder)));
      return;
    }
    for (SourceFile f : files)
      if (f != base && BASES.contains(name(f).toLowerCase(Locale.ROOT)))
        notes.add("Compose: " + f.display() + " not read: Compose prefers " + base.display());
    SourceFile production = null;
    SourceFile standard = null;
    for (SourceFile f : overrides) {
      String variant = variant(name(f));
      if (production == null && Boolean.TRUE.equals(Production.classify(variant))) production = f;
      if (variant.equals("override")) standard = f;
    }
    SourceFile chosen = production != null ? production : standard;
    List<SourceFile> merged = new ArrayList<>(List.of(base));
    if (chosen != null) merged.add(chosen);
    Value<String> environment =
        chosen == production && production != null
            ? environment(variant(name(production)), production, folder)
            : environment(null, base, folder);
    projects.add(new Project(folder, merged, environment));
    List<String> others = new ArrayList<>();
    for (SourceFile f : overrides) if (f != chosen) others.add(f.display());
    if (chosen != null)
      notes.add(
          "Compose: "
              + chosen.display()
              + " merged over "
              + base.display()
              + (chosen == production
                  ? " (a production-named override)"
                  : " (Compose merges it by default)"));
    if (!others.isEmpty())
      notes.add(
          "Compose: other configurations of "
              + base.display()
              + " not assessed: "
              + String.join(", ", others));
  }

  /**
   * The environment a variant names (prod, dev …), else the innermost folder naming one; absent
   * when nothing does.
   */
  private static Value<String> environment(String variant, SourceFile file, String folder) {
    if (variant != null && Production.classify(variant) != null)
      return Value.explicit(variant, List.of(new Location(file.display(), 1)));
    String[] parts = folder.split("/");
    for (int i = parts.length - 1; i >= 0; i--)
      if (!parts[i].isEmpty() && Production.classify(parts[i]) != null)
        return Value.explicit(parts[i], List.of(new Location(file.display(), 1)));
    return Value.absent();
  }

  static String folder(String display) {
    int slash = display.lastIndexOf('/');
    return slash < 0 ? "" : display.substring(0, slash);
  }

  static String name(SourceFile f) {
    return f.display().substring(f.display().lastIndexOf('/') + 1);
  }
}
