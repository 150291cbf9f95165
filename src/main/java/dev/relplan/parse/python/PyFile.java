package dev.relplan.parse.python;

import dev.relplan.source.Location;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One parsed Python file and the flows followed in it: imports (with aliases), a client bound to a
 * name in the same function or at module level (also through {@code with ... as name}), and a
 * client stored on {@code self} in the same class.
 */
public final class PyFile {
  private static final int MAX_DEPTH = 8;

  public final String file;
  public final PyNode root;
  private final Map<String, String> imports = new HashMap<>();

  public PyFile(String file, PyNode root) {
    this.file = file;
    this.root = root;
    for (PyNode i : root.all("import_statement")) {
      for (PyNode c : i.children) {
        if (c.is("dotted_name")) imports.put(c.text().split("\\.")[0], c.text().split("\\.")[0]);
        if (c.is("aliased_import")) imports.put(c.field("alias").text(), c.field("name").text());
      }
    }
    for (PyNode i : root.all("import_from_statement")) {
      PyNode module = i.field("module_name");
      if (module == null) continue;
      for (PyNode c : i.children) {
        if (c == module) continue;
        if (c.is("dotted_name")) imports.put(c.text(), module.text() + "." + c.text());
        if (c.is("aliased_import"))
          imports.put(c.field("alias").text(), module.text() + "." + c.field("name").text());
      }
    }
  }

  public Location at(PyNode n) {
    return new Location(file, n.line);
  }

  /**
   * The dotted name an expression refers to through the imports, e.g. {@code requests.Session};
   * null otherwise.
   */
  public String qualify(PyNode n) {
    if (n == null) return null;
    if (n.is("identifier")) return imports.get(n.text());
    if (n.is("attribute")) {
      String object = qualify(n.field("object"));
      PyNode attr = n.field("attribute");
      return object == null || attr == null ? null : object + "." + attr.text();
    }
    return null;
  }

  /**
   * The expression last bound to a name before {@code use}: in the enclosing function, else at
   * module level.
   */
  public PyNode binding(String name, PyNode use) {
    PyNode function = use.ancestor("function_definition");
    if (function != null) {
      PyNode found = lastAssignment(function, name, use.line, false);
      if (found != null) return found;
    }
    if (moduleBindings == null) {
      moduleBindings = new HashMap<>();
      for (PyNode a : root.all("assignment")) {
        PyNode left = a.field("left");
        if (left != null
            && left.is("identifier")
            && a.field("right") != null
            && a.ancestor("function_definition") == null) {
          moduleBindings.put(left.text(), a.field("right"));
        }
      }
      for (PyNode p : root.all("as_pattern")) {
        PyNode alias = p.field("alias");
        if (alias != null && !p.children.isEmpty() && p.ancestor("function_definition") == null)
          moduleBindings.put(alias.text(), p.children.get(0));
      }
    }
    return moduleBindings.get(name);
  }

  /** The last module-level binding of each name. */
  private Map<String, PyNode> moduleBindings;

  /** The expression assigned to {@code self.name} anywhere in the enclosing class. */
  public PyNode selfBinding(String name, PyNode use) {
    PyNode cls = use.ancestor("class_definition");
    if (cls == null) return null;
    PyNode found = null;
    for (PyNode a : assignments.computeIfAbsent(cls, s -> s.all("assignment"))) {
      PyNode left = a.field("left");
      if (left != null
          && left.is("attribute")
          && left.text().equals("self." + name)
          && a.field("right") != null) found = a.field("right");
    }
    return found;
  }

  /** Assignments and with-as bindings of each scope, collected once: lookups are frequent. */
  private final Map<PyNode, List<PyNode>> assignments = new HashMap<>();

  private final Map<PyNode, List<PyNode>> asPatterns = new HashMap<>();
  private List<PyNode> calls;

  /** Every call in the file, in source order. */
  public List<PyNode> calls() {
    if (calls == null) calls = root.all("call");
    return calls;
  }

  private PyNode lastAssignment(PyNode scope, String name, int beforeLine, boolean moduleOnly) {
    PyNode found = null;
    for (PyNode a : assignments.computeIfAbsent(scope, s -> s.all("assignment"))) {
      if (moduleOnly && a.ancestor("function_definition") != null) continue;
      PyNode left = a.field("left");
      if (left != null
          && left.is("identifier")
          && left.text().equals(name)
          && a.line <= beforeLine
          && a.field("right") != null) {
        found = a.field("right");
      }
    }
    for (PyNode p : asPatterns.computeIfAbsent(scope, s -> s.all("as_pattern"))) {
      if (moduleOnly && p.ancestor("function_definition") != null) continue;
      PyNode alias = p.field("alias");
      if (alias != null
          && alias.text().equals(name)
          && !p.children.isEmpty()
          && p.line <= beforeLine) found = p.children.get(0);
    }
    return found;
  }

  /** Follows names to the call that created a value: {@code s = requests.Session(); s.get(...)}. */
  public PyNode origin(PyNode expr) {
    return origin(expr, 0);
  }

  private PyNode origin(PyNode expr, int depth) {
    if (expr == null || depth > MAX_DEPTH) return null;
    if (expr.is("call")) return expr;
    if (expr.is("await") && !expr.children.isEmpty())
      return origin(expr.children.get(0), depth + 1);
    if (expr.is("identifier")) return origin(binding(expr.text(), expr), depth + 1);
    if (expr.is("attribute")
        && expr.field("object") != null
        && expr.field("object").text().equals("self")) {
      return origin(selfBinding(expr.field("attribute").text(), expr), depth + 1);
    }
    return null;
  }

  /** Keyword arguments of a call by name. */
  public static Map<String, PyNode> kwargs(PyNode call) {
    Map<String, PyNode> out = new HashMap<>();
    PyNode args = call.field("arguments");
    if (args == null) return out;
    for (PyNode a : args.children) {
      if (a.is("keyword_argument") && a.field("name") != null && a.field("value") != null)
        out.put(a.field("name").text(), a.field("value"));
    }
    return out;
  }

  /** Positional arguments of a call. */
  public static List<PyNode> positional(PyNode call) {
    PyNode args = call.field("arguments");
    if (args == null) return List.of();
    return args.children.stream()
        .filter(a -> !a.is("keyword_argument") && !a.is("comment"))
        .toList();
  }
}
