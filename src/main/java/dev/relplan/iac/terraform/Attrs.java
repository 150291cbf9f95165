package dev.relplan.iac.terraform;

import dev.relplan.iac.common.Evaluated;
import dev.relplan.iac.common.TypedSettings;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.Unknown;
import dev.relplan.model.Value;
import dev.relplan.parse.JsonLoader;
import dev.relplan.parse.ParseException;
import dev.relplan.parse.hcl.Attribute;
import dev.relplan.parse.hcl.Block;
import dev.relplan.parse.hcl.Body;
import dev.relplan.parse.hcl.Expr;
import dev.relplan.parse.hcl.TemplatePart;
import dev.relplan.source.Location;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Typed, located access to the arguments of a resource block (or of one nested block, or of an
 * object value). A path such as {@code health_check.enabled} walks nested blocks (including {@code
 * dynamic} blocks) and object values; results carry the argument's line first, then where its value
 * was set.
 */
final class Attrs extends TypedSettings<Attrs> {
  private final ModuleInstance module;
  private final Body body;
  private final Env env;
  private final Object value;
  private final Location at;
  private final List<Location> baseTrace;
  private final Set<ResourceRef> baseRefs;

  Attrs(ModuleInstance module, Body body, Env env, Location at) {
    this(module, body, env, null, at, List.of(), Set.of());
  }

  private Attrs(
      ModuleInstance module,
      Body body,
      Env env,
      Object value,
      Location at,
      List<Location> baseTrace,
      Set<ResourceRef> baseRefs) {
    this.module = module;
    this.body = body;
    this.env = env;
    this.value = value;
    this.at = at;
    this.baseTrace = baseTrace;
    this.baseRefs = baseRefs;
  }

  /**
   * Arguments given as a value (a resource's values in a Terraform plan), all located at one line.
   */
  static Attrs ofValue(ModuleInstance module, Object value, Location at) {
    return new Attrs(module, null, Env.EMPTY, value, at, List.of(), Set.of());
  }

  @Override
  public Location location() {
    return at;
  }

  private record Found(
      Object value,
      Location keyLocation,
      List<Location> trace,
      Set<ResourceRef> refs,
      boolean block) {}

  private Found find(String path) {
    return find(path.split("\\."), 0);
  }

  private Found find(String[] keys, int i) {
    if (body == null) return walk(value, keys, i, at, baseTrace, baseRefs);
    String key = keys[i];
    Attribute a = body.attribute(key).orElse(null);
    if (a != null) {
      Location loc = module.at(a.range());
      if (i + 1 < keys.length
          && a.value() instanceof Expr.TemplateExpr t
          && t.singleInterpolation().isEmpty()) {
        Found json = jsonTemplate(t, keys, i + 1, loc);
        if (json != null) return json;
      }
      Evaluated v = module.eval(a.value(), env);
      return walkFrom(v, keys, i + 1, loc);
    }
    List<Attrs> blocks = nested(key);
    if (blocks.isEmpty()) {
      String unknown = unknownDynamic(key);
      if (unknown != null)
        return new Found(new Unknown(unknown), dynamicLine(key), List.of(), Set.of(), false);
      return null;
    }
    Attrs first = blocks.get(0);
    if (i == keys.length - 1) return new Found(Map.of(), first.at, List.of(), Set.of(), true);
    return first.find(keys, i + 1);
  }

  /**
   * A JSON document written as a string or heredoc with interpolated references (an older style of
   * redrive policies): rendered with placeholders, parsed, and the references put back, so that
   * {@code "${aws_sqs_queue.dlq.arn}"} inside the JSON is still followed.
   */
  private Found jsonTemplate(Expr.TemplateExpr t, String[] keys, int i, Location loc) {
    StringBuilder sb = new StringBuilder();
    Map<String, Object> holes = new HashMap<>();
    List<Evaluated> parts = new ArrayList<>();
    for (TemplatePart p : t.parts()) {
      if (p instanceof TemplatePart.Literal l) {
        sb.append(l.text());
      } else if (p instanceof TemplatePart.Interpolation in) {
        Evaluated v = module.eval(in.expr(), env);
        parts.add(v);
        String s = TfValues.str(v.value());
        if (s != null) {
          sb.append(s);
        } else {
          String hole = "relplan-hole-" + holes.size() + "-" + System.identityHashCode(t);
          holes.put(hole, v.value() instanceof TfValues.ResObj r ? r.ref(null) : v.value());
          sb.append(hole);
        }
      } else {
        return null;
      }
    }
    if (holes.isEmpty() || !sb.toString().strip().startsWith("{")) return null;
    Object doc;
    try {
      doc = TfValues.fromNode(JsonLoader.load(loc.file(), sb.toString()), 0);
    } catch (ParseException e) {
      return null;
    }
    Evaluated all = Evaluated.combine(null, parts);
    return walk(fill(doc, holes, 0), keys, i, loc, all.trace(), all.refs());
  }

  private static Object fill(Object v, Map<String, Object> holes, int depth) {
    if (depth > 64) return new Unknown("nested too deeply");
    if (v instanceof String s) {
      if (holes.containsKey(s)) return holes.get(s);
      for (String h : holes.keySet())
        if (s.contains(h)) return new Unknown("text built from values known only after apply");
      return s;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      for (Object o : l) out.add(fill(o, holes, depth + 1));
      return out;
    }
    if (v instanceof Map<?, ?> mp) {
      Map<String, Object> out = new TreeMap<>();
      mp.forEach((k, x) -> out.put(String.valueOf(k), fill(x, holes, depth + 1)));
      return out;
    }
    return v;
  }

  private Found walkFrom(Evaluated v, String[] keys, int i, Location loc) {
    return walk(v.value(), keys, i, loc, v.trace(), v.refs());
  }

  private static Found walk(
      Object v, String[] keys, int i, Location loc, List<Location> trace, Set<ResourceRef> refs) {
    for (; i < keys.length; i++) {
      if (TfValues.isUnknown(v)) return new Found(v, loc, trace, refs, false);
      if (v instanceof TfValues.JsonText j) v = j.structure();
      if (v instanceof String s && s.strip().startsWith("{")) {
        try {
          v = TfValues.fromNode(JsonLoader.load(loc.file(), s), 0);
        } catch (ParseException e) {
          return new Found(new Unknown("not valid JSON"), loc, trace, refs, false);
        }
      }
      if (v instanceof List<?> l && l.size() == 1) v = l.get(0);
      if (v instanceof ResourceRef || v instanceof TfValues.ResObj) {
        return new Found(Evaluator.unknownOf(v), loc, trace, refs, false);
      }
      if (!(v instanceof Map<?, ?> map) || !map.containsKey(keys[i])) return null;
      v = map.get(keys[i]);
    }
    return new Found(v, loc, trace, refs, false);
  }

  @Override
  public boolean has(String path) {
    Found f = find(path);
    return f != null && (f.block || f.value != null);
  }

  @Override
  public Location keyLocation(String path) {
    Found f = find(path);
    return f == null ? at : f.keyLocation;
  }

  /** The evaluated value at a path: absent, unresolved, or explicit with its trace. */
  @Override
  public Value<Object> raw(String path) {
    Found f = find(path);
    if (f == null || (f.value == null && !f.block)) return Value.absent();
    List<Location> trace = new ArrayList<>();
    trace.add(f.keyLocation);
    for (Location l : f.trace) if (!trace.contains(l)) trace.add(l);
    if (TfValues.isUnknown(f.value))
      return Value.unresolved(TfValues.asUnknown(f.value).reason(), trace);
    return Value.explicit(normalize(f.value, 0), trace);
  }

  /** Resource instances become references; JSON kept for references is unwrapped. */
  static Object normalize(Object v, int depth) {
    if (depth > 64) return new Unknown("nested too deeply");
    if (v instanceof TfValues.ResObj r) return r.ref(null);
    if (v instanceof TfValues.JsonText j) return normalize(j.structure(), depth + 1);
    if (v instanceof TfValues.Err e) return new Unknown(e.message());
    if (v instanceof TfValues.ModuleObj) return new Unknown("a whole module object");
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      for (Object o : l) out.add(normalize(o, depth + 1));
      return out;
    }
    if (v instanceof Map<?, ?> mp) {
      Map<String, Object> out = new TreeMap<>();
      mp.forEach((k, x) -> out.put(String.valueOf(k), normalize(x, depth + 1)));
      return out;
    }
    return v;
  }

  /**
   * Resources referenced anywhere in the value at a path, even when the value itself is unknown.
   */
  @Override
  public Set<ResourceRef> refs(String path) {
    Found f = find(path);
    if (f == null) return Set.of();
    Set<ResourceRef> out = new LinkedHashSet<>(f.refs);
    collectRefs(f.value, out, 0);
    return out;
  }

  @Override
  public Set<ResourceRef> allRefs() {
    Set<ResourceRef> out = new LinkedHashSet<>(baseRefs);
    if (body == null) {
      collectRefs(value, out, 0);
      return out;
    }
    for (Attribute a : body.attributes()) {
      Evaluated v = module.eval(a.value(), env);
      out.addAll(v.refs());
      collectRefs(v.value(), out, 0);
    }
    for (Block b : body.blocks())
      if (!b.type().equals("dynamic") && !b.type().equals("lifecycle"))
        out.addAll(new Attrs(module, b.body(), env, module.at(b.range())).allRefs());
    return out;
  }

  private static void collectRefs(Object v, Set<ResourceRef> out, int depth) {
    if (depth > 64) return;
    if (v instanceof ResourceRef r) out.add(r);
    else if (v instanceof TfValues.ResObj r) out.add(r.ref(null));
    else if (v instanceof TfValues.JsonText j) collectRefs(j.structure(), out, depth + 1);
    else if (v instanceof List<?> l) for (Object o : l) collectRefs(o, out, depth + 1);
    else if (v instanceof Map<?, ?> mp) for (Object o : mp.values()) collectRefs(o, out, depth + 1);
  }

  @Override
  protected String knownOnlyLater(ResourceRef ref) {
    return "the value of " + ref + " is known only after apply";
  }

  @Override
  protected String asText(Object v) {
    return v instanceof String s
        ? s
        : v instanceof Boolean || v instanceof BigDecimal ? TfValues.str(v) : null;
  }

  @Override
  protected BigDecimal asDecimal(Object v) {
    return TfValues.number(v);
  }

  @Override
  protected Boolean asBoolean(Object v) {
    return TfValues.bool(v);
  }

  // ---- nested blocks ----

  /**
   * The instances of a nested block type (static and dynamic), or the elements of an object-list
   * argument.
   */
  @Override
  public List<Attrs> nested(String path) {
    int dot = path.indexOf('.');
    if (dot > 0) {
      List<Attrs> outer = nested(path.substring(0, dot));
      return outer.isEmpty() ? List.of() : outer.get(0).nested(path.substring(dot + 1));
    }
    List<Attrs> out = new ArrayList<>();
    if (body == null) {
      Found f = walk(value, new String[] {path}, 0, at, baseTrace, baseRefs);
      if (f != null) addValues(f.value, f.keyLocation, f.trace, f.refs, out);
      return out;
    }
    for (Block b : body.blocks()) {
      if (b.type().equals(path) && b.labels().isEmpty())
        out.add(new Attrs(module, b.body(), env, module.at(b.range())));
      if (b.type().equals("dynamic") && path.equals(b.label(0))) out.addAll(expandDynamic(b));
    }
    if (out.isEmpty()) {
      Attribute a = body.attribute(path).orElse(null);
      if (a != null) {
        Evaluated v = module.eval(a.value(), env);
        addValues(v.value(), module.at(a.range()), v.trace(), v.refs(), out);
      }
    }
    return out;
  }

  private void addValues(
      Object v, Location loc, List<Location> trace, Set<ResourceRef> refs, List<Attrs> out) {
    if (v instanceof TfValues.JsonText j) v = j.structure();
    if (v instanceof Map) out.add(new Attrs(module, null, env, v, loc, trace, refs));
    else if (v instanceof List<?> l)
      for (Object o : l)
        if (o instanceof Map) out.add(new Attrs(module, null, env, o, loc, trace, refs));
  }

  private List<Attrs> expandDynamic(Block b) {
    List<Attrs> out = new ArrayList<>();
    Attribute forEach = b.body().attribute("for_each").orElse(null);
    Block content = b.body().blocks("content").stream().findFirst().orElse(null);
    if (forEach == null || content == null) return out;
    Evaluated coll = module.eval(forEach.value(), env);
    if (Evaluator.unknownOf(coll.value()) != null
        || !(coll.value() instanceof List || coll.value() instanceof Map)) return out;
    String iterator = b.label(0);
    Attribute it = b.body().attribute("iterator").orElse(null);
    if (it != null && it.value() instanceof Expr.ScopeTraversal t) iterator = t.root();
    for (Map.Entry<Object, Object> e : Evaluator.entries(coll.value())) {
      Map<String, Object> item = new HashMap<>();
      item.put("key", e.getKey());
      Object val = e.getValue();
      item.put("value", val instanceof Object && val.getClass() == Object.class ? null : val);
      out.add(
          new Attrs(
              module,
              content.body(),
              env.with(iterator, Evaluated.combine(item, coll)),
              module.at(content.range())));
      if (out.size() > 1000) break;
    }
    return out;
  }

  /** Why a dynamic block of this type cannot be expanded, or null. */
  private String unknownDynamic(String type) {
    if (body == null) return null;
    for (Block b : body.blocks("dynamic")) {
      if (!type.equals(b.label(0))) continue;
      Attribute forEach = b.body().attribute("for_each").orElse(null);
      if (forEach == null) continue;
      Evaluated coll = module.eval(forEach.value(), env);
      Unknown u = Evaluator.unknownOf(coll.value());
      if (u != null) return "dynamic " + type + " blocks cannot be expanded: " + u.reason();
    }
    return null;
  }

  private Location dynamicLine(String type) {
    for (Block b : body.blocks("dynamic")) if (type.equals(b.label(0))) return module.at(b.range());
    return at;
  }

  /** Tags with known string values. */
  Map<String, String> tags() {
    Map<String, String> out = new TreeMap<>();
    Value<Object> t = raw("tags");
    if (t.present() && t.get() instanceof Map<?, ?> mp) {
      mp.forEach(
          (k, v) -> {
            if (v instanceof String s) out.put(String.valueOf(k), s);
          });
    }
    // Auto Scaling groups write tags as tag { key = ..., value = ... } blocks.
    if (body != null && body.attribute("tags").isEmpty()) {
      for (Attrs tag : nested("tag")) {
        Value<String> k = tag.str("key");
        Value<String> v = tag.str("value");
        if (k.present() && v.present()) out.putIfAbsent(k.get(), v.get());
      }
    }
    return out;
  }
}
