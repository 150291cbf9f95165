package dev.relplan.code.csharp;

import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed C# file: its using directives, and the bindings the scanner follows to where a value was
 * made — a local variable in the same method (or top-level statements), a field or property of the
 * enclosing class initialised in its declaration or assigned in exactly one place of the class, and
 * constructor parameters (for clients injected by dependency injection).
 */
final class CsFile {
  private static final int MAX_DEPTH = 8;

  final String file;
  final CsNode root;
  final Set<String> usings = new HashSet<>();

  /** Using aliases: {@code using Alias = Some.Namespace.Type;}, alias to the aliased name. */
  private final Map<String, CsNode> aliases = new HashMap<>();

  private List<CsNode> calls;

  CsFile(String file, CsNode root) {
    this.file = file;
    this.root = root;
    for (CsNode u : root.all("using_directive")) {
      for (CsNode c : u.children)
        if (c.is("identifier") || c.is("qualified_name")) usings.add(c.text());
      CsNode alias = u.field("name");
      CsNode aliased = u.children.isEmpty() ? null : u.children.get(u.children.size() - 1);
      if (alias != null && aliased != null && aliased != alias) aliases.put(alias.text(), aliased);
    }
  }

  /**
   * The namespace a node is declared in: the enclosing namespace block, else the file-scoped
   * namespace; "" for the global namespace.
   */
  String namespaceOf(CsNode n) {
    CsNode block = n.ancestor("namespace_declaration");
    CsNode declared = block;
    if (declared == null) {
      List<CsNode> fileScoped = root.all("file_scoped_namespace_declaration");
      declared = fileScoped.isEmpty() ? null : fileScoped.get(0);
    }
    CsNode name = declared == null ? null : declared.field("name");
    return name == null ? "" : name.text();
  }

  /**
   * The namespaces whose types this file names unqualified: its using directives and the namespaces
   * it declares, with their enclosing namespaces.
   */
  Set<String> visibleNamespaces() {
    Set<String> out = new HashSet<>(usings);
    List<CsNode> declared = new ArrayList<>(root.all("namespace_declaration"));
    declared.addAll(root.all("file_scoped_namespace_declaration"));
    for (CsNode d : declared) {
      CsNode name = d.field("name");
      for (String ns = name == null ? "" : name.text();
          !ns.isEmpty();
          ns = ns.contains(".") ? ns.substring(0, ns.lastIndexOf('.')) : "") out.add(ns);
    }
    return out;
  }

  /** A type as written, or the name a using alias stands for when the type is an alias. */
  CsNode unaliased(CsNode type) {
    if (type == null || !type.is("identifier")) return type;
    return aliases.getOrDefault(type.text(), type);
  }

  Location at(CsNode n) {
    return new Location(file, n.line);
  }

  /** Every invocation in the file, in source order. */
  List<CsNode> calls() {
    if (calls == null) calls = root.all("invocation_expression");
    return calls;
  }

  boolean uses(String namespacePrefix) {
    return usings.stream()
        .anyMatch(u -> u.equals(namespacePrefix) || u.startsWith(namespacePrefix + "."));
  }

  /**
   * The simple name of a type node ({@code HttpClient}, {@code System.Net.Http.HttpClient}, {@code
   * Foo<T>}).
   */
  static String typeName(CsNode type) {
    if (type == null) return null;
    if (type.is("identifier")) return type.text();
    if (type.is("qualified_name")) return typeName(type.field("name"));
    if (type.is("generic_name") && !type.children.isEmpty()) return type.children.get(0).text();
    if (type.is("nullable_type") && !type.children.isEmpty()) return typeName(type.children.get(0));
    return null;
  }

  /** The type a creation makes: {@code new X(...)}; null for anything else. */
  static String created(CsNode n) {
    return n != null && n.is("object_creation_expression") ? typeName(n.field("type")) : null;
  }

  /**
   * The method name of an invocation ({@code x.M(...)} or {@code M(...)}), without type arguments.
   */
  static String method(CsNode call) {
    CsNode fn = call.field("function");
    if (fn == null) return null;
    if (fn.is("member_access_expression")) return typeName(fn.field("name"));
    return typeName(fn);
  }

  /** The receiver of an invocation {@code x.M(...)}, or null. */
  static CsNode receiver(CsNode call) {
    CsNode fn = call.field("function");
    return fn != null && fn.is("member_access_expression") ? fn.field("expression") : null;
  }

  /**
   * Argument expressions of an invocation or creation, and their names when written {@code name:
   * value}.
   */
  static List<CsNode> args(CsNode call) {
    CsNode list = call.field("arguments");
    if (list == null) return List.of();
    List<CsNode> out = new ArrayList<>();
    for (CsNode a : list.children) {
      if (!a.is("argument") || a.children.isEmpty()) continue;
      out.add(a.children.get(a.children.size() - 1));
    }
    return out;
  }

  /** Property assignments of an object initializer: {@code new X { Timeout = ..., }}. */
  static Map<String, CsNode> initializer(CsNode creation) {
    Map<String, CsNode> out = new HashMap<>();
    CsNode init = creation == null ? null : creation.field("initializer");
    if (init == null) return out;
    for (CsNode a : init.children) {
      if (a.is("assignment_expression") && a.field("left") != null && a.field("right") != null)
        out.put(a.field("left").text(), a.field("right"));
    }
    return out;
  }

  /** The value of a variable declarator (its initial value), or null. */
  private static CsNode declaratorValue(CsNode d) {
    CsNode name = d.field("name");
    for (CsNode c : d.children) {
      if (c == name || c.is("bracketed_argument_list")) continue;
      if (c.is("equals_value_clause")) return c.children.isEmpty() ? null : c.children.get(0);
      return c;
    }
    return null;
  }

  /** The enclosing class, record or struct declaration, or null. */
  static CsNode type(CsNode n) {
    for (CsNode p = n.parent; p != null; p = p.parent) {
      if (p.is("class_declaration") || p.is("record_declaration") || p.is("struct_declaration"))
        return p;
    }
    return null;
  }

  /**
   * Follows a name to what made its value: a creation, an invocation, a lambda, or the constructor
   * or method parameter it comes from; null when it cannot be followed.
   */
  CsNode origin(CsNode expr) {
    return origin(expr, 0);
  }

  private CsNode origin(CsNode expr, int depth) {
    if (expr == null || depth > MAX_DEPTH) return null;
    CsNode factory = expr.is("invocation_expression") ? factoryResult(expr) : null;
    if (factory != null) return origin(factory, depth + 1);
    if (expr.is("object_creation_expression")
        || expr.is("invocation_expression")
        || expr.is("lambda_expression")
        || expr.is("implicit_object_creation_expression")
        || expr.is("parameter")) {
      return expr;
    }
    if (expr.is("parenthesized_expression") && !expr.children.isEmpty())
      return origin(expr.children.get(0), depth + 1);
    if (expr.is("cast_expression") && !expr.children.isEmpty()) {
      // (HttpWebRequest)WebRequest.Create(url): the cast does not change what made the value
      CsNode value = expr.field("value");
      return origin(value != null ? value : expr.children.get(expr.children.size() - 1), depth + 1);
    }
    if (expr.is("as_expression") && !expr.children.isEmpty()) {
      CsNode left = expr.field("left");
      return origin(left != null ? left : expr.children.get(0), depth + 1);
    }
    if (expr.is("await_expression") && !expr.children.isEmpty())
      return origin(expr.children.get(0), depth + 1);
    if (expr.is("member_access_expression")
        && expr.field("expression") != null
        && expr.field("expression").is("this_expression")) {
      return origin(memberBinding(expr.field("name").text(), expr), depth + 1);
    }
    if (!expr.is("identifier")) return null;
    String name = expr.text();
    CsNode local = localBinding(name, expr);
    if (local != null) return origin(local, depth + 1);
    return origin(memberBinding(name, expr), depth + 1);
  }

  /**
   * For a call of a method of the enclosing type ({@code CreateClient()}), the value its expression
   * body or first non-null return gives; null for any other call.
   */
  private CsNode factoryResult(CsNode call) {
    CsNode fn = call.field("function");
    CsNode type = type(call);
    if (fn == null || !fn.is("identifier") || type == null) return null;
    for (CsNode m : type.all("method_declaration")) {
      if (m.field("name") == null || !m.field("name").text().equals(fn.text()) || type(m) != type)
        continue;
      CsNode body = m.field("body");
      if (body == null) continue;
      if (body.is("arrow_expression_clause"))
        return body.children.isEmpty() ? null : body.children.get(0);
      for (CsNode r : body.all("return_statement")) {
        if (!r.children.isEmpty()
            && !r.children.get(0).is("null_literal")
            && r.ancestor("lambda_expression") == null) return r.children.get(0);
      }
    }
    return null;
  }

  /**
   * A local variable, assignment or parameter of the enclosing functions (innermost first), bound
   * before the use.
   */
  CsNode localBinding(String name, CsNode use) {
    List<CsNode> scopes = new ArrayList<>();
    for (CsNode s = use.scope(); s != null; s = s.scope()) scopes.add(s);
    if (use.member() == null) scopes.add(root); // top-level statements
    for (CsNode scope : scopes) {
      CsNode found = null;
      for (CsNode b : bindings(scope)) {
        if (b.end > use.start) continue;
        if (b.is("variable_declarator")
            && b.field("name") != null
            && b.field("name").text().equals(name)) {
          if (scope == root && (b.member() != null || type(b) != null)) continue;
          found = declaratorValue(b);
        } else if (b.is("assignment_expression")
            && b.field("left") != null
            && b.field("left").text().equals(name)) {
          found = b.field("right");
        }
      }
      if (found != null) return found;
      CsNode params = scope.field("parameters");
      if (params != null) {
        for (CsNode p : params.children)
          if (p.is("parameter") && p.field("name") != null && p.field("name").text().equals(name))
            return p;
      }
      if (scope.is("lambda_expression")
          && params != null
          && params.is("implicit_parameter")
          && params.text().equals(name)) return params;
    }
    return null;
  }

  /**
   * A field or property of the enclosing type: its initialiser, else its only assignment in the
   * type.
   */
  CsNode memberBinding(String name, CsNode use) {
    CsNode type = type(use);
    if (type == null) return null;
    for (CsNode d : type.all("variable_declarator")) {
      if (d.field("name") != null
          && d.field("name").text().equals(name)
          && d.ancestor("field_declaration") != null) {
        CsNode v = declaratorValue(d);
        if (v != null) return v;
      }
    }
    for (CsNode p : type.all("property_declaration")) {
      if (p.field("name") != null
          && p.field("name").text().equals(name)
          && p.field("value") != null) return p.field("value");
    }
    CsNode found = null;
    int count = 0;
    for (CsNode a : type.all("assignment_expression")) {
      CsNode left = a.field("left");
      if (left == null || a.field("right") == null) continue;
      boolean match = left.text().equals(name) || left.text().equals("this." + name);
      if (match && localBinding(name, a) == null) {
        found = a.field("right");
        count++;
      }
    }
    if (count == 1) return found;
    return count == 0 ? primaryParameter(type, name) : null;
  }

  /**
   * A parameter of the type's primary constructor ({@code class Service(HttpClient http)}), which
   * the whole type sees; null when there is none of that name.
   */
  private static CsNode primaryParameter(CsNode type, String name) {
    for (CsNode list : type.children) {
      if (!list.is("parameter_list")) continue;
      for (CsNode p : list.children)
        if (p.is("parameter") && p.field("name") != null && p.field("name").text().equals(name))
          return p;
    }
    return null;
  }

  private final Map<CsNode, List<CsNode>> bindingsOf = new HashMap<>();

  private List<CsNode> bindings(CsNode scope) {
    return bindingsOf.computeIfAbsent(
        scope,
        s -> {
          List<CsNode> out = new ArrayList<>(s.all("variable_declarator"));
          out.addAll(s.all("assignment_expression"));
          out.sort(java.util.Comparator.comparingInt(n -> n.start));
          return out;
        });
  }

  /**
   * Assignments {@code target.Property = value} that configure the object a creation makes, e.g.
   * {@code client.Timeout = ...}: in the same member for a local variable, in the enclosing type
   * for a field or property, in the file's top-level statements otherwise.
   */
  List<CsNode> propertyAssignments(String target, String property, CsNode creation) {
    CsNode p =
        creation.parent != null && creation.parent.is("equals_value_clause")
            ? creation.parent.parent
            : creation.parent;
    boolean local =
        p != null
            && p.is("variable_declarator")
            && p.ancestor("local_declaration_statement") != null;
    CsNode scope = local ? (creation.member() != null ? creation.member() : root) : type(creation);
    if (scope == null) scope = root;
    List<CsNode> out = new ArrayList<>();
    for (CsNode a : scope.all("assignment_expression")) {
      CsNode left = a.field("left");
      if (left == null || !left.is("member_access_expression") || left.field("name") == null)
        continue;
      CsNode obj = left.field("expression");
      String o =
          obj == null ? "" : obj.text().startsWith("this.") ? obj.text().substring(5) : obj.text();
      if (o.equals(target) && left.field("name").text().equals(property)) out.add(a);
    }
    return out;
  }

  /** Class.Method of the code around a node; top-level statements are "Program". */
  static String enclosing(CsNode n) {
    CsNode member = n.member();
    CsNode type = type(n);
    String m =
        member == null || member.field("name") == null ? "<main>" : member.field("name").text();
    String t = type == null || type.field("name") == null ? "Program" : type.field("name").text();
    return t + "." + m;
  }

  static String shorten(String s) {
    s = s.replaceAll("\\s+", " ");
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }
}
