package dev.relplan.code.go;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The path a route is registered with, computed from the Go code as far as it fixes it: string
 * literals, {@code +} concatenation, constants and variables of the function or package, and calls
 * of the package's own helper functions and methods whose parameters are bound to the caller's
 * arguments (their {@code if} conditions on those arguments are decided, so {@code
 * prefixedPath("/healthz")} follows only the branches that run). A value known only when the
 * service runs (an environment variable, a configuration field, a parameter) may start the path; it
 * is kept as a named runtime prefix, never guessed. Anything else leaves the path unknown (null).
 */
final class GoRoutePaths {
  private static final int MAX_DEPTH = 12;

  /**
   * A route path: {@link #literal} when {@link #runtime} is null, else a value known only at run
   * time (described by {@code runtime}) followed by {@code literal}.
   */
  record RoutePath(String runtime, String literal) {
    boolean known() {
      return runtime == null;
    }

    /** The path as the report shows it, the runtime value in braces. */
    String shown() {
      return runtime == null ? literal : "{" + runtime + "}" + literal;
    }
  }

  private enum Truth {
    TRUE,
    FALSE,
    UNKNOWN
  }

  private final GoPackage pkg;

  GoRoutePaths(GoPackage pkg) {
    this.pkg = pkg;
  }

  /** The path an expression of this file evaluates to, or null when the code does not fix it. */
  RoutePath of(GoFile f, GoNode expr) {
    return eval(f, expr, Map.of(), 0);
  }

  private RoutePath eval(GoFile f, GoNode e, Map<String, RoutePath> params, int depth) {
    if (e == null || depth > MAX_DEPTH) return null;
    if (e.is("expression_list") && e.children.size() == 1)
      return eval(f, e.children.get(0), params, depth + 1);
    String literal = e.stringValue();
    if (literal != null) return new RoutePath(null, literal);
    if (e.is("parenthesized_expression") && e.children.size() == 1)
      return eval(f, e.children.get(0), params, depth + 1);
    if (e.is("binary_expression")) {
      if (!"+".equals(e.operator())) return null;
      return concat(
          eval(f, e.field("left"), params, depth + 1),
          eval(f, e.field("right"), params, depth + 1));
    }
    if (e.is("identifier")) return name(f, e, params, depth);
    // a struct field (s.config.Prefix): set when the service runs
    if (e.is("selector_expression")) return f.qualify(e) == null ? runtime(e.text()) : null;
    if (e.is("call_expression")) return call(f, e, params, depth);
    return null;
  }

  private static RoutePath runtime(String what) {
    return new RoutePath(what, "");
  }

  /** A runtime value may only start a path: after a literal it leaves the path unknown. */
  private static RoutePath concat(RoutePath left, RoutePath right) {
    if (left == null || right == null || !right.known()) return null;
    return new RoutePath(left.runtime, left.literal + right.literal);
  }

  private RoutePath name(GoFile f, GoNode id, Map<String, RoutePath> params, int depth) {
    String name = id.text();
    if (params.containsKey(name)) return params.get(name);
    if (f.parameter(name, id) != null) return runtime(name);
    GoNode decl = id.declaration();
    GoNode bound = f.binding(name, id);
    if (decl != null && bound != null && bound.declaration() == decl) {
      // bound in this function: only a binding every run passes through fixes the value
      return conditional(bound, decl) ? runtime(name) : eval(f, bound, params, depth + 1);
    }
    List<GoPackage.Found> bindings = pkg.packageBindings(name);
    if (bindings.size() != 1) return bindings.isEmpty() ? null : runtime(name);
    GoPackage.Found spec = bindings.get(0);
    if (spec.node().is("assignment_statement")) return runtime(name);
    return eval(spec.file(), specValue(spec.node(), name), Map.of(), depth + 1);
  }

  /** Whether a binding sits under an if, loop, switch or select of its function. */
  private static boolean conditional(GoNode bound, GoNode decl) {
    for (GoNode p = bound.parent; p != null && p != decl; p = p.parent) {
      if (p.is("if_statement")
          || p.is("for_statement")
          || p.is("expression_switch_statement")
          || p.is("type_switch_statement")
          || p.is("select_statement")
          || p.is("func_literal")) return true;
    }
    return false;
  }

  private static GoNode specValue(GoNode spec, String name) {
    List<GoNode> names = new ArrayList<>();
    for (GoNode c : spec.children) if ("name".equals(c.field)) names.add(c);
    GoNode values = spec.field("value");
    if (values == null) return null;
    List<GoNode> v = values.is("expression_list") ? values.children : List.of(values);
    for (int i = 0; i < names.size() && i < v.size(); i++)
      if (names.get(i).text().equals(name) && v.size() == names.size()) return v.get(i);
    return null;
  }

  private RoutePath call(GoFile f, GoNode call, Map<String, RoutePath> params, int depth) {
    GoNode fn = call.field("function");
    List<GoNode> args = GoFile.args(call);
    String qualified = f.qualify(fn);
    if (qualified != null) {
      String variable = args.size() == 1 ? args.get(0).stringValue() : null;
      return qualified.equals("os.Getenv") && variable != null
          ? runtime("environment variable " + variable)
          : null;
    }
    GoPackage.Found helper =
        fn != null && fn.is("identifier")
            ? pkg.declaration(fn.text(), false)
            : fn != null && fn.is("selector_expression") && fn.field("field") != null
                ? pkg.declaration(fn.field("field").text(), true)
                : null;
    if (helper == null || helper.node().field("body") == null) return null;
    List<String> names = parameterNames(helper.node());
    if (names.size() != args.size()) return null;
    Map<String, RoutePath> bound = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      RoutePath arg = eval(f, args.get(i), params, depth + 1);
      if (arg == null) return null;
      bound.put(names.get(i), arg);
    }
    List<RoutePath> results = new ArrayList<>();
    boolean[] lost = {false};
    walk(helper.file(), statements(helper.node().field("body")), bound, depth + 1, results, lost);
    return lost[0] ? null : combine(results);
  }

  private static List<String> parameterNames(GoNode function) {
    List<String> out = new ArrayList<>();
    GoNode params = function.field("parameters");
    if (params == null) return out;
    for (GoNode p : params.children)
      for (GoNode c : p.children) if ("name".equals(c.field)) out.add(c.text());
    return out;
  }

  private static List<GoNode> statements(GoNode block) {
    if (block == null) return List.of();
    for (GoNode c : block.children) if (c.is("statement_list")) return c.children;
    return block.children;
  }

  /**
   * Collects the values a helper's reachable return statements give; returns whether the statements
   * always return. A return the walk cannot reach through (a loop, a switch) sets lost.
   */
  private boolean walk(
      GoFile f,
      List<GoNode> statements,
      Map<String, RoutePath> params,
      int depth,
      List<RoutePath> results,
      boolean[] lost) {
    for (GoNode s : statements) {
      if (s.is("return_statement")) {
        results.add(s.children.isEmpty() ? null : eval(f, first(s.children.get(0)), params, depth));
        return true;
      }
      if (s.is("if_statement")) {
        if (walkIf(f, s, params, depth, results, lost)) return true;
        continue;
      }
      if (!s.all("return_statement").isEmpty()) {
        lost[0] = true;
        return true;
      }
    }
    return false;
  }

  private boolean walkIf(
      GoFile f,
      GoNode s,
      Map<String, RoutePath> params,
      int depth,
      List<RoutePath> results,
      boolean[] lost) {
    Truth t =
        s.field("initializer") != null ? Truth.UNKNOWN : decide(f, s.field("condition"), params);
    GoNode alternative = s.field("alternative");
    boolean thenReturns =
        t != Truth.FALSE
            && walk(f, statements(s.field("consequence")), params, depth, results, lost);
    boolean elseReturns =
        t != Truth.TRUE
            && alternative != null
            && walk(
                f,
                alternative.is("if_statement") ? List.of(alternative) : statements(alternative),
                params,
                depth,
                results,
                lost);
    return switch (t) {
      case TRUE -> thenReturns;
      case FALSE -> elseReturns;
      case UNKNOWN -> thenReturns && elseReturns;
    };
  }

  private static GoNode first(GoNode values) {
    return values.is("expression_list") && !values.children.isEmpty()
        ? values.children.get(0)
        : values;
  }

  /**
   * A condition on values the code fixes: {@code ==}, {@code !=}, {@code !}, {@code &&}, {@code ||}
   * and {@code strings.HasPrefix}/{@code HasSuffix}; anything else is unknown.
   */
  private Truth decide(GoFile f, GoNode c, Map<String, RoutePath> params) {
    if (c == null) return Truth.UNKNOWN;
    if (c.is("parenthesized_expression") && c.children.size() == 1)
      return decide(f, c.children.get(0), params);
    if (c.is("unary_expression") && c.text().startsWith("!"))
      return not(decide(f, c.field("operand"), params));
    if (c.is("binary_expression")) {
      String op = c.operator();
      if ("||".equals(op) || "&&".equals(op)) {
        Truth l = decide(f, c.field("left"), params);
        Truth r = decide(f, c.field("right"), params);
        Truth stops = op.equals("||") ? Truth.TRUE : Truth.FALSE;
        if (l == stops || r == stops) return stops;
        return l == Truth.UNKNOWN || r == Truth.UNKNOWN ? Truth.UNKNOWN : not(stops);
      }
      if (!"==".equals(op) && !"!=".equals(op)) return Truth.UNKNOWN;
      RoutePath l = eval(f, c.field("left"), params, 0);
      RoutePath r = eval(f, c.field("right"), params, 0);
      if (l == null || r == null || !l.known() || !r.known()) return Truth.UNKNOWN;
      return truth(l.literal().equals(r.literal()) == op.equals("=="));
    }
    String q = c.is("call_expression") ? f.qualify(c.field("function")) : null;
    List<GoNode> args = q == null ? List.of() : GoFile.args(c);
    if (args.size() == 2 && (q.equals("strings.HasPrefix") || q.equals("strings.HasSuffix"))) {
      RoutePath s = eval(f, args.get(0), params, 0);
      RoutePath part = eval(f, args.get(1), params, 0);
      if (s == null || part == null || !s.known() || !part.known()) return Truth.UNKNOWN;
      return truth(
          q.endsWith("Prefix")
              ? s.literal().startsWith(part.literal())
              : s.literal().endsWith(part.literal()));
    }
    return Truth.UNKNOWN;
  }

  private static Truth truth(boolean b) {
    return b ? Truth.TRUE : Truth.FALSE;
  }

  private static Truth not(Truth t) {
    return t == Truth.UNKNOWN ? t : t == Truth.TRUE ? Truth.FALSE : Truth.TRUE;
  }

  /**
   * The paths a helper may return as one: all the same, or a runtime value followed by the same
   * literal as every other result (a fixed path is that runtime value left empty); else unknown.
   */
  private static RoutePath combine(List<RoutePath> results) {
    if (results.isEmpty() || results.contains(null)) return null;
    RoutePath chosen = results.get(0);
    for (RoutePath r : results) if (!r.known()) chosen = chosen.known() ? r : chosen;
    for (RoutePath r : results) {
      if (!trimmed(r.literal()).equals(trimmed(chosen.literal()))) return null;
      if (!r.known() && !r.runtime().equals(chosen.runtime())) return null;
    }
    return chosen;
  }

  /** A path without trailing slashes: "" and "/" are both the root. */
  static String trimmed(String path) {
    String p = path;
    while (p.endsWith("/")) p = p.substring(0, p.length() - 1);
    return p;
  }
}
