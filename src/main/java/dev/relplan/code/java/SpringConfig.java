package dev.relplan.code.java;

import dev.relplan.discover.SourceFile;
import dev.relplan.model.Value;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;
import dev.relplan.parse.SeqNode;
import dev.relplan.source.Location;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Spring Boot configuration files ({@code application.yml}, {@code .yaml}, {@code .properties} and
 * their {@code application-<profile>.*} variants), each applying to the Java sources of its module:
 * the folder above {@code src/main/resources/} (or the file's own folder). The default profile
 * decides: the files without a profile suffix and the YAML documents without {@code
 * spring.config.activate.on-profile}; a property also set for a profile is listed, not used.
 */
final class SpringConfig {
  /** A property as written: its canonical key, its value, its line, its profile (null: default). */
  record Property(String key, String written, String value, Location location, String profile) {}

  private record Module(String root, List<Property> properties) {}

  static final SpringConfig NONE = new SpringConfig(List.of());

  private final List<Module> modules;

  private SpringConfig(List<Module> modules) {
    this.modules = modules;
  }

  /** application.yml / .yaml / .properties, with or without a profile suffix. */
  static boolean isConfigFile(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    if (dot < 0) return false;
    String ext = name.substring(dot + 1);
    String base = name.substring(0, dot);
    return (ext.equals("yml") || ext.equals("yaml") || ext.equals("properties"))
        && (base.equals("application") || base.startsWith("application-") && base.length() > 12);
  }

  static SpringConfig read(List<SourceFile> files) {
    List<Module> modules = new ArrayList<>();
    // .properties before .yml in one folder: Boot lets a .properties file win over a YAML one.
    List<SourceFile> ordered =
        files.stream()
            .filter(f -> isConfigFile(f.display()))
            .sorted(Comparator.comparing((SourceFile f) -> !f.display().endsWith(".properties")))
            .toList();
    for (SourceFile f : ordered) {
      String root = moduleRoot(f.display());
      Module m = modules.stream().filter(x -> x.root.equals(root)).findFirst().orElse(null);
      if (m == null) modules.add(m = new Module(root, new ArrayList<>()));
      String profile = profileOf(f.display());
      if (f.display().endsWith(".properties")) {
        for (PropertiesFile.Entry e : PropertiesFile.read(f.content()))
          m.properties.add(
              new Property(
                  canonical(e.key()),
                  e.key(),
                  e.value(),
                  new Location(f.display(), e.line()),
                  profile));
      } else {
        for (Node doc : f.documents()) addDocument(doc, profile, m.properties);
      }
    }
    modules.sort(Comparator.comparing((Module m) -> m.root.length()).reversed());
    return new SpringConfig(modules);
  }

  /** The configuration of the module holding a Java file: the deepest module root above it. */
  Scope scopeOf(String javaFile) {
    for (Module m : modules) if (javaFile.startsWith(m.root)) return new Scope(m.properties);
    return new Scope(List.of());
  }

  /** The properties one Java file sees. */
  static final class Scope {
    private final List<Property> properties;

    Scope(List<Property> properties) {
      this.properties = properties;
    }

    /**
     * The default profile's value of the first of the keys set (canonical form), or null; later
     * lines of one file, and a .properties file over a YAML one, win as in Spring Boot.
     */
    Property get(String... keys) {
      for (String key : keys) {
        Property found = null;
        for (Property p : properties)
          if (p.profile == null
              && p.key.equals(canonical(key))
              && (found == null || sameFile(found, p))) found = p;
        if (found != null) return found;
      }
      return null;
    }

    /**
     * Whether the default profile sets a property under the prefix but not under {@code except}.
     */
    boolean anyUnder(String prefix, String except) {
      String p = canonical(prefix);
      String not = canonical(except);
      return properties.stream()
          .anyMatch(x -> x.profile == null && x.key.startsWith(p) && !x.key.startsWith(not));
    }

    /** Where profiles set any of the keys: listed beside the default's value. */
    List<Property> inProfiles(String... keys) {
      List<Property> out = new ArrayList<>();
      for (String key : keys)
        for (Property p : properties)
          if (p.profile != null && p.key.equals(canonical(key))) out.add(p);
      return out;
    }

    private static boolean sameFile(Property a, Property b) {
      return a.location.file().equals(b.location.file());
    }
  }

  /**
   * A duration property as the timeout of a call: explicit with its line (the default of a {@code
   * ${NAME:default}} placeholder, said so), none when 0, unresolved when the value is not in the
   * repository or not a duration. {@code bareUnit} is the unit of a bare number ("ms" or "s").
   */
  static Value<String> timeout(Property p, String what, String bareUnit, List<Property> profiles) {
    String shown = p.written;
    List<Location> trace = List.of(p.location);
    String value = resolve(p.value);
    if (value == null)
      return Value.unresolved(
          shown + " is set from " + p.value.trim() + ", which is not in the repository", trace);
    Long millis = millis(value, bareUnit);
    if (millis == null)
      return Value.unresolved(shown + " = " + value + " is not a duration relplan reads", trace);
    String also = profiles.isEmpty() ? "" : "; " + profilesNote(profiles);
    if (millis == 0)
      return CallSites.none(shown + " is 0, which means no " + what + " timeout" + also, trace);
    String placeholder =
        p.value.contains("${")
            ? ", the default of " + p.value.trim() + " unless the environment sets it"
            : "";
    return Value.explicit(
        render(millis) + " " + what + " timeout (" + shown + placeholder + also + ")", trace);
  }

  static String profilesNote(List<Property> profiles) {
    List<String> where = new ArrayList<>();
    for (Property p : profiles)
      where.add("profile " + p.profile + " sets " + p.value.trim() + " at " + p.location);
    return String.join(", ", where);
  }

  /**
   * The value with {@code ${NAME:default}} placeholders replaced by their defaults (nested ones
   * too); null when a placeholder has no default or the value mixes text and placeholders.
   */
  static String resolve(String raw) {
    String v = raw.trim();
    if (!v.contains("${")) return v;
    if (!v.startsWith("${") || !v.endsWith("}")) return null;
    String inner = v.substring(2, v.length() - 1);
    int depth = 0;
    for (int k = 0; k < inner.length(); k++) {
      char c = inner.charAt(k);
      if (c == '{') depth++;
      else if (c == '}') depth--;
      else if (c == ':' && depth == 0) return resolve(inner.substring(k + 1));
    }
    return null;
  }

  /**
   * Milliseconds of a Spring Boot duration: a bare number in {@code bareUnit}, a number with a unit
   * suffix (ns, us, ms, s, m, h, d), or ISO-8601 ({@code PT5S}); null when it is none of these.
   */
  static Long millis(String value, String bareUnit) {
    String v = value.trim();
    if (v.isEmpty()) return null;
    if (v.charAt(0) == 'P' || v.charAt(0) == 'p') {
      try {
        return Duration.parse(v.toUpperCase(Locale.ROOT)).toMillis();
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    int k = 0;
    while (k < v.length() && Character.isDigit(v.charAt(k))) k++;
    if (k == 0 || k > 12) return null;
    long n = Long.parseLong(v.substring(0, k));
    String unit = k == v.length() ? bareUnit : v.substring(k).trim().toLowerCase(Locale.ROOT);
    return switch (unit) {
      case "ns" -> n / 1_000_000;
      case "us" -> n / 1_000;
      case "ms" -> n;
      case "s" -> n * 1_000;
      case "m" -> n * 60_000;
      case "h" -> n * 3_600_000;
      case "d" -> n * 86_400_000;
      default -> null;
    };
  }

  static String render(long millis) {
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }

  /**
   * Relaxed binding: {@code read-timeout}, {@code readTimeout} and {@code read_timeout} are one
   * property, so each part of the key is compared lower-case without dashes and underscores.
   */
  static String canonical(String key) {
    StringBuilder out = new StringBuilder(key.length());
    for (char c : key.toCharArray()) if (c != '-' && c != '_') out.append(Character.toLowerCase(c));
    return out.toString();
  }

  private static void addDocument(Node doc, String fileProfile, List<Property> out) {
    List<Property> flat = new ArrayList<>();
    flatten(doc, "", fileProfile, flat);
    String profile = fileProfile;
    for (Property p : flat)
      if (p.key.equals("spring.config.activate.onprofile") || p.key.equals("spring.profiles"))
        profile = p.value.trim();
    for (Property p : flat)
      out.add(
          profile == null || profile.equals(p.profile)
              ? p
              : new Property(p.key, p.written, p.value, p.location, profile));
  }

  private static void flatten(Node node, String prefix, String profile, List<Property> out) {
    if (node instanceof MapNode m) {
      for (MapNode.Entry e : m.entries()) {
        String key = prefix.isEmpty() ? e.key() : prefix + "." + e.key();
        if (e.value() instanceof ScalarNode s) {
          if (!s.isNull())
            out.add(new Property(canonical(key), key, s.text(), e.keyLocation(), profile));
        } else {
          flatten(e.value(), key, profile, out);
        }
      }
    } else if (node instanceof SeqNode s) {
      for (int k = 0; k < s.items().size(); k++) {
        Node item = s.items().get(k);
        String key = prefix + "[" + k + "]";
        if (item instanceof ScalarNode v)
          out.add(new Property(canonical(key), key, v.text(), v.location(), profile));
        else flatten(item, key, profile, out);
      }
    }
  }

  /** The part of a path before src/main/resources/, or the file's folder with its slash. */
  private static String moduleRoot(String path) {
    int resources = ("/" + path).indexOf("/src/main/resources/");
    if (resources >= 0) return path.substring(0, resources);
    return path.substring(0, path.lastIndexOf('/') + 1);
  }

  private static String profileOf(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    String base = name.substring(0, name.lastIndexOf('.'));
    return base.equals("application") ? null : base.substring("application-".length());
  }
}
