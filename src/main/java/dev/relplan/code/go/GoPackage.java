package dev.relplan.code.go;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parsed files of one Go package (one directory, one package clause), so that a route
 * registered in one file can be followed to the handler, helper function or package variable
 * another file of the package declares.
 */
final class GoPackage {
  /** A declaration or binding found in one of the package's files. */
  record Found(GoFile file, GoNode node) {}

  final List<GoFile> files = new ArrayList<>();

  /** Groups files by directory and package name, in the files' order. */
  static Map<GoFile, GoPackage> of(List<GoFile> files) {
    Map<String, GoPackage> byKey = new LinkedHashMap<>();
    Map<GoFile, GoPackage> out = new LinkedHashMap<>();
    for (GoFile f : files) {
      int slash = f.file.replace('\\', '/').lastIndexOf('/');
      String key = (slash < 0 ? "" : f.file.substring(0, slash)) + "\n" + f.packageName();
      GoPackage p = byKey.computeIfAbsent(key, k -> new GoPackage());
      p.files.add(f);
      out.put(f, p);
    }
    return out;
  }

  /** A package holding one file only (tests, and files scanned alone). */
  static GoPackage single(GoFile f) {
    GoPackage p = new GoPackage();
    p.files.add(f);
    return p;
  }

  /**
   * The one function (or, when {@code method}, the one method of any receiver type) declared with
   * this name in the package; null when there is none or several.
   */
  Found declaration(String name, boolean method) {
    Found found = null;
    for (GoFile f : files) {
      for (GoNode d : f.root.children) {
        boolean kind = method ? d.is("method_declaration") : d.is("function_declaration");
        if (!kind || d.field("name") == null || !d.field("name").text().equals(name)) continue;
        if (found != null) return null;
        found = new Found(f, d);
      }
    }
    return found;
  }

  /**
   * The package-level {@code const} or {@code var} specs declaring this name, and every plain
   * assignment to it inside a function that does not declare a local of the same name.
   */
  List<Found> packageBindings(String name) {
    List<Found> out = new ArrayList<>();
    for (GoFile f : files) {
      for (GoNode spec : specs(f)) {
        for (GoNode c : spec.children)
          if ("name".equals(c.field) && c.text().equals(name)) out.add(new Found(f, spec));
      }
      for (GoNode a : f.root.all("assignment_statement")) {
        GoNode left = a.field("left");
        if (left == null || a.declaration() == null || declaresLocal(a.declaration(), name, f, a))
          continue;
        for (GoNode l : left.children)
          if (l.is("identifier") && l.text().equals(name)) out.add(new Found(f, a));
      }
    }
    return out;
  }

  private static List<GoNode> specs(GoFile f) {
    List<GoNode> out = new ArrayList<>();
    for (GoNode d : f.root.children) {
      if (!d.is("const_declaration") && !d.is("var_declaration")) continue;
      out.addAll(d.all("const_spec"));
      out.addAll(d.all("var_spec"));
    }
    return out;
  }

  private static boolean declaresLocal(GoNode decl, String name, GoFile f, GoNode use) {
    if (f.parameter(name, use) != null) return true;
    for (GoNode s : decl.all("short_var_declaration")) {
      GoNode left = s.field("left");
      if (left != null) for (GoNode l : left.children) if (l.text().equals(name)) return true;
    }
    for (GoNode s : decl.all("var_spec"))
      for (GoNode c : s.children) if ("name".equals(c.field) && c.text().equals(name)) return true;
    return false;
  }

  /** The method of a receiver type with this name, or null. */
  Found method(String receiverType, String name) {
    for (GoFile f : files) {
      for (GoNode d : f.root.children) {
        if (!d.is("method_declaration")
            || d.field("name") == null
            || !d.field("name").text().equals(name)
            || d.field("receiver") == null) continue;
        for (GoNode t : d.field("receiver").all("type_identifier")) {
          if (t.text().equals(receiverType)) return new Found(f, d);
          break;
        }
      }
    }
    return null;
  }

  /**
   * The qualified type ({@code go.uber.org/zap.Logger}) a struct type of the package declares a
   * field with, or null when the type or field is not found or is not an imported type.
   */
  String fieldType(String structType, String field) {
    for (GoFile f : files) {
      for (GoNode spec : f.root.all("type_spec")) {
        GoNode name = spec.field("name");
        GoNode type = spec.field("type");
        if (name == null || type == null || !name.text().equals(structType)) continue;
        for (GoNode fd : type.all("field_declaration")) {
          for (GoNode c : fd.children)
            if ("name".equals(c.field) && c.text().equals(field))
              return f.qualify(fd.field("type"));
        }
      }
    }
    return null;
  }
}
