package dev.relplan.code.java;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Spring {@code @Bean} methods of the whole scanned code base by the simple name of the type they
 * return, so an injected client can be traced to the one method that builds it; and the code base's
 * classes by simple name, for constants and {@code @ConfigurationProperties} classes another file
 * refers to.
 */
final class Beans {
  record Producer(FileContext ctx, MethodDeclaration method) {}

  /** A class (or interface, enum, record) declared in a scanned file. */
  record Declared(FileContext ctx, TypeDeclaration<?> type) {}

  private final Map<String, List<Producer>> byType = new HashMap<>();
  private final Map<String, List<Declared>> classes = new HashMap<>();

  void add(FileContext ctx, MethodDeclaration m) {
    byType
        .computeIfAbsent(key(m.getType().asString()), k -> new ArrayList<>())
        .add(new Producer(ctx, m));
  }

  /**
   * A type as beans are looked up by: without type arguments and package, a nested type with its
   * outer class ({@code WebClient.Builder} and {@code RestClient.Builder} are different beans).
   */
  static String key(String declaredType) {
    String type = declaredType;
    int generic = type.indexOf('<');
    if (generic >= 0) type = type.substring(0, generic);
    String[] parts = type.split("\\.");
    int first = parts.length - 1;
    while (first > 0
        && !parts[first - 1].isEmpty()
        && Character.isUpperCase(parts[first - 1].charAt(0))) first--;
    return String.join(".", java.util.Arrays.asList(parts).subList(first, parts.length));
  }

  void addClass(FileContext ctx, TypeDeclaration<?> t) {
    classes.computeIfAbsent(t.getNameAsString(), k -> new ArrayList<>()).add(new Declared(ctx, t));
  }

  /** {@code type}: as declared, or as {@link #key} gives it. */
  List<Producer> producers(String type) {
    String key = key(type);
    if (key.contains(".")) return byType.getOrDefault(key, List.of());
    // A nested type imported by itself ("Builder"): every bean type it may be.
    List<Producer> out = new ArrayList<>();
    byType.forEach(
        (k, producers) -> {
          if (k.equals(key) || k.endsWith("." + key)) out.addAll(producers);
        });
    out.sort(
        java.util.Comparator.comparing((Producer p) -> p.ctx().file)
            .thenComparing(p -> p.method().getBegin().map(b -> b.line).orElse(0)));
    return out;
  }

  /**
   * The producers a file of one application sees: those of its own module (the folder above {@code
   * src/main/java/}) when it has any — in a repository of several Spring applications each builds
   * its own beans — else all of them (a shared library module may hold the configuration).
   */
  List<Producer> producers(String type, String forFile) {
    List<Producer> all = producers(type);
    String module = module(forFile);
    if (module == null || all.size() < 2) return all;
    List<Producer> own = all.stream().filter(p -> module.equals(module(p.ctx().file))).toList();
    return own.isEmpty() ? all : own;
  }

  /** The classes named so, those of the file's own module first. */
  List<Declared> classes(String simpleName, String forFile) {
    List<Declared> all = classes.getOrDefault(simpleName, List.of());
    String module = module(forFile);
    if (module == null || all.size() < 2) return all;
    List<Declared> own = all.stream().filter(d -> module.equals(module(d.ctx().file))).toList();
    return own.isEmpty() ? all : own;
  }

  /** The part of a source path before src/main/java/, or null when it has none. */
  static String module(String path) {
    int at = ("/" + path).indexOf("/src/main/java/");
    return at < 0 ? null : path.substring(0, at);
  }
}
