package dev.relplan.iac.terraform;

import dev.relplan.iac.common.Evaluated;
import dev.relplan.iac.terraform.TfValues.Err;
import dev.relplan.iac.terraform.TfValues.ModuleObj;
import dev.relplan.iac.terraform.TfValues.ResObj;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.Unknown;
import dev.relplan.model.Zones;
import dev.relplan.parse.hcl.Expr;
import dev.relplan.parse.hcl.TemplatePart;
import dev.relplan.parse.hcl.Traverser;
import dev.relplan.source.FileGuard;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Evaluates HCL expressions the way Terraform does at plan time, with unknown values for what only
 * the cloud knows (data sources, attributes computed by the provider). Depth is bounded across all
 * indirections (locals, variables, outputs) so hostile input cannot overflow the stack.
 */
final class Evaluator {
  static final int MAX_DEPTH = 1000;

  /** Evaluation steps for a whole scan: nested for-expressions over large collections stop here. */
  static final long MAX_STEPS = 5_000_000;

  /** The longest string a template or function may build. */
  static final int MAX_STRING = 1_000_000;

  private int depth;
  private long steps;
  final Functions functions = new Functions(this);

  Evaluated eval(Expr e, ModuleInstance m, Env env) {
    if (depth >= MAX_DEPTH)
      return Evaluated.of(new Err("expression nested too deeply to evaluate"));
    if (++steps > MAX_STEPS) return Evaluated.of(EXHAUSTED);
    // The per-file time budget is checked now and then, not on every step.
    if ((steps & 0xFFF) == 0) FileGuard.checkTime();
    depth++;
    try {
      return evalInner(e, m, env);
    } finally {
      depth--;
    }
  }

  /** Counts work done outside eval() (elements built by functions), against the same budget. */
  void charge(long work) {
    steps += work;
    FileGuard.checkTime();
  }

  boolean exhausted() {
    return steps > MAX_STEPS;
  }

  private static final Err EXHAUSTED =
      new Err("evaluation budget exhausted (the configuration computes too much)");

  /** Unknown (with reason) for values that are not known at plan time, else null. */
  static Unknown unknownOf(Object v) {
    if (v instanceof Unknown u) return u;
    if (v instanceof Err e) return new Unknown(e.message());
    if (v instanceof ResourceRef r)
      return new Unknown("the value of " + r + " is known only after apply");
    if (v instanceof ResObj r)
      return new Unknown("the value of " + r.address() + " is known only after apply");
    return null;
  }

  private Evaluated evalInner(Expr e, ModuleInstance m, Env env) {
    if (e instanceof Expr.NumberLit n) return Evaluated.of(n.value());
    if (e instanceof Expr.BoolLit b) return Evaluated.of(b.value());
    if (e instanceof Expr.NullLit) return Evaluated.of(null);
    if (e instanceof Expr.Parens p) return eval(p.inner(), m, env);
    if (e instanceof Expr.TemplateExpr t) return template(t, m, env);
    if (e instanceof Expr.ScopeTraversal t) return traversal(t, m, env);
    if (e instanceof Expr.GetAttr g) {
      Evaluated o = eval(g.object(), m, env);
      return getAttr(o, g.name());
    }
    if (e instanceof Expr.Index i) {
      Evaluated c = eval(i.collection(), m, env);
      Evaluated k = eval(i.key(), m, env);
      return index(c, k);
    }
    if (e instanceof Expr.Splat s) return splat(s, m, env);
    if (e instanceof Expr.FunctionCall f) return call(f, m, env);
    if (e instanceof Expr.Tuple t) return tuple(t, m, env);
    if (e instanceof Expr.ObjectCons o) return object(o, m, env);
    if (e instanceof Expr.Conditional c) return conditional(c, m, env);
    if (e instanceof Expr.Unary u) return unary(u, m, env);
    if (e instanceof Expr.Binary b) return binary(b, m, env);
    if (e instanceof Expr.ForTuple f) return forTuple(f, m, env);
    if (e instanceof Expr.ForObject f) return forObject(f, m, env);
    return Evaluated.of(new Unknown("unsupported expression"));
  }

  // ---- constructors ----

  private Evaluated tuple(Expr.Tuple t, ModuleInstance m, Env env) {
    List<Object> out = new ArrayList<>();
    List<Evaluated> parts = new ArrayList<>();
    for (Expr item : t.items()) {
      Evaluated v = eval(item, m, env);
      parts.add(v);
      out.add(v.value());
    }
    return Evaluated.combine(out, parts);
  }

  private Evaluated object(Expr.ObjectCons o, ModuleInstance m, Env env) {
    Map<String, Object> out = new TreeMap<>();
    List<Evaluated> parts = new ArrayList<>();
    for (Expr.ObjectItem item : o.items()) {
      String key = item.literalKey().orElse(null);
      if (key == null) {
        Evaluated k = eval(item.key(), m, env);
        parts.add(k);
        Unknown u = unknownOf(k.value());
        if (u != null) return Evaluated.combine(u, parts);
        key = TfValues.str(k.value());
        if (key == null) return Evaluated.combine(new Err("object key is not a string"), parts);
      }
      Evaluated v = eval(item.value(), m, env);
      parts.add(v);
      out.put(key, v.value());
    }
    return Evaluated.combine(out, parts);
  }

  // ---- references ----

  private Evaluated traversal(Expr.ScopeTraversal t, ModuleInstance m, Env env) {
    List<Traverser> steps = t.steps();
    Evaluated bound = env.get(t.root());
    Rooted root = bound != null ? new Rooted(bound, 0) : root(t, m);
    Evaluated v = root.value();
    for (int i = root.stepsUsed(); i < steps.size(); i++) {
      Traverser s = steps.get(i);
      if (s instanceof Traverser.AttrStep a) v = getAttr(v, a.name());
      else if (s instanceof Traverser.IndexStep ix) v = index(v, eval(ix.key(), m, env));
    }
    return v;
  }

  /** What a reference's root names, and how many of its steps naming it took. */
  private record Rooted(Evaluated value, int stepsUsed) {
    /** A value no further step applies to (an error, or a reference that is never known). */
    static Rooted whole(Evaluated value) {
      return new Rooted(value, Integer.MAX_VALUE);
    }
  }

  /**
   * The object a reference's root names: a variable, a local, a module, a resource, a data source…
   */
  private Rooted root(Expr.ScopeTraversal t, ModuleInstance m) {
    List<Traverser> steps = t.steps();
    String first =
        steps.size() > 0 && steps.get(0) instanceof Traverser.AttrStep a ? a.name() : null;
    String second =
        steps.size() > 1 && steps.get(1) instanceof Traverser.AttrStep a ? a.name() : null;
    return switch (t.root()) {
      case "var" ->
          first == null
              ? Rooted.whole(Evaluated.of(new Err("var needs an attribute")))
              : new Rooted(m.variable(first), 1);
      case "local" ->
          first == null
              ? Rooted.whole(Evaluated.of(new Err("local needs an attribute")))
              : new Rooted(m.local(first), 1);
      case "module" ->
          first == null
              ? Rooted.whole(Evaluated.of(new Err("module needs a name")))
              : new Rooted(m.moduleObject(first), 1);
      case "data" -> dataSource(steps, first, second, m);
      case "path" ->
          new Rooted(
              Evaluated.of("root".equals(first) || "cwd".equals(first) ? "." : m.dir.name()), 1);
      case "terraform" ->
          new Rooted(
              Evaluated.of(
                  "workspace".equals(first) ? "default" : new Unknown("terraform." + first)),
              1);
      case "self" ->
          Rooted.whole(
              Evaluated.of(new Unknown("self refers to attributes known only after apply")));
      case "count", "each" ->
          Rooted.whole(
              Evaluated.of(
                  new Err(
                      t.root()
                          + " is used outside a block with "
                          + (t.root().equals("count") ? "count" : "for_each"))));
      default ->
          first != null && m.dir.resources.containsKey(t.root() + "." + first)
              ? new Rooted(m.resourceObject(t.root() + "." + first, false), 1)
              : Rooted.whole(Evaluated.of(new Err("unknown reference " + t.path())));
    };
  }

  /** {@code data.TYPE.NAME}; the zone names of {@code aws_availability_zones} are a zone list. */
  private static Rooted dataSource(
      List<Traverser> steps, String first, String second, ModuleInstance m) {
    if (first == null || second == null)
      return Rooted.whole(Evaluated.of(new Err("data needs a type and a name")));
    Evaluated v = m.resourceObject(first + "." + second, true);
    if (first.equals("aws_availability_zones")
        && steps.size() > 2
        && steps.get(2) instanceof Traverser.AttrStep az
        && (az.name().equals("names") || az.name().equals("zone_ids"))) {
      return new Rooted(
          v.with(Zones.zoneList("data." + first + "." + second + "." + az.name())), 3);
    }
    return new Rooted(v, 2);
  }

  Evaluated getAttr(Evaluated o, String name) {
    Object v = o.value();
    if (TfValues.isUnknown(v)) return o;
    if (v instanceof ResObj r) {
      Evaluated out = o.with(r.ref(name));
      Set<ResourceRef> refs = new LinkedHashSet<>(o.refs());
      refs.add(r.ref(name));
      return new Evaluated(out.value(), o.trace(), refs);
    }
    if (v instanceof ModuleObj mo) {
      if (!mo.instance().dir.outputs.containsKey(name))
        return o.with(new Err("module has no output " + name));
      Evaluated out = mo.instance().output(name);
      return Evaluated.combine(out.value(), o, out);
    }
    if (v instanceof ResourceRef r)
      return o.with(new Unknown("the value of " + r + "." + name + " is known only after apply"));
    if (v instanceof Map<?, ?> map) {
      if (!map.containsKey(name)) return o.with(new Err("object has no attribute " + name));
      return o.with(map.get(name));
    }
    if (v == null) return o.with(new Err("attribute " + name + " of null"));
    return o.with(new Err("a " + TfValues.typeName(v) + " has no attribute " + name));
  }

  Evaluated index(Evaluated c, Evaluated k) {
    Object v = c.value();
    Evaluated both = Evaluated.combine(null, c, k);
    if (Zones.isZoneList(v)
        && TfValues.number(k.value()) != null
        && TfValues.number(k.value()).intValue() >= 0) {
      return both.with(Zones.zone(v, TfValues.number(k.value()).intValue()));
    }
    if (TfValues.isUnknown(v)) return both.with(v);
    Unknown uk = unknownOf(k.value());
    if (uk != null) return both.with(uk);
    if (v instanceof List<?> l) {
      BigDecimal d = TfValues.number(k.value());
      if (d == null) return both.with(new Err("list index is not a number"));
      int i = d.intValue();
      if (i < 0 || i >= l.size())
        return both.with(new Err("index " + i + " out of range for a list of " + l.size()));
      return both.with(l.get(i));
    }
    if (v instanceof Map<?, ?> map) {
      String key = TfValues.str(k.value());
      if (key == null || !map.containsKey(key))
        return both.with(new Err("no element " + k.value()));
      return both.with(map.get(key));
    }
    if (v instanceof ResourceRef r)
      return both.with(new Unknown("the value of " + r + " is known only after apply"));
    return both.with(new Err("cannot index a " + TfValues.typeName(v)));
  }

  private Evaluated splat(Expr.Splat s, ModuleInstance m, Env env) {
    Evaluated t = eval(s.target(), m, env);
    Object v = t.value();
    if (TfValues.isUnknown(v)) return t;
    List<?> items =
        v == null
            ? List.of()
            : v instanceof List<?> l
                ? l
                : v instanceof Map<?, ?> map && !s.full()
                    ? new ArrayList<>(map.values())
                    : List.of(v);
    List<Object> out = new ArrayList<>();
    List<Evaluated> parts = new ArrayList<>(List.of(t));
    for (Object item : items) {
      Evaluated cur = new Evaluated(item, List.of(), Set.of());
      for (Traverser step : s.each()) {
        if (step instanceof Traverser.AttrStep a) cur = getAttr(cur, a.name());
        else if (step instanceof Traverser.IndexStep ix) cur = index(cur, eval(ix.key(), m, env));
      }
      parts.add(cur);
      out.add(cur.value());
    }
    return Evaluated.combine(out, parts);
  }

  // ---- templates ----

  private Evaluated template(Expr.TemplateExpr t, ModuleInstance m, Env env) {
    if (t.singleInterpolation().isPresent()) return eval(t.singleInterpolation().get(), m, env);
    StringBuilder sb = new StringBuilder();
    List<Evaluated> parts = new ArrayList<>();
    Object[] unknown = {null};
    renderParts(t.parts(), m, env, sb, parts, unknown, 0);
    return Evaluated.combine(unknown[0] != null ? unknown[0] : sb.toString(), parts);
  }

  private void renderParts(
      List<TemplatePart> ps,
      ModuleInstance m,
      Env env,
      StringBuilder sb,
      List<Evaluated> parts,
      Object[] unknown,
      int depth) {
    if (depth > 32) {
      unknown[0] = new Err("template directives nested too deeply");
      return;
    }
    for (TemplatePart p : ps) {
      if (sb.length() > MAX_STRING) {
        unknown[0] = new Err("template result longer than " + MAX_STRING + " characters");
        return;
      }
      if (p instanceof TemplatePart.Literal l) {
        sb.append(l.text());
      } else if (p instanceof TemplatePart.Interpolation i) {
        Evaluated v = eval(i.expr(), m, env);
        parts.add(v);
        appendValue(v.value(), sb, unknown);
      } else if (p instanceof TemplatePart.If f) {
        Evaluated c = eval(f.condition(), m, env);
        parts.add(c);
        Unknown u = unknownOf(c.value());
        Boolean b = TfValues.bool(c.value());
        if (u != null || b == null) {
          if (unknown[0] == null)
            unknown[0] = u != null ? u : new Err("template condition is not a bool");
          continue;
        }
        renderParts(b ? f.then() : f.otherwise(), m, env, sb, parts, unknown, depth + 1);
      } else if (p instanceof TemplatePart.For f) {
        Evaluated c = eval(f.collection(), m, env);
        parts.add(c);
        Unknown u = unknownOf(c.value());
        if (u != null) {
          if (unknown[0] == null) unknown[0] = u;
          continue;
        }
        for (Map.Entry<Object, Object> entry : entries(c.value())) {
          Env inner = bind(env, f.keyVar(), f.valueVar(), entry, c);
          renderParts(f.body(), m, inner, sb, parts, unknown, depth + 1);
        }
      }
    }
  }

  private static void appendValue(Object v, StringBuilder sb, Object[] unknown) {
    Unknown u = unknownOf(v);
    if (u != null) {
      if (unknown[0] == null) unknown[0] = u;
      return;
    }
    if (v instanceof TfValues.JsonText j) {
      if (unknown[0] == null)
        unknown[0] = new Unknown("text built from values known only after apply");
      return;
    }
    String s = TfValues.str(v);
    if (s == null) {
      if (unknown[0] == null)
        unknown[0] = new Err("cannot use a " + TfValues.typeName(v) + " in a string template");
      return;
    }
    // Checked before appending: a template of many long interpolations never builds past the limit.
    if ((long) sb.length() + s.length() > MAX_STRING) {
      if (unknown[0] == null)
        unknown[0] = new Err("template result longer than " + MAX_STRING + " characters");
      return;
    }
    sb.append(s);
  }

  // ---- for expressions ----

  /** Key/value pairs of a list (index) or map (key), in Terraform's order. */
  static List<Map.Entry<Object, Object>> entries(Object coll) {
    List<Map.Entry<Object, Object>> out = new ArrayList<>();
    if (coll instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++)
        out.add(Map.entry(BigDecimal.valueOf(i), nullSafe(l.get(i))));
    } else if (coll instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : new TreeMap<>(map).entrySet())
        out.add(Map.entry(e.getKey(), nullSafe(e.getValue())));
    }
    return out;
  }

  private static final Object NULL = new Object();

  private static Object nullSafe(Object o) {
    return o == null ? NULL : o;
  }

  private static Object unwrap(Object o) {
    return o == NULL ? null : o;
  }

  private static Env bind(
      Env env, String keyVar, String valueVar, Map.Entry<Object, Object> e, Evaluated from) {
    Env inner = env;
    if (keyVar != null)
      inner = inner.with(keyVar, new Evaluated(e.getKey(), from.trace(), Set.of()));
    return inner.with(valueVar, new Evaluated(unwrap(e.getValue()), from.trace(), from.refs()));
  }

  private Evaluated forTuple(Expr.ForTuple f, ModuleInstance m, Env env) {
    Evaluated c = eval(f.collection(), m, env);
    if (unknownOf(c.value()) != null) return c.with(unknownOf(c.value()));
    if (!(c.value() instanceof List || c.value() instanceof Map))
      return c.with(new Err("for expression over a " + TfValues.typeName(c.value())));
    List<Object> out = new ArrayList<>();
    List<Evaluated> parts = new ArrayList<>(List.of(c));
    for (Map.Entry<Object, Object> e : entries(c.value())) {
      if (exhausted()) return Evaluated.combine(EXHAUSTED, parts);
      Env inner = bind(env, f.keyVar(), f.valueVar(), e, c);
      if (f.condition() != null) {
        Evaluated cond = eval(f.condition(), m, inner);
        parts.add(cond);
        if (unknownOf(cond.value()) != null)
          return Evaluated.combine(unknownOf(cond.value()), parts);
        if (!Boolean.TRUE.equals(TfValues.bool(cond.value()))) continue;
      }
      Evaluated v = eval(f.value(), m, inner);
      parts.add(v);
      out.add(v.value());
    }
    return Evaluated.combine(out, parts);
  }

  private Evaluated forObject(Expr.ForObject f, ModuleInstance m, Env env) {
    Evaluated c = eval(f.collection(), m, env);
    if (unknownOf(c.value()) != null) return c.with(unknownOf(c.value()));
    if (!(c.value() instanceof List || c.value() instanceof Map))
      return c.with(new Err("for expression over a " + TfValues.typeName(c.value())));
    Map<String, Object> out = new TreeMap<>();
    List<Evaluated> parts = new ArrayList<>(List.of(c));
    for (Map.Entry<Object, Object> e : entries(c.value())) {
      if (exhausted()) return Evaluated.combine(EXHAUSTED, parts);
      Env inner = bind(env, f.keyVar(), f.valueVar(), e, c);
      if (f.condition() != null) {
        Evaluated cond = eval(f.condition(), m, inner);
        parts.add(cond);
        if (unknownOf(cond.value()) != null)
          return Evaluated.combine(unknownOf(cond.value()), parts);
        if (!Boolean.TRUE.equals(TfValues.bool(cond.value()))) continue;
      }
      Evaluated k = eval(f.key(), m, inner);
      parts.add(k);
      if (unknownOf(k.value()) != null) return Evaluated.combine(unknownOf(k.value()), parts);
      String key = TfValues.str(k.value());
      if (key == null)
        return Evaluated.combine(new Err("for expression key is not a string"), parts);
      Evaluated v = eval(f.value(), m, inner);
      parts.add(v);
      if (f.grouping()) {
        @SuppressWarnings("unchecked")
        List<Object> group = (List<Object>) out.computeIfAbsent(key, x -> new ArrayList<>());
        group.add(v.value());
      } else {
        out.put(key, v.value());
      }
    }
    return Evaluated.combine(out, parts);
  }

  // ---- operators ----

  private Evaluated conditional(Expr.Conditional c, ModuleInstance m, Env env) {
    Evaluated cond = eval(c.condition(), m, env);
    Unknown u = unknownOf(cond.value());
    if (u != null) return cond.with(u);
    Boolean b = TfValues.bool(cond.value());
    if (b == null) return cond.with(new Err("condition is not a bool: " + cond.value()));
    Evaluated r = eval(b ? c.trueResult() : c.falseResult(), m, env);
    return Evaluated.combine(r.value(), cond, r);
  }

  private Evaluated unary(Expr.Unary u, ModuleInstance m, Env env) {
    Evaluated v = eval(u.operand(), m, env);
    Unknown unk = unknownOf(v.value());
    if (unk != null) return v.with(unk);
    if (u.op() == Expr.UnaryOp.NOT) {
      Boolean b = TfValues.bool(v.value());
      return v.with(b == null ? new Err("! needs a bool") : !b);
    }
    BigDecimal d = TfValues.number(v.value());
    return v.with(d == null ? new Err("- needs a number") : d.negate());
  }

  private Evaluated binary(Expr.Binary b, ModuleInstance m, Env env) {
    Evaluated l = eval(b.left(), m, env);
    Evaluated r = eval(b.right(), m, env);
    Evaluated both = Evaluated.combine(null, l, r);
    Expr.BinaryOp op = b.op();
    if (op == Expr.BinaryOp.AND || op == Expr.BinaryOp.OR) {
      Boolean x = unknownOf(l.value()) == null ? TfValues.bool(l.value()) : null;
      Boolean y = unknownOf(r.value()) == null ? TfValues.bool(r.value()) : null;
      boolean decisive = op == Expr.BinaryOp.OR;
      if (Boolean.valueOf(decisive).equals(x)) return l.with(decisive);
      if (Boolean.valueOf(decisive).equals(y)) return r.with(decisive);
      if (unknownOf(l.value()) != null) return both.with(unknownOf(l.value()));
      if (unknownOf(r.value()) != null) return both.with(unknownOf(r.value()));
      if (x == null || y == null) return both.with(new Err(op.symbol() + " needs bools"));
      return both.with(op == Expr.BinaryOp.AND ? x && y : x || y);
    }
    if (unknownOf(l.value()) != null) return both.with(unknownOf(l.value()));
    if (unknownOf(r.value()) != null) return both.with(unknownOf(r.value()));
    if (op == Expr.BinaryOp.EQUAL) return both.with(TfValues.equal(l.value(), r.value()));
    if (op == Expr.BinaryOp.NOT_EQUAL) return both.with(!TfValues.equal(l.value(), r.value()));
    BigDecimal x = TfValues.number(l.value());
    BigDecimal y = TfValues.number(r.value());
    if (x == null || y == null) return both.with(new Err(op.symbol() + " needs numbers"));
    Object out =
        switch (op) {
          case LESS -> x.compareTo(y) < 0;
          case GREATER -> x.compareTo(y) > 0;
          case LESS_OR_EQUAL -> x.compareTo(y) <= 0;
          case GREATER_OR_EQUAL -> x.compareTo(y) >= 0;
          case ADD -> x.add(y);
          case SUBTRACT -> x.subtract(y);
          case MULTIPLY -> x.multiply(y);
          case DIVIDE ->
              y.signum() == 0 ? new Err("division by zero") : x.divide(y, MathContext.DECIMAL64);
          case MODULO -> y.signum() == 0 ? new Err("modulo by zero") : x.remainder(y);
          default -> new Err("unsupported operator");
        };
    return both.with(out);
  }

  // ---- functions ----

  private Evaluated call(Expr.FunctionCall f, ModuleInstance m, Env env) {
    String name = f.name();
    if (name.equals("try")) {
      List<Evaluated> parts = new ArrayList<>();
      for (Expr a : f.args()) {
        Evaluated v = eval(a, m, env);
        parts.add(v);
        if (v.value() instanceof Err) continue;
        return Evaluated.combine(v.value(), parts);
      }
      return Evaluated.combine(new Err("no argument of try could be evaluated"), parts);
    }
    if (name.equals("can")) {
      if (f.args().size() != 1) return Evaluated.of(new Err("can takes one argument"));
      Evaluated v = eval(f.args().get(0), m, env);
      if (v.value() instanceof Err) return v.with(false);
      if (v.value() instanceof Unknown) return v;
      return v.with(true);
    }
    List<Evaluated> args = new ArrayList<>();
    for (Expr a : f.args()) args.add(eval(a, m, env));
    if (f.expandFinal() && !args.isEmpty()) {
      Evaluated last = args.remove(args.size() - 1);
      if (unknownOf(last.value()) != null) return last.with(unknownOf(last.value()));
      if (!(last.value() instanceof List<?> l)) return last.with(new Err("... needs a list"));
      for (Object o : l) args.add(new Evaluated(o, last.trace(), last.refs()));
    }
    return functions.call(name, args);
  }
}
