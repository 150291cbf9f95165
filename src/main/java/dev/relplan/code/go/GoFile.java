package dev.relplan.code.go;

import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed Go file: its imports (local package name to import path), and the bindings the scanner
 * follows to find where a value was made — a variable declared or assigned in the same function
 * declaration (closures included) or at package level, and a struct field set in exactly one place
 * of the file (a keyed element of a composite literal or an assignment to {@code x.field}).
 */
final class GoFile {
  private static final int MAX_DEPTH = 8;

  final String file;
  final GoNode root;
  private final Map<String, String> imports = new HashMap<>();
  private List<GoNode> calls;

  GoFile(String file, GoNode root) {
    this.file = file;
    this.root = root;
    for (GoNode spec : root.all("import_spec")) {
      GoNode path = spec.field("path");
      String p = path == null ? null : path.stringValue();
      if (p == null) continue;
      GoNode name = spec.field("name");
      if (name == null) imports.put(packageName(p), p);
      else if (name.is("package_identifier")) imports.put(name.text(), p);
    }
  }

  /**
   * The name a package is used by when imported without an alias: the last path element, less a /vN
   * suffix and a go- prefix or -go suffix.
   */
  static String packageName(String path) {
    String[] parts = path.split("/");
    String last = parts[parts.length - 1];
    if (parts.length > 1 && last.matches("v[0-9]+")) last = parts[parts.length - 2];
    if (last.startsWith("go-")) last = last.substring(3);
    if (last.endsWith("-go")) last = last.substring(0, last.length() - 3);
    return last;
  }

  Location at(GoNode n) {
    return new Location(file, n.line);
  }

  /** Every call in the file, in source order. */
  List<GoNode> calls() {
    if (calls == null) calls = root.all("call_expression");
    return calls;
  }

  boolean importsPath(String prefix) {
    return imports.values().stream().anyMatch(p -> p.startsWith(prefix));
  }

  /**
   * The import path and member an expression names, e.g. {@code net/http.Get} for {@code http.Get}
   * or {@code net/http.Client} for the type {@code http.Client}; null for anything else.
   */
  String qualify(GoNode n) {
    if (n == null) return null;
    if (n.is("selector_expression")) {
      GoNode operand = n.field("operand");
      GoNode field = n.field("field");
      if (operand == null || field == null || !operand.is("identifier") || isLocal(operand))
        return null;
      String path = imports.get(operand.text());
      return path == null ? null : path + "." + field.text();
    }
    if (n.is("qualified_type")) {
      GoNode pkg = n.field("package");
      GoNode name = n.field("name");
      String path = pkg == null ? null : imports.get(pkg.text());
      return path == null || name == null ? null : path + "." + name.text();
    }
    if (n.is("generic_type") || n.is("pointer_type")) {
      GoNode type = n.field("type");
      if (type == null && !n.children.isEmpty()) type = n.children.get(0);
      return qualify(type);
    }
    if (n.is("index_expression")) return qualify(n.field("operand"));
    return null;
  }

  /** The package path a qualified name belongs to. */
  static String pathOf(String qualified) {
    return qualified == null ? null : qualified.substring(0, qualified.lastIndexOf('.'));
  }

  /** The member a qualified name refers to. */
  static String memberOf(String qualified) {
    return qualified == null ? null : qualified.substring(qualified.lastIndexOf('.') + 1);
  }

  /**
   * A name that is a parameter or variable of the enclosing function, shadowing an import of the
   * same name.
   */
  private boolean isLocal(GoNode identifier) {
    return parameter(identifier.text(), identifier) != null;
  }

  /**
   * The callee of a creation: the function of a call, or the (generic) type of a conversion or
   * composite literal.
   */
  String made(GoNode creation) {
    if (creation == null) return null;
    if (creation.is("call_expression")) return qualify(creation.field("function"));
    if (creation.is("type_conversion_expression") || creation.is("composite_literal"))
      return qualify(creation.field("type"));
    return null;
  }

  /**
   * The parameter declaration of a name in the functions enclosing a use (innermost first), or
   * null.
   */
  GoNode parameter(String name, GoNode use) {
    for (GoNode fn = use.function(); fn != null; fn = fn.function()) {
      for (String f : List.of("parameters", "receiver")) {
        GoNode params = fn.field(f);
        if (params == null) continue;
        for (GoNode p : params.children) {
          for (GoNode c : p.children) if ("name".equals(c.field) && c.text().equals(name)) return p;
        }
      }
    }
    return null;
  }

  /**
   * The expression last bound to a name before a use: in the enclosing function declaration, else
   * at package level.
   */
  GoNode binding(String name, GoNode use) {
    GoNode decl = use.declaration();
    GoNode found = null;
    if (decl != null) {
      for (GoNode b : bindings(decl)) {
        if (b.end > use.start) continue; // bound after the use, or the statement the use is part of
        GoNode value = valueOf(b, name);
        if (value != null) found = value;
      }
      if (found != null || parameter(name, use) != null) return found;
    }
    boolean packageVariable = false;
    for (GoNode b : bindings(root)) {
      if (b.declaration() != null) continue;
      GoNode value = valueOf(b, name);
      if (value != null) found = value;
      else if (b.is("var_spec") && declares(b, name)) packageVariable = true;
    }
    return found == null && packageVariable ? onlyAssignment(name) : found;
  }

  /**
   * A package variable declared without a value ({@code var db *sql.DB}) and set by one function
   * ({@code db, err = sql.Open(...)} in {@code initDB}): the value of that one assignment. Null
   * when no function or several assign it, since which one ran last is not known.
   */
  private GoNode onlyAssignment(String name) {
    GoNode only = null;
    for (GoNode b : bindings(root)) {
      if (b.declaration() == null || !b.is("assignment_statement")) continue;
      GoNode value = valueOf(b, name);
      if (value == null) continue;
      if (only != null || parameter(name, b) != null || declaredIn(b.declaration(), name))
        return null;
      only = value;
    }
    return only;
  }

  private static boolean declares(GoNode spec, String name) {
    for (GoNode c : spec.children) if ("name".equals(c.field) && c.text().equals(name)) return true;
    return false;
  }

  /** Whether a function declares a local of that name, which shadows the package variable. */
  private boolean declaredIn(GoNode function, String name) {
    for (GoNode b : bindings(function))
      if (b.is("var_spec")
          ? declares(b, name)
          : b.is("short_var_declaration") && valueOf(b, name) != null) return true;
    return false;
  }

  private final Map<GoNode, List<GoNode>> bindingsOf = new HashMap<>();

  /**
   * Synchronized, like the other caches here: the files of a package read each other's bindings
   * from the threads that scan them (a plain map read while another thread filled it threw
   * ConcurrentModificationException and skipped a file at random).
   */
  private synchronized List<GoNode> bindings(GoNode scope) {
    return bindingsOf.computeIfAbsent(
        scope,
        s -> {
          List<GoNode> out = new ArrayList<>();
          collectBindings(s, out);
          return out;
        });
  }

  private static void collectBindings(GoNode n, List<GoNode> out) {
    if (n.is("short_var_declaration")
        || n.is("assignment_statement")
        || n.is("var_spec")
        || n.is("const_spec")) out.add(n);
    for (GoNode c : n.children) collectBindings(c, out);
  }

  /** The value a binding statement gives a name, or null when it does not bind it. */
  private static GoNode valueOf(GoNode b, String name) {
    List<GoNode> names = new ArrayList<>();
    GoNode values;
    if (b.is("var_spec") || b.is("const_spec")) {
      for (GoNode c : b.children) if ("name".equals(c.field)) names.add(c);
      values = b.field("value");
    } else {
      if (b.is("assignment_statement")) {
        GoNode op = null;
        for (GoNode c : b.children) if ("operator".equals(c.field)) op = c;
        if (op != null && !op.text().equals("=")) return null;
      }
      GoNode left = b.field("left");
      if (left == null) return null;
      names.addAll(left.children);
      values = b.field("right");
    }
    if (values == null) return null;
    for (int i = 0; i < names.size(); i++) {
      if (!names.get(i).is("identifier") || !names.get(i).text().equals(name)) continue;
      List<GoNode> v = values.is("expression_list") ? values.children : List.of(values);
      if (v.size() == names.size()) return v.get(i);
      return v.size() == 1 ? v.get(0) : null; // a call returning several values
    }
    return null;
  }

  /**
   * The value given to a struct field in exactly one place of the file, or null (none, or several).
   */
  synchronized GoNode fieldBinding(String field) {
    if (fieldValues == null) {
      Map<String, List<GoNode>> fieldValues = new HashMap<>();
      for (GoNode k : root.all("keyed_element")) {
        GoNode key = k.field("key");
        GoNode value = k.field("value");
        if (key == null
            || value == null
            || key.children.size() != 1
            || !key.children.get(0).is("identifier")) continue;
        fieldValues
            .computeIfAbsent(key.children.get(0).text(), x -> new ArrayList<>())
            .add(value.children.isEmpty() ? value : value.children.get(0));
      }
      for (GoNode a : bindings(root)) {
        if (!a.is("assignment_statement") || a.field("left") == null || a.field("right") == null)
          continue;
        List<GoNode> left = a.field("left").children;
        List<GoNode> right = a.field("right").children;
        for (int i = 0; i < left.size() && i < right.size(); i++) {
          GoNode l = left.get(i);
          if (l.is("selector_expression") && l.field("field") != null) {
            fieldValues
                .computeIfAbsent(l.field("field").text(), x -> new ArrayList<>())
                .add(right.get(i));
          }
        }
      }
      this.fieldValues = fieldValues;
    }
    List<GoNode> values = fieldValues.getOrDefault(field, List.of());
    return values.size() == 1 ? values.get(0) : null;
  }

  /** Values given to struct fields, by field name, collected once (published when complete). */
  private Map<String, List<GoNode>> fieldValues;

  /**
   * Follows names to what made a value: a call, a composite literal (through {@code &}), a generic
   * constructor or a function literal; null when the value comes from somewhere else.
   */
  GoNode origin(GoNode expr) {
    return origin(expr, 0);
  }

  private GoNode origin(GoNode expr, int depth) {
    if (expr == null || depth > MAX_DEPTH) return null;
    if (expr.is("literal_element") && expr.children.size() == 1)
      return origin(expr.children.get(0), depth + 1);
    GoNode factory = expr.is("call_expression") ? factoryResult(expr) : null;
    if (factory != null) return origin(factory, depth + 1);
    if (expr.is("call_expression")
        || expr.is("composite_literal")
        || expr.is("type_conversion_expression")
        || expr.is("func_literal")) {
      return expr;
    }
    if (expr.is("parenthesized_expression") && !expr.children.isEmpty())
      return origin(expr.children.get(0), depth + 1);
    if (expr.is("unary_expression") && expr.field("operand") != null)
      return origin(expr.field("operand"), depth + 1);
    if (expr.is("identifier")) return origin(binding(expr.text(), expr), depth + 1);
    if (expr.is("selector_expression") && expr.field("field") != null && qualify(expr) == null) {
      return origin(fieldBinding(expr.field("field").text()), depth + 1);
    }
    return null;
  }

  /**
   * For a call of a function declared in this file ({@code newClient()}), the first value it
   * returns that is not nil; null for any other call.
   */
  private GoNode factoryResult(GoNode call) {
    GoNode fn = call.field("function");
    if (fn == null || !fn.is("identifier")) return null;
    for (GoNode d : root.children) {
      if (!d.is("function_declaration")
          || d.field("name") == null
          || !d.field("name").text().equals(fn.text())) continue;
      for (GoNode r : d.all("return_statement")) {
        if (r.function() != d || r.children.isEmpty()) continue;
        GoNode values = r.children.get(0);
        GoNode first =
            values.is("expression_list")
                ? (values.children.isEmpty() ? null : values.children.get(0))
                : values;
        if (first != null && !first.is("nil")) return first;
      }
    }
    return null;
  }

  /** Arguments of a call, in order. */
  static List<GoNode> args(GoNode call) {
    GoNode a = call.field("arguments");
    if (a == null) return List.of();
    return a.children.stream().filter(c -> !c.is("comment")).toList();
  }

  /** The keyed elements of a composite literal, by key name (the value node). */
  static Map<String, GoNode> keyed(GoNode composite) {
    Map<String, GoNode> out = new HashMap<>();
    GoNode body = composite == null ? null : composite.field("body");
    if (body == null) return out;
    for (GoNode k : body.children) {
      if (!k.is("keyed_element")) continue;
      GoNode key = k.field("key");
      GoNode value = k.field("value");
      if (key == null || value == null) continue;
      out.put(key.text(), value.children.size() == 1 ? value.children.get(0) : value);
    }
    return out;
  }

  /** The method name of a call on a receiver ({@code x.Do(...)}), or null. */
  static String method(GoNode call) {
    GoNode fn = call.field("function");
    return fn != null && fn.is("selector_expression") && fn.field("field") != null
        ? fn.field("field").text()
        : null;
  }

  /** The receiver of a method call, or null. */
  static GoNode receiver(GoNode call) {
    GoNode fn = call.field("function");
    return fn != null && fn.is("selector_expression") ? fn.field("operand") : null;
  }

  /** The package name of the file (its package clause), or "?" . */
  String packageName() {
    for (GoNode c : root.children) {
      if (c.is("package_clause") && !c.children.isEmpty()) return c.children.get(0).text();
    }
    return "?";
  }

  /**
   * Type.Method, or package.Function, of the code around a node; func literals belong to their
   * declaration.
   */
  String enclosing(GoNode n) {
    GoNode decl = n.declaration();
    if (decl == null) return packageName();
    String name = decl.field("name") == null ? "?" : decl.field("name").text();
    GoNode receiver = decl.field("receiver");
    if (receiver != null) {
      for (GoNode t : receiver.all("type_identifier")) return t.text() + "." + name;
    }
    return packageName() + "." + name;
  }

  static String shorten(String s) {
    s = s.replaceAll("\\s+", " ");
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }
}
