package dev.relplan.iac.terraform;

import dev.relplan.iac.common.Evaluated;
import dev.relplan.model.Unknown;
import dev.relplan.parse.hcl.Attribute;
import dev.relplan.parse.hcl.Block;
import dev.relplan.parse.hcl.Expr;
import dev.relplan.parse.hcl.SourceRange;
import dev.relplan.source.Location;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One instance of a module (the root module, or one expansion of a module call) with its input
 * values. Variables, locals, outputs and expansions are evaluated lazily and at most once; a value
 * that depends on itself evaluates to unknown instead of recursing.
 */
final class ModuleInstance {
  /**
   * A module argument: the caller's expression, evaluated in the caller with the call's each/count.
   */
  record Input(Attribute attribute, ModuleInstance caller, Env env) {}

  /** One instance of a counted or for_each resource or module call. */
  record Instance(String suffix, Env env) {}

  /**
   * How a block expands: no count/for_each (one instance, empty suffix), known instances, or
   * unknown.
   */
  record Expansion(
      List<Instance> instances, Evaluated decidedBy, String unknownReason, Location line) {
    boolean known() {
      return unknownReason == null;
    }
  }

  /** A child module instance, or why the call is not followed. */
  record Child(String name, Instance instance, ModuleInstance module, String notFollowed) {}

  final Session session;
  final ModuleDir dir;
  final String scope;

  /** The address prefix of everything declared here, e.g. {@code module.vpc.} ("" at the root). */
  final String prefix;

  final List<Location> callChain;
  final int depth;
  private final Map<String, Input> inputs;
  private final Map<String, Evaluated> rootValues;

  /**
   * This module's provider configurations (e.g. "aws", "aws.dr") mapped to the root's; identity
   * when absent.
   */
  Map<String, String> providers = Map.of();

  private final Map<String, Evaluated> variables = new HashMap<>();
  private final Map<String, Evaluated> locals = new HashMap<>();
  private final Map<String, Evaluated> outputs = new HashMap<>();
  private final Map<String, Expansion> expansions = new HashMap<>();
  private final Map<String, List<Child>> children = new LinkedHashMap<>();
  private final Set<String> inProgress = new HashSet<>();

  ModuleInstance(
      Session session,
      ModuleDir dir,
      String scope,
      String prefix,
      List<Location> callChain,
      int depth,
      Map<String, Input> inputs,
      Map<String, Evaluated> rootValues) {
    this.session = session;
    this.dir = dir;
    this.scope = scope;
    this.prefix = prefix;
    this.callChain = List.copyOf(callChain);
    this.depth = depth;
    this.inputs = inputs;
    this.rootValues = rootValues;
  }

  Evaluated eval(Expr e, Env env) {
    return session.evaluator.eval(e, this, env);
  }

  Location at(SourceRange r) {
    return new Location(r.file(), r.line());
  }

  // ---- variables ----

  Evaluated variable(String name) {
    Evaluated cached = variables.get(name);
    if (cached != null) return cached;
    String key = "var." + name;
    if (!inProgress.add(key))
      return Evaluated.of(new Unknown("variable " + name + " depends on itself"));
    try {
      Evaluated v = computeVariable(name);
      variables.put(name, v);
      return v;
    } finally {
      inProgress.remove(key);
    }
  }

  private Evaluated computeVariable(String name) {
    Block decl = dir.variables.get(name);
    if (decl == null)
      return Evaluated.of(
          new TfValues.Err("variable " + name + " is not declared in " + dir.name()));
    Evaluated given = null;
    Input in = inputs.get(name);
    if (in != null) {
      given =
          in.caller
              .eval(in.attribute.value(), in.env)
              .tracedFirst(List.of(at(in.attribute.range())));
    } else if (rootValues.containsKey(name)) {
      given = rootValues.get(name);
    }
    if (given != null && given.value() != null) return convert(decl, given);
    Attribute dflt = decl.body().attribute("default").orElse(null);
    if (dflt != null) {
      Evaluated d = eval(dflt.value(), Env.EMPTY).tracedFirst(List.of(at(dflt.range())));
      if (given != null) d = Evaluated.combine(d.value(), d, given);
      return convert(decl, d);
    }
    if (given != null) return given;
    String why =
        depth == 0
            ? "variable "
                + name
                + " has no default and no value in terraform.tfvars, *.auto.tfvars, --var-file or --var"
            : "variable "
                + name
                + " of module "
                + prefix.substring(0, prefix.length() - 1)
                + " has no default and is not set by the module call";
    return new Evaluated(new Unknown(why), List.of(at(decl.range())), Set.of());
  }

  /** Applies the declared primitive type, e.g. a tfvars string "3" for a number variable. */
  private Evaluated convert(Block decl, Evaluated v) {
    Attribute type = decl.body().attribute("type").orElse(null);
    if (type == null || v.value() == null || TfValues.isUnknown(v.value())) return v;
    return v.with(
        TypeConversion.convert(type.value(), v.value(), "variable " + decl.label(0), this, 0));
  }

  // ---- locals ----

  Evaluated local(String name) {
    Evaluated cached = locals.get(name);
    if (cached != null) return cached;
    Attribute a = dir.locals.get(name);
    if (a == null)
      return Evaluated.of(new TfValues.Err("local." + name + " is not declared in " + dir.name()));
    String key = "local." + name;
    if (!inProgress.add(key))
      return Evaluated.of(new Unknown("local." + name + " depends on itself"));
    try {
      Evaluated v = eval(a.value(), Env.EMPTY).tracedFirst(List.of(at(a.range())));
      locals.put(name, v);
      return v;
    } finally {
      inProgress.remove(key);
    }
  }

  // ---- outputs ----

  Evaluated output(String name) {
    Evaluated cached = outputs.get(name);
    if (cached != null) return cached;
    Attribute a = dir.outputs.get(name);
    if (a == null)
      return Evaluated.of(new TfValues.Err("module " + prefix + " has no output " + name));
    String key = "output." + name;
    if (!inProgress.add(key))
      return Evaluated.of(new Unknown("output " + name + " depends on itself"));
    try {
      Evaluated v = eval(a.value(), Env.EMPTY);
      outputs.put(name, v);
      return v;
    } finally {
      inProgress.remove(key);
    }
  }

  Map<String, Object> allOutputs() {
    Map<String, Object> m = new TreeMap<>();
    for (String n : dir.outputs.keySet()) m.put(n, output(n).value());
    return m;
  }

  // ---- count / for_each ----

  /**
   * The expansion of a resource ("resource:type.name"), data source or module call ("module:name").
   */
  Expansion expansion(String key, Block b) {
    Expansion cached = expansions.get(key);
    if (cached != null) return cached;
    if (!inProgress.add("expand:" + key)) {
      return new Expansion(
          List.of(),
          Evaluated.of(null),
          "the count or for_each of " + key + " depends on itself",
          at(b.range()));
    }
    try {
      Expansion x = computeExpansion(b);
      expansions.put(key, x);
      return x;
    } finally {
      inProgress.remove("expand:" + key);
    }
  }

  private Expansion computeExpansion(Block b) {
    Attribute count = b.body().attribute("count").orElse(null);
    Attribute forEach = b.body().attribute("for_each").orElse(null);
    if (count == null && forEach == null)
      return new Expansion(List.of(new Instance("", Env.EMPTY)), null, null, null);
    Attribute a = count != null ? count : forEach;
    Location line = at(a.range());
    Evaluated v = eval(a.value(), Env.EMPTY).tracedFirst(List.of(line));
    // A for_each map needs known keys only; its values may be known after apply (Terraform's rule).
    Object decisive = v.value();
    Unknown u =
        decisive instanceof Map
            ? Evaluator.unknownOf(decisive)
            : TfValues.asUnknown(TfValues.firstUnknown(decisive, 0));
    if (u == null && decisive instanceof List<?> l)
      for (Object o : l) if (u == null) u = Evaluator.unknownOf(o);
    if (u == null && count != null) u = Evaluator.unknownOf(decisive);
    String what = count != null ? "count" : "for_each";
    if (u != null)
      return new Expansion(List.of(), v, what + " cannot be evaluated: " + u.reason(), line);
    List<Instance> out = new ArrayList<>();
    if (count != null) {
      BigDecimal n = TfValues.number(v.value());
      if (n == null)
        return new Expansion(List.of(), v, "count is not a number: " + v.value(), line);
      int c = Math.min(n.intValue(), 1000);
      for (int i = 0; i < c; i++) {
        Map<String, Object> cnt = Map.of("index", BigDecimal.valueOf(i));
        out.add(new Instance("[" + i + "]", Env.EMPTY.with("count", Evaluated.combine(cnt, v))));
      }
    } else {
      Object coll = v.value();
      Map<String, Object> entries = new TreeMap<>();
      if (coll instanceof Map<?, ?> m) {
        m.forEach((k, val) -> entries.put(String.valueOf(k), val));
      } else if (coll instanceof List<?> l) {
        for (Object o : l) {
          String s = TfValues.str(o);
          if (s == null)
            return new Expansion(List.of(), v, "for_each over a set of non-strings", line);
          entries.put(s, s);
        }
      } else if (coll != null) {
        return new Expansion(
            List.of(), v, "for_each is not a map or set: " + TfValues.typeName(coll), line);
      }
      for (Map.Entry<String, Object> e : entries.entrySet()) {
        if (out.size() >= 1000) break;
        Map<String, Object> each = new HashMap<>();
        each.put("key", e.getKey());
        each.put("value", e.getValue());
        out.add(
            new Instance(
                "[\"" + e.getKey() + "\"]", Env.EMPTY.with("each", Evaluated.combine(each, v))));
      }
    }
    return new Expansion(out, v, null, line);
  }

  /**
   * The value of a reference to a resource or data source: an object, a list (count) or a map
   * (for_each).
   */
  Evaluated resourceObject(String typeName, boolean data) {
    Block b = data ? dir.data.get(typeName) : dir.resources.get(typeName);
    String address = prefix + (data ? "data." : "") + typeName;
    if (b == null)
      return Evaluated.of(
          new TfValues.Err(
              "reference to undeclared " + (data ? "data source " : "resource ") + address));
    if (data)
      return Evaluated.of(
          new Unknown("data source " + address + " is read from the cloud at plan time"));
    Expansion x = expansion("resource:" + typeName, b);
    if (!x.known()) return Evaluated.of(new Unknown(address + ": " + x.unknownReason()));
    if (x.decidedBy() == null) return Evaluated.of(new TfValues.ResObj(scope, address));
    boolean counted = b.body().attribute("count").isPresent();
    if (counted) {
      List<Object> l = new ArrayList<>();
      for (Instance i : x.instances()) l.add(new TfValues.ResObj(scope, address + i.suffix()));
      return Evaluated.of(l);
    }
    Map<String, Object> m = new TreeMap<>();
    for (Instance i : x.instances()) {
      String k = i.suffix().substring(2, i.suffix().length() - 2);
      m.put(k, new TfValues.ResObj(scope, address + i.suffix()));
    }
    return Evaluated.of(m);
  }

  // ---- module calls ----

  List<Child> children(String name) {
    List<Child> cached = children.get(name);
    if (cached != null) return cached;
    Block call = dir.modules.get(name);
    if (call == null) return List.of();
    if (!inProgress.add("module:" + name)) return List.of();
    try {
      List<Child> out = new ArrayList<>();
      Session.Resolved r = session.resolveModule(this, call);
      Expansion x = expansion("module:" + name, call);
      if (!x.known()) {
        out.add(new Child(name, null, null, x.unknownReason()));
      } else {
        for (Instance i : x.instances()) {
          if (r.dir() == null) {
            out.add(new Child(name, i, null, r.reason()));
            continue;
          }
          if (depth + 1 > Session.MAX_MODULE_DEPTH) {
            out.add(
                new Child(
                    name,
                    i,
                    null,
                    "modules nested deeper than "
                        + Session.MAX_MODULE_DEPTH
                        + " levels are not followed"));
            continue;
          }
          if (++session.moduleInstances > Session.MAX_MODULE_INSTANCES) {
            out.add(
                new Child(
                    name,
                    i,
                    null,
                    "more than "
                        + Session.MAX_MODULE_INSTANCES
                        + " module instances: not followed"));
            continue;
          }
          Map<String, Input> in = new HashMap<>();
          for (Attribute a : call.body().attributes()) {
            if (Session.META_ARGUMENTS.contains(a.name())) continue;
            in.put(a.name(), new Input(a, this, i.env()));
          }
          List<Location> chain = new ArrayList<>(callChain);
          chain.add(at(call.range()));
          ModuleInstance child =
              new ModuleInstance(
                  session,
                  r.dir(),
                  scope,
                  prefix + "module." + name + i.suffix() + ".",
                  chain,
                  depth + 1,
                  in,
                  Map.of());
          child.providers = childProviders(call);
          out.add(new Child(name, i, child, null));
        }
      }
      children.put(name, out);
      return out;
    } finally {
      inProgress.remove("module:" + name);
    }
  }

  /**
   * The root provider configuration a provider reference of this module ("aws", "aws.dr") stands
   * for.
   */
  String rootProvider(String local) {
    return providers.getOrDefault(local, local);
  }

  /**
   * Default providers are inherited; {@code providers = { aws = aws.dr }} passes others explicitly.
   */
  private Map<String, String> childProviders(Block call) {
    Map<String, String> out = new HashMap<>();
    out.put("aws", rootProvider("aws"));
    Attribute a = call.body().attribute("providers").orElse(null);
    if (a != null && a.value() instanceof Expr.ObjectCons o) {
      for (Expr.ObjectItem item : o.items()) {
        String key =
            item.key() instanceof Expr.ScopeTraversal k ? k.path() : item.literalKey().orElse(null);
        String value = item.value() instanceof Expr.ScopeTraversal v ? v.path() : null;
        if (key != null && value != null) out.put(key, rootProvider(value));
      }
    }
    return out;
  }

  /**
   * The value of {@code module.NAME}: an object, a list (count) or a map (for_each) of module
   * objects.
   */
  Evaluated moduleObject(String name) {
    Block call = dir.modules.get(name);
    if (call == null)
      return Evaluated.of(new TfValues.Err("reference to undeclared module " + name));
    List<Child> cs = children(name);
    if (cs.size() == 1 && cs.get(0).instance() == null) {
      return Evaluated.of(
          new Unknown("module " + prefix + "module." + name + ": " + cs.get(0).notFollowed()));
    }
    boolean counted = call.body().attribute("count").isPresent();
    boolean each = call.body().attribute("for_each").isPresent();
    List<Object> l = new ArrayList<>();
    Map<String, Object> m = new TreeMap<>();
    for (Child c : cs) {
      Object o =
          c.module() != null
              ? new TfValues.ModuleObj(c.module())
              : new Unknown(
                  "module "
                      + prefix
                      + "module."
                      + name
                      + c.instance().suffix()
                      + " is not evaluated: "
                      + c.notFollowed());
      if (!counted && !each) return Evaluated.of(o);
      if (counted) l.add(o);
      else m.put(c.instance().suffix().substring(2, c.instance().suffix().length() - 2), o);
    }
    return Evaluated.of(counted ? l : m);
  }
}
