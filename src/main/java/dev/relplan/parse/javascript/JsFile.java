package dev.relplan.parse.javascript;

import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One parsed JavaScript or TypeScript file and the flows followed in it: ES imports and {@code
 * require} (with aliases and destructuring), a value bound to a {@code const}/{@code let}/{@code
 * var} in an enclosing function or at module level, a value stored on {@code this} in the same
 * class (a field initialiser or an assignment), and option objects held in a name.
 */
public final class JsFile {
  private static final int MAX_DEPTH = 8;

  /** Globals of Node.js that the scanner recognises when no import or declaration shadows them. */
  private static final Set<String> GLOBALS =
      Set.of("fetch", "AbortSignal", "AbortController", "setTimeout");

  public final String file;
  public final JsNode root;
  public final String language;
  private final Map<String, String> imports = new HashMap<>();
  private final Map<String, List<JsNode>> declarators = new HashMap<>();
  private List<JsNode> calls;
  private List<JsNode> news;
  private List<JsNode> assignments;

  public JsFile(String file, JsNode root, String language) {
    this.file = file;
    this.root = root;
    this.language = language;
    for (JsNode i : root.all("import_require_clause")) {
      // TypeScript: import axios = require('axios');
      JsNode source = i.field("source");
      String module = source == null ? null : source.stringValue();
      if (module != null && !i.children.isEmpty() && i.children.get(0).is("identifier"))
        imports.put(i.children.get(0).text(), module);
    }
    for (JsNode i : root.all("import_statement")) {
      JsNode source = i.field("source");
      String module = source == null ? null : source.stringValue();
      if (module == null) continue;
      for (JsNode clause : i.children) {
        if (!clause.is("import_clause")) continue;
        for (JsNode c : clause.children) {
          if (c.is("identifier")) imports.put(c.text(), module);
          if (c.is("namespace_import"))
            c.children.stream()
                .filter(x -> x.is("identifier"))
                .forEach(x -> imports.put(x.text(), module));
          if (c.is("named_imports")) {
            for (JsNode spec : c.all("import_specifier")) {
              JsNode name = spec.field("name");
              JsNode alias = spec.field("alias");
              if (name != null)
                imports.put((alias != null ? alias : name).text(), module + "." + name.text());
            }
          }
        }
      }
    }
    for (JsNode d : root.all("variable_declarator")) {
      JsNode name = d.field("name");
      JsNode value = d.field("value");
      String module = value == null ? null : required(value.unwrap());
      if (name == null) continue;
      if (module != null) {
        if (name.is("identifier")) imports.put(name.text(), module);
        if (name.is("object_pattern")) {
          for (JsNode p : name.children) {
            if (p.is("shorthand_property_identifier_pattern"))
              imports.put(p.text(), module + "." + p.text());
            if (p.is("pair_pattern")
                && p.field("key") != null
                && p.field("value") != null
                && p.field("value").is("identifier")) {
              imports.put(p.field("value").text(), module + "." + p.field("key").text());
            }
          }
        }
        continue;
      }
      if (name.is("identifier"))
        declarators.computeIfAbsent(name.text(), k -> new ArrayList<>()).add(d);
    }
    // const { Pool } = pg; where pg is an imported module
    for (JsNode d : root.all("variable_declarator")) {
      JsNode name = d.field("name");
      JsNode value = d.field("value");
      if (name == null
          || !name.is("object_pattern")
          || value == null
          || !value.unwrap().is("identifier")) continue;
      String module = imports.get(value.unwrap().text());
      if (module == null || d.function() != null) continue;
      for (JsNode p : name.children) {
        if (p.is("shorthand_property_identifier_pattern"))
          imports.putIfAbsent(p.text(), module + "." + p.text());
      }
    }
  }

  /**
   * {@code require('m')} or {@code require('m').X}: the module (and member) it loads; null
   * otherwise.
   */
  private static String required(JsNode value) {
    if (value.is("member_expression")
        && value.field("object") != null
        && value.field("property") != null) {
      String inner = required(value.field("object").unwrap());
      return inner == null
          ? null
          : inner.equals("default") ? inner : inner + "." + value.field("property").text();
    }
    if (!value.is("call_expression")) return null;
    JsNode fn = value.field("function");
    if (fn == null || !fn.is("identifier") || !fn.text().equals("require")) return null;
    List<JsNode> args = arguments(value);
    return args.isEmpty() ? null : args.get(0).stringValue();
  }

  public Location at(JsNode n) {
    return new Location(file, n.line);
  }

  /**
   * The dotted name an expression refers to through the imports, e.g. {@code axios.create} or
   * {@code @aws-sdk/client-s3.S3Client}; a recognised global ({@code fetch}) when nothing shadows
   * it; null otherwise.
   */
  public String qualify(JsNode n) {
    return qualify(n, 0);
  }

  private String qualify(JsNode n, int depth) {
    if (n == null || depth > MAX_DEPTH) return null;
    n = n.unwrap();
    if (n.is("identifier") || n.is("type_identifier")) {
      for (JsNode fn = n.function(); fn != null; fn = fn.function()) {
        if (declaresParameter(fn, n.text())) return null; // a parameter hides the import or global
      }
      String q = imports.get(n.text());
      if (q != null) return q;
      JsNode alias = binding(n.text(), n);
      if (alias != null
          && (alias.unwrap().is("member_expression") || alias.unwrap().is("identifier"))
          && alias.unwrap() != n
          && n.start != alias.start) {
        return qualify(alias, depth + 1); // const Pool = pg.Pool
      }
      return GLOBALS.contains(n.text()) && alias == null ? n.text() : null;
    }
    if (n.is("call_expression")) return required(n); // require('fastify')({ logger: true })
    if (n.is("member_expression")) {
      String object = qualify(n.field("object"), depth + 1);
      JsNode property = n.field("property");
      if (object == null || property == null) return null;
      // import x from 'm' / require('m') of a CommonJS module: x.default is the module itself
      return property.text().equals("default") ? object : object + "." + property.text();
    }
    return null;
  }

  /**
   * The value last bound to a name visible at {@code use}: in the nearest enclosing function that
   * declares it, else at module level.
   */
  public JsNode binding(String name, JsNode use) {
    Map<JsNode, List<JsNode>> byScope = declaratorsByScope(name);
    if (byScope == null) return null;
    for (JsNode scope = use.function(); ; scope = scope.function()) {
      if (scope != null && declaresParameter(scope, name)) return null;
      JsNode found = null;
      for (JsNode d : byScope.getOrDefault(scope, List.of())) {
        if (scope != null && d.line > use.line) continue;
        found = d.field("value");
      }
      if (found != null || scope == null) return found;
    }
  }

  /**
   * The declarators of a name grouped by the function declaring them (null key: module level), in
   * source order; built once per name so that a name declared in many functions is not rescanned
   * for every use.
   */
  private Map<JsNode, List<JsNode>> declaratorsByScope(String name) {
    List<JsNode> candidates = declarators.get(name);
    if (candidates == null) return null;
    return declaratorScopes.computeIfAbsent(
        name,
        k -> {
          Map<JsNode, List<JsNode>> byScope = new HashMap<>();
          for (JsNode d : candidates)
            byScope.computeIfAbsent(d.function(), f -> new ArrayList<>()).add(d);
          return byScope;
        });
  }

  /** Whether a function has a parameter of that name (which hides outer declarations). */
  private static boolean declaresParameter(JsNode function, String name) {
    JsNode single = function.field("parameter");
    if (single != null && single.text().equals(name)) return true;
    JsNode params = function.field("parameters");
    if (params == null) return false;
    for (JsNode id : params.all("identifier")) {
      if (id.text().equals(name) && id.ancestor("type_annotation") == null) return true;
    }
    return false;
  }

  /**
   * The initialiser of the field {@code name}, or the value last assigned to {@code this.name}, in
   * the enclosing class.
   */
  public JsNode thisBinding(String name, JsNode use) {
    JsNode cls = use.ancestor("class_body");
    if (cls == null) return null;
    JsNode found = fieldValues(cls).get(name);
    for (JsNode a : assignmentsTo("this." + name)) {
      if (a.hasAncestor(cls) && a.field("right") != null) found = a.field("right");
    }
    return found;
  }

  /** The last initialised field of each name in a class body, found once per class. */
  private Map<String, JsNode> fieldValues(JsNode cls) {
    return fieldValues.computeIfAbsent(
        cls,
        k -> {
          Map<String, JsNode> values = new HashMap<>();
          for (JsNode c : k.children) {
            if ((c.is("public_field_definition") || c.is("field_definition"))
                && c.field("value") != null) {
              JsNode fieldName = c.field("name") != null ? c.field("name") : c.field("property");
              if (fieldName != null) values.put(fieldName.text(), c.field("value"));
            }
          }
          return values;
        });
  }

  /** The assignments of the file to a left-hand side written so, in source order. */
  private List<JsNode> assignmentsTo(String left) {
    if (assignmentsByLeft == null) {
      assignmentsByLeft = new HashMap<>();
      for (JsNode a : assignments()) {
        JsNode l = a.field("left");
        if (l != null) assignmentsByLeft.computeIfAbsent(l.text(), k -> new ArrayList<>()).add(a);
      }
    }
    return assignmentsByLeft.getOrDefault(left, List.of());
  }

  /**
   * Follows names to the call or {@code new} that created a value: {@code const api =
   * axios.create(); api.get(...)}.
   */
  public JsNode origin(JsNode expr) {
    return origin(expr, 0);
  }

  private JsNode origin(JsNode expr, int depth) {
    if (expr == null || depth > MAX_DEPTH) return null;
    expr = expr.unwrap();
    if (expr.is("call_expression")) {
      JsNode made = factoryResult(expr);
      return made != null ? origin(made, depth + 1) : expr;
    }
    if (expr.is("new_expression")) return expr;
    if (expr.is("await_expression") && !expr.children.isEmpty())
      return origin(expr.children.get(0), depth + 1);
    if (expr.is("identifier")) return origin(binding(expr.text(), expr), depth + 1);
    if (expr.is("member_expression")
        && expr.field("object") != null
        && expr.field("object").is("this")
        && expr.field("property") != null) {
      return origin(thisBinding(expr.field("property").text(), expr), depth + 1);
    }
    return null;
  }

  /**
   * {@code makeClient()} of a function declared in this file that returns one expression: that
   * expression; null otherwise.
   */
  private JsNode factoryResult(JsNode call) {
    JsNode fn = call.field("function");
    if (fn == null || !fn.is("identifier") || imports.containsKey(fn.text())) return null;
    JsNode definition = lastFunctionDeclaration(fn.text());
    if (definition == null) {
      JsNode bound = binding(fn.text(), fn);
      if (bound != null
          && (bound.unwrap().is("arrow_function") || bound.unwrap().is("function_expression")))
        definition = bound.unwrap();
    }
    if (definition == null) return null;
    JsNode body = definition.field("body");
    if (body == null) return null;
    if (!body.is("statement_block")) return body; // () => new S3Client({...})
    JsNode returned = null;
    for (JsNode r : body.all("return_statement")) {
      if (r.function() != definition || r.children.isEmpty()) continue;
      if (returned != null) return null; // several returns: which one applies cannot be told
      returned = r.children.get(0);
    }
    return returned;
  }

  private List<JsNode> functionDeclarations;

  // Indexes built once per file: a lookup that scanned every declaration or assignment of the file
  // for each use made large files quadratic.
  private Map<String, JsNode> lastFunctionDeclaration;
  private Map<String, List<JsNode>> assignmentsByLeft;
  private final Map<String, Map<JsNode, List<JsNode>>> declaratorScopes = new HashMap<>();
  private final Map<JsNode, Map<String, JsNode>> fieldValues = new IdentityHashMap<>();

  /** The last function declared with a name in the file, or null. */
  private JsNode lastFunctionDeclaration(String name) {
    if (lastFunctionDeclaration == null) {
      lastFunctionDeclaration = new HashMap<>();
      for (JsNode d : functionDeclarations()) {
        if (d.field("name") != null) lastFunctionDeclaration.put(d.field("name").text(), d);
      }
    }
    return lastFunctionDeclaration.get(name);
  }

  private List<JsNode> functionDeclarations() {
    if (functionDeclarations == null) functionDeclarations = root.all("function_declaration");
    return functionDeclarations;
  }

  /**
   * Follows names to an object literal: {@code const options = { timeout: 5000 }}; null when it is
   * not one.
   */
  public JsNode object(JsNode expr) {
    for (int depth = 0; expr != null && depth <= MAX_DEPTH; depth++) {
      expr = expr.unwrap();
      if (expr.is("object")) return expr;
      if (expr.is("identifier")) {
        expr = binding(expr.text(), expr);
      } else if (expr.is("member_expression")
          && expr.field("object") != null
          && expr.field("object").is("this")
          && expr.field("property") != null) {
        expr = thisBinding(expr.field("property").text(), expr);
      } else {
        return null;
      }
    }
    return null;
  }

  /** Follows names to a literal number, or null. */
  public JsNode number(JsNode expr) {
    for (int depth = 0; expr != null && depth <= MAX_DEPTH; depth++) {
      expr = expr.unwrap();
      if (expr.is("number") || expr.is("binary_expression")) return expr;
      if (!expr.is("identifier")) return null;
      expr = binding(expr.text(), expr);
    }
    return null;
  }

  /**
   * The properties of an object literal, spreads of resolvable objects merged first; {@code
   * unknown} lists what could not be followed.
   */
  public Options options(JsNode expr) {
    Options out = new Options();
    if (expr == null) return out;
    JsNode object = object(expr);
    if (object == null) {
      out.unknown.add(expr);
      return out;
    }
    collect(object, out, 0);
    return out;
  }

  private void collect(JsNode object, Options out, int depth) {
    for (JsNode c : object.children) {
      if (c.is("spread_element") && !c.children.isEmpty()) {
        JsNode inner = depth < MAX_DEPTH ? object(c.children.get(0)) : null;
        if (inner == null) out.unknown.add(c);
        else collect(inner, out, depth + 1);
      } else if (c.is("pair") && c.field("key") != null && c.field("value") != null) {
        JsNode key = c.field("key");
        String k =
            key.is("string")
                ? key.stringValue()
                : key.is("property_identifier") || key.is("number") ? key.text() : null;
        if (k != null) out.values.put(k, c.field("value"));
      } else if (c.is("shorthand_property_identifier")) {
        out.values.put(c.text(), c);
      } else if (c.is("method_definition") && c.field("name") != null) {
        out.values.put(c.field("name").text(), c);
      }
    }
  }

  /** Properties read from an object literal; values are the expressions as written. */
  public static final class Options {
    public final Map<String, JsNode> values = new LinkedHashMap<>();

    /**
     * Expressions the options come from that could not be followed (a parameter, a spread of one).
     */
    public final List<JsNode> unknown = new ArrayList<>();

    public JsNode get(String key) {
      return values.get(key);
    }

    public boolean complete() {
      return unknown.isEmpty();
    }
  }

  /** Every call in the file, in source order. */
  public List<JsNode> calls() {
    if (calls == null) calls = root.all("call_expression");
    return calls;
  }

  /** Every assignment expression in the file, in source order. */
  public List<JsNode> assignments() {
    if (assignments == null) assignments = root.all("assignment_expression");
    return assignments;
  }

  /** Every {@code new} expression in the file, in source order. */
  public List<JsNode> news() {
    if (news == null) news = root.all("new_expression");
    return news;
  }

  /** Arguments of a call or new expression, without comments. */
  public static List<JsNode> arguments(JsNode call) {
    JsNode args = call.field("arguments");
    if (args == null || !args.is("arguments")) return List.of();
    return args.children.stream().filter(a -> !a.is("comment")).toList();
  }

  /**
   * The name a function is known by: its declaration, the variable or property it is assigned to,
   * its method name; null if anonymous.
   */
  public static String functionName(JsNode fn) {
    JsNode name = fn.field("name");
    if (name != null && !fn.is("arrow_function")) return name.text();
    JsNode p = fn.parent;
    while (p != null && (p.is("parenthesized_expression") || p.is("as_expression"))) p = p.parent;
    if (p == null) return null;
    if (p.is("variable_declarator") && p.field("name") != null && p.field("name").is("identifier"))
      return p.field("name").text();
    if (p.is("pair") && p.field("key") != null) return p.field("key").text();
    if ((p.is("public_field_definition") || p.is("field_definition"))
        && (p.field("name") != null || p.field("property") != null)) {
      return (p.field("name") != null ? p.field("name") : p.field("property")).text();
    }
    if (p.is("assignment_expression") && p.field("left") != null) {
      JsNode left = p.field("left");
      return left.is("member_expression") && left.field("property") != null
          ? left.field("property").text()
          : left.text();
    }
    return null;
  }

  /**
   * Class.method or the named function making the call; the module's name (file name without
   * extension) at top level.
   */
  public String enclosingName(JsNode n) {
    String name = enclosing(n);
    if (!name.equals("<module>")) return name;
    String base = file.substring(file.lastIndexOf('/') + 1);
    return base.contains(".") ? base.substring(0, base.indexOf('.')) : base;
  }

  /**
   * Class.method or the named function making the call; when only anonymous callbacks enclose it,
   * the outermost one named after the call it is passed to (e.g. {@code router.get('/orders')
   * callback}); {@code <module>} at top level.
   */
  public static String enclosing(JsNode n) {
    String callback = null;
    for (JsNode fn = n.function(); fn != null; fn = fn.function()) {
      String name = functionName(fn);
      if (name == null) {
        if (fn.parent != null && fn.parent.is("arguments") && fn.parent.parent != null) {
          JsNode call = fn.parent.parent;
          JsNode callee =
              call.field("function") != null ? call.field("function") : call.field("constructor");
          List<JsNode> args = arguments(call);
          String first =
              args.isEmpty() || args.get(0).stringValue() == null
                  ? ""
                  : "'" + args.get(0).stringValue() + "'";
          if (callee != null && callee.text().length() <= 40)
            callback = callee.text() + "(" + first + ") callback";
        }
        continue;
      }
      JsNode body = fn.ancestor("class_body");
      JsNode cls = body == null ? null : body.parent;
      if (cls != null && fn.is("method_definition")
          || cls != null && fn.parent != null && fn.parent.parent == body) {
        JsNode clsName = cls.field("name");
        return (clsName == null ? "<class>" : clsName.text()) + "." + name;
      }
      return name;
    }
    return callback != null ? callback : "<module>";
  }
}
