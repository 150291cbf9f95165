package dev.relplan.iac.cloudformation;

import static java.util.Map.entry;

import dev.relplan.iac.common.Evaluated;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.Unknown;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;
import dev.relplan.parse.SeqNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CloudFormation's intrinsic functions by name. A short-form YAML tag names the same entry as the
 * long form ({@code !Sub} is {@code Fn::Sub}, see {@link Node#intrinsicTag}). A function not in the
 * table is evaluated by CloudFormation at deploy time, so it is unknown here.
 */
final class Intrinsics {
  /**
   * One intrinsic function. {@code arg} is its argument, {@code whole} the call itself (for its
   * line and for Fn::If, which {@link Template#select} follows); {@code depth} is the nesting
   * reached, passed on to every evaluation of an argument so the template's depth limit holds.
   */
  @FunctionalInterface
  private interface Intrinsic {
    Evaluated apply(Template t, Node arg, Node whole, int depth);
  }

  private static final Map<String, Intrinsic> TABLE =
      Map.ofEntries(
          // references
          entry("Ref", Intrinsics::ref),
          entry("Fn::GetAtt", Intrinsics::getAtt),
          entry("Fn::ImportValue", Intrinsics::importValue),
          entry("Fn::GetAZs", (t, arg, whole, depth) -> Evaluated.of(new AzList())),
          // conditions
          entry("Condition", Intrinsics::condition),
          entry("Fn::If", Intrinsics::ifThenElse),
          entry("Fn::Equals", Intrinsics::equals),
          entry("Fn::Not", Intrinsics::not),
          entry("Fn::And", Intrinsics::and),
          entry("Fn::Or", Intrinsics::or),
          // values
          entry("Fn::FindInMap", Intrinsics::findInMap),
          entry("Fn::Sub", Intrinsics::sub),
          entry("Fn::Join", Intrinsics::join),
          entry("Fn::Select", Intrinsics::select),
          entry("Fn::Split", Intrinsics::split),
          // Fn::Base64 stands for the text it encodes.
          entry("Fn::Base64", (t, arg, whole, depth) -> t.eval(arg, depth)));

  private Intrinsics() {}

  /** Evaluates intrinsic {@code fn} of template {@code t}. */
  static Evaluated apply(Template t, String fn, Node arg, Node whole, int depth) {
    Intrinsic intrinsic = TABLE.get(fn);
    // Fn::Cidr, Fn::Transform, Fn::GetStackOutput… and future functions: honest unknowns.
    if (intrinsic == null)
      return Evaluated.of(new Unknown(fn + " is evaluated by CloudFormation at deploy time"));
    return intrinsic.apply(t, arg, whole, depth);
  }

  // ---------------------------------------------------------------- references

  private static Evaluated ref(Template t, Node arg, Node whole, int depth) {
    String name = text(arg);
    if (name == null)
      return Evaluated.of(new Unknown("malformed Ref at line " + whole.location().line()));
    return t.ref(name);
  }

  private static Evaluated getAtt(Template t, Node arg, Node whole, int depth) {
    String id;
    String attr;
    if (arg instanceof ScalarNode s && s.text() != null && s.text().contains(".")) {
      id = s.text().substring(0, s.text().indexOf('.'));
      attr = s.text().substring(s.text().indexOf('.') + 1);
    } else if (arg instanceof SeqNode seq && seq.items().size() == 2) {
      id = text(seq.items().get(0));
      Evaluated a = t.eval(seq.items().get(1), depth);
      attr = a.value() instanceof String str ? str : null;
    } else {
      return Evaluated.of(new Unknown("malformed Fn::GetAtt at line " + whole.location().line()));
    }
    if (id == null || attr == null)
      return Evaluated.of(new Unknown("Fn::GetAtt with a computed name"));
    return t.getAtt(id, attr);
  }

  private static Evaluated importValue(Template t, Node arg, Node whole, int depth) {
    Evaluated name = t.eval(arg, depth);
    if (!(name.value() instanceof String s)) {
      return name.with(unknownOr(name.value(), "Fn::ImportValue of a computed export name"));
    }
    Evaluated imported = t.crossStack.importValue(s);
    return Evaluated.combine(imported.value(), List.of(name, imported));
  }

  // ---------------------------------------------------------------- conditions

  private static Evaluated condition(Template t, Node arg, Node whole, int depth) {
    String name = text(arg);
    return name == null ? Evaluated.of(new Unknown("malformed Condition")) : t.condition(name);
  }

  private static Evaluated ifThenElse(Template t, Node arg, Node whole, int depth) {
    Template.Selected sel = t.select(whole);
    if (sel.unknown() != null) return new Evaluated(sel.unknown(), sel.trace(), Set.of());
    if (sel.node() == null) return new Evaluated(Template.NO_VALUE, sel.trace(), Set.of());
    Evaluated chosen = t.eval(sel.node(), depth);
    return Evaluated.combine(
        chosen.value(), List.of(new Evaluated(null, sel.trace(), Set.of()), chosen));
  }

  private static Evaluated equals(Template t, Node arg, Node whole, int depth) {
    List<Evaluated> args = evalArgs(t, arg, depth);
    if (args.size() != 2) return Evaluated.of(new Unknown("malformed Fn::Equals"));
    Object a = args.get(0).value();
    Object b = args.get(1).value();
    if (a instanceof Unknown u) return Evaluated.combine(u, args);
    if (b instanceof Unknown u) return Evaluated.combine(u, args);
    return Evaluated.combine(String.valueOf(a).equals(String.valueOf(b)), args);
  }

  private static Evaluated not(Template t, Node arg, Node whole, int depth) {
    Booleans b = booleans(t, arg, depth);
    return b.decided(
        b.unknown() == null && b.values().size() == 1 ? Boolean.valueOf(!b.values().get(0)) : null,
        "Fn::Not");
  }

  private static Evaluated and(Template t, Node arg, Node whole, int depth) {
    Booleans b = booleans(t, arg, depth);
    return b.decided(
        b.values().contains(false) ? Boolean.FALSE : b.unknown() == null ? Boolean.TRUE : null,
        "Fn::And");
  }

  private static Evaluated or(Template t, Node arg, Node whole, int depth) {
    Booleans b = booleans(t, arg, depth);
    return b.decided(
        b.values().contains(true) ? Boolean.TRUE : b.unknown() == null ? Boolean.FALSE : null,
        "Fn::Or");
  }

  /** The arguments of Fn::Not/And/Or: their known booleans, and the last one that is not known. */
  private record Booleans(List<Evaluated> args, List<Boolean> values, Unknown unknown) {
    /** The decided result, else the unknown argument, else a malformed call. */
    Evaluated decided(Boolean result, String fn) {
      return Evaluated.combine(
          result != null ? result : unknown != null ? unknown : new Unknown("malformed " + fn),
          args);
    }
  }

  private static Booleans booleans(Template t, Node arg, int depth) {
    List<Evaluated> args = evalArgs(t, arg, depth);
    List<Boolean> values = new ArrayList<>();
    Unknown unknown = null;
    for (Evaluated e : args) {
      Object b = Template.asBoolean(e.value());
      if (b instanceof Boolean bool) values.add(bool);
      else unknown = (Unknown) b;
    }
    return new Booleans(args, values, unknown);
  }

  // ---------------------------------------------------------------- values

  private static Evaluated findInMap(Template t, Node arg, Node whole, int depth) {
    List<Evaluated> args = evalArgs(t, arg, depth);
    if (args.size() < 3) return Evaluated.combine(new Unknown("malformed Fn::FindInMap"), args);
    for (int i = 0; i < 3; i++) {
      if (!(args.get(i).value() instanceof String)) {
        return Evaluated.combine(
            unknownOr(args.get(i).value(), "Fn::FindInMap with a computed key"), args);
      }
    }
    Node map = t.section("Mappings").get((String) args.get(0).value());
    Node top = map instanceof MapNode m ? m.get((String) args.get(1).value()) : null;
    MapNode.Entry leaf = top instanceof MapNode tm ? tm.entry((String) args.get(2).value()) : null;
    if (leaf == null) {
      if (args.size() == 4
          && args.get(3).value() instanceof Map<?, ?> opts
          && opts.containsKey("DefaultValue")) {
        return Evaluated.combine(opts.get("DefaultValue"), args);
      }
      return Evaluated.combine(
          new Unknown(
              "Fn::FindInMap key not found: "
                  + args.get(0).value()
                  + "/"
                  + args.get(1).value()
                  + "/"
                  + args.get(2).value()),
          args);
    }
    Evaluated v = t.eval(leaf.value(), depth);
    List<Evaluated> parts = new ArrayList<>(args);
    parts.add(new Evaluated(null, List.of(leaf.keyLocation()), Set.of()));
    parts.add(v);
    return Evaluated.combine(v.value(), parts);
  }

  private static Evaluated sub(Template t, Node arg, Node whole, int depth) {
    String template;
    Map<String, Evaluated> vars = new HashMap<>();
    if (arg instanceof ScalarNode s && s.text() != null) {
      template = s.text();
    } else if (arg instanceof SeqNode seq
        && seq.items().size() == 2
        && seq.items().get(0) instanceof ScalarNode s
        && seq.items().get(1) instanceof MapNode m) {
      template = s.text();
      for (MapNode.Entry e : m.entries()) vars.put(e.key(), t.eval(e.value(), depth));
    } else {
      return Evaluated.of(new Unknown("malformed Fn::Sub"));
    }
    String trimmed = template.trim();
    if (trimmed.startsWith("${")
        && trimmed.endsWith("}")
        && trimmed.indexOf("${", 1) < 0
        && !trimmed.startsWith("${!")) {
      // "${Queue.Arn}" alone is just the referenced value.
      return variable(t, vars, trimmed.substring(2, trimmed.length() - 1).trim());
    }
    return substitute(t, template, vars);
  }

  /**
   * A Fn::Sub variable: one given with the template, else {@code Resource.Attribute}, else a Ref.
   */
  private static Evaluated variable(Template t, Map<String, Evaluated> vars, String name) {
    if (vars.containsKey(name)) return vars.get(name);
    return name.contains(".") && !name.startsWith("AWS::")
        ? t.getAtt(name.substring(0, name.indexOf('.')), name.substring(name.indexOf('.') + 1))
        : t.ref(name);
  }

  /**
   * Replaces every {@code ${name}} of a Fn::Sub template ({@code ${!name}} is the literal {@code
   * ${name}}).
   */
  private static Evaluated substitute(Template t, String template, Map<String, Evaluated> vars) {
    StringBuilder out = new StringBuilder();
    List<Evaluated> parts = new ArrayList<>();
    Unknown unknown = null;
    int i = 0;
    while (i < template.length()) {
      int start = template.indexOf("${", i);
      if (start < 0) {
        out.append(template, i, template.length());
        break;
      }
      out.append(template, i, start);
      int end = template.indexOf('}', start);
      if (end < 0) {
        out.append(template.substring(start));
        break;
      }
      String name = template.substring(start + 2, end).trim();
      i = end + 1;
      if (name.startsWith("!")) {
        out.append("${").append(name.substring(1)).append('}');
        continue;
      }
      Evaluated v = variable(t, vars, name);
      parts.add(v);
      if (v.value() instanceof String str) {
        out.append(str);
      } else if (v.value() == CrossStack.STACK_NAME) {
        out.append(CrossStack.STACK_NAME);
      } else if (unknown == null) {
        unknown =
            v.value() instanceof Unknown u
                ? u
                : new Unknown("${" + name + "} is known only at deploy time");
      }
    }
    if (unknown == null) return Evaluated.combine(out.toString(), parts);
    return arnOfOneResource(template, Evaluated.combine(unknown, parts));
  }

  /** An ARN built around exactly one resource of this template identifies that resource. */
  private static Evaluated arnOfOneResource(String template, Evaluated combined) {
    if (template.startsWith("arn:") && combined.refs().size() == 1) {
      ResourceRef r = combined.refs().iterator().next();
      return combined.with(new ResourceRef(r.scope(), r.id(), "Arn"));
    }
    return combined;
  }

  private static Evaluated join(Template t, Node arg, Node whole, int depth) {
    List<Evaluated> args = evalArgs(t, arg, depth);
    if (args.size() != 2 || !(args.get(0).value() instanceof String delim)) {
      return Evaluated.combine(new Unknown("Fn::Join with a computed delimiter"), args);
    }
    Object list = args.get(1).value();
    if (!(list instanceof List<?> items))
      return Evaluated.combine(unknownOr(list, "Fn::Join over a computed list"), args);
    if (items.stream().allMatch(i -> i instanceof String || i instanceof ResourceRef)
        && items.stream().anyMatch(i -> i instanceof ResourceRef)) {
      return Evaluated.combine(new Joined(delim, List.copyOf(items)), args);
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < items.size(); i++) {
      Object item = items.get(i);
      if (!(item instanceof String str))
        return Evaluated.combine(
            unknownOr(item, "Fn::Join over a value known only at deploy time"), args);
      if (i > 0) sb.append(delim);
      sb.append(str);
    }
    return Evaluated.combine(sb.toString(), args);
  }

  private static Evaluated select(Template t, Node arg, Node whole, int depth) {
    List<Evaluated> args = evalArgs(t, arg, depth);
    if (args.size() != 2) return Evaluated.combine(new Unknown("malformed Fn::Select"), args);
    Object idx = args.get(0).value();
    Object list = args.get(1).value();
    int i;
    try {
      i = Integer.parseInt(String.valueOf(idx).trim());
    } catch (NumberFormatException e) {
      return Evaluated.combine(unknownOr(idx, "Fn::Select with a computed index"), args);
    }
    if (list instanceof AzList) return Evaluated.combine("az-index:" + i, args);
    if (list instanceof List<?> items) {
      if (i < 0 || i >= items.size())
        return Evaluated.combine(new Unknown("Fn::Select index " + i + " out of range"), args);
      return Evaluated.combine(items.get(i), args);
    }
    return Evaluated.combine(unknownOr(list, "Fn::Select over a computed list"), args);
  }

  private static Evaluated split(Template t, Node arg, Node whole, int depth) {
    List<Evaluated> args = evalArgs(t, arg, depth);
    if (args.size() == 2
        && args.get(0).value() instanceof String d
        && args.get(1).value() instanceof Joined j
        && j.delimiter().equals(d)) {
      return Evaluated.combine(new ArrayList<Object>(j.parts()), args);
    }
    if (args.size() == 2
        && args.get(0).value() instanceof String d
        && args.get(1).value() instanceof String s) {
      List<Object> parts = new ArrayList<>(List.of((Object[]) s.split(Pattern.quote(d), -1)));
      return Evaluated.combine(parts, args);
    }
    return Evaluated.combine(new Unknown("Fn::Split of a value known only at deploy time"), args);
  }

  // ---------------------------------------------------------------- arguments

  private static Object unknownOr(Object v, String reason) {
    return v instanceof Unknown u ? u : new Unknown(reason);
  }

  /** The items of a list argument, each evaluated; nothing when the argument is not a list. */
  private static List<Evaluated> evalArgs(Template t, Node arg, int depth) {
    List<Evaluated> out = new ArrayList<>();
    if (arg instanceof SeqNode s) for (Node i : s.items()) out.add(t.eval(i, depth));
    return out;
  }

  private static String text(Node n) {
    return n instanceof ScalarNode s ? s.text() : null;
  }
}
