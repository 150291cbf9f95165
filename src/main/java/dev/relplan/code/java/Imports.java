package dev.relplan.code.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves a type name written in a file to its fully qualified name from the file's imports. A
 * wildcard import only resolves names of types the scanner knows, because guessing which package a
 * name comes from would attribute calls to the wrong library.
 */
final class Imports {
  private final Map<String, String> explicit = new HashMap<>();
  private final List<String> wildcards = new ArrayList<>();
  private final String pkg;

  Imports(CompilationUnit cu) {
    pkg = cu.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
    for (ImportDeclaration i : cu.getImports()) {
      if (i.isStatic()) continue;
      String name = i.getNameAsString();
      if (i.isAsterisk()) {
        wildcards.add(name);
      } else {
        explicit.put(name.substring(name.lastIndexOf('.') + 1), name);
      }
    }
  }

  /**
   * The fully qualified name of a type name as written (simple, nested like {@code Outer.Inner}, or
   * qualified); null if unknown.
   */
  String resolve(String written) {
    if (written == null || written.isEmpty()) return null;
    int generic = written.indexOf('<');
    if (generic >= 0) written = written.substring(0, generic);
    int dot = written.indexOf('.');
    String first = dot < 0 ? written : written.substring(0, dot);
    String rest = dot < 0 ? "" : written.substring(dot);
    String imported = explicit.get(first);
    if (imported != null) return imported + rest;
    for (String known : KnownTypes.ALL) {
      String simple = known.substring(known.lastIndexOf('.') + 1);
      String knownPkg = known.substring(0, known.lastIndexOf('.'));
      if (simple.equals(first) && (wildcards.contains(knownPkg) || knownPkg.equals(pkg)))
        return known + rest;
    }
    // A qualified name written in full (lower-case first segment is a package).
    if (dot > 0 && Character.isLowerCase(first.charAt(0))) return written;
    return null;
  }
}
