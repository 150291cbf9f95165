package dev.relplan.code.go;

import dev.relplan.code.go.GoPackage.Found;
import dev.relplan.model.Value;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment variable a Go address is read from, so that the service it names can be found in
 * the caller's manifest (docs/deadline-budgets.md, "Upstream callers"): {@code os.Getenv("X")}
 * itself, a variable bound to it, a parameter of the dialing helper given one of those at the call
 * site, or a struct field filled by {@code f.x = os.Getenv("X")} or by a package helper called as
 * {@code mapEnv(&f.x, "X")} whose body reads {@code os.Getenv} of that parameter and stores it
 * through the pointer. Absent when the address comes from anywhere else.
 */
final class GoAddressEnv {
  private static final int MAX_DEPTH = 4;

  private final GoPackage pkg;

  /** The variable each struct field is filled from, looked up once per field. */
  private final Map<String, Value<String>> fields = new HashMap<>();

  GoAddressEnv(GoPackage pkg) {
    this.pkg = pkg;
  }

  /**
   * The variable the address {@code expr} in {@code file} is read from, at the line reading it;
   * {@code through} is the call of the helper that dials with the address as a parameter (null when
   * the dial is made where the address is).
   */
  Value<String> of(GoFile file, GoNode expr, Found through) {
    return of(file, expr, through, 0);
  }

  private Value<String> of(GoFile file, GoNode expr, Found through, int depth) {
    if (expr == null || depth > MAX_DEPTH) return Value.absent();
    Value<String> read = getenv(file, expr);
    if (read.present()) return read;
    if (expr.is("identifier")) {
      GoNode bound = file.binding(expr.text(), expr);
      if (bound != null) return of(file, bound, through, depth + 1);
      GoNode param = file.parameter(expr.text(), expr);
      if (param != null && through != null) {
        int position = position(expr.function(), expr.text());
        List<GoNode> args = GoFile.args(through.node());
        return position < 0 || position >= args.size()
            ? Value.absent()
            : of(through.file(), args.get(position), null, depth + 1);
      }
      return Value.absent();
    }
    if (expr.is("selector_expression") && expr.field("field") != null && file.qualify(expr) == null)
      return fields.computeIfAbsent(expr.field("field").text(), this::field);
    return Value.absent();
  }

  /** {@code os.Getenv("X")}: X at the call's line; else absent. */
  private static Value<String> getenv(GoFile file, GoNode expr) {
    if (!expr.is("call_expression") || !"os.Getenv".equals(file.qualify(expr.field("function"))))
      return Value.absent();
    List<GoNode> args = GoFile.args(expr);
    String name = args.size() == 1 ? args.get(0).stringValue() : null;
    return name == null ? Value.absent() : Value.explicit(name, List.of(file.at(expr)));
  }

  /** The one variable the package stores in a struct field, directly or through a helper. */
  private Value<String> field(String field) {
    Value<String> found = Value.absent();
    for (GoFile file : pkg.files) {
      GoNode value = file.fieldBinding(field);
      Value<String> direct = value == null ? Value.absent() : getenv(file, value);
      if (direct.present()) {
        if (found.present()) return Value.absent();
        found = direct;
      }
      for (GoNode call : file.calls()) {
        Value<String> helper = throughHelper(file, call, field);
        if (!helper.present()) continue;
        if (found.present() && !found.get().equals(helper.get())) return Value.absent();
        found = helper;
      }
    }
    return found;
  }

  /** {@code mapEnv(&s.field, "X")} with {@code *target = os.Getenv(key)} in mapEnv's body. */
  private Value<String> throughHelper(GoFile file, GoNode call, String field) {
    GoNode fn = call.field("function");
    if (fn == null || !fn.is("identifier")) return Value.absent();
    List<GoNode> args = GoFile.args(call);
    int pointer = -1;
    for (int k = 0; k < args.size(); k++)
      if (GoGrpcCalls.pointerTo(args.get(k), field)) pointer = k;
    if (pointer < 0) return Value.absent();
    Found helper = pkg.declaration(fn.text(), false);
    if (helper == null || helper.node().field("body") == null) return Value.absent();
    for (GoNode read : helper.node().all("call_expression")) {
      if (!"os.Getenv".equals(helper.file().qualify(read.field("function")))) continue;
      List<GoNode> readArgs = GoFile.args(read);
      if (readArgs.size() != 1 || !readArgs.get(0).is("identifier")) continue;
      int key = position(helper.node(), readArgs.get(0).text());
      if (key < 0 || key >= args.size() || key == pointer) continue;
      String name = args.get(key).stringValue();
      if (name != null) return Value.explicit(name, List.of(file.at(call)));
    }
    return Value.absent();
  }

  /** The position of a named parameter of a function, or -1. */
  private static int position(GoNode function, String name) {
    if (function == null || function.field("parameters") == null) return -1;
    int k = 0;
    for (GoNode p : function.field("parameters").children)
      for (GoNode c : p.children) {
        if (!"name".equals(c.field)) continue;
        if (c.text().equals(name)) return k;
        k++;
      }
    return -1;
  }
}
