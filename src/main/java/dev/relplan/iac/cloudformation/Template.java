package dev.relplan.iac.cloudformation;

import dev.relplan.iac.common.Evaluated;
import dev.relplan.discover.SourceFile;
import dev.relplan.source.Location;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.Unknown;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;
import dev.relplan.parse.SeqNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One evaluated instance of a CloudFormation template: its parameter values, conditions, mappings
 * and the intrinsic-function evaluator. A nested stack is another instance with its own scope.
 */
final class Template {
  /** AWS::NoValue: the property is removed. */
  static final Object NO_VALUE = new Object() {
    @Override
    public String toString() {
      return "AWS::NoValue";
    }
  };

  /** A parameter value and where it was set. */
  record ParameterValue(Object value, Location location, String origin) {}

  final SourceFile file;
  final MapNode root;
  /** Scope id: the file path, or the file path plus the nested-stack chain that instantiated it. */
  final String scope;
  final List<Location> callChain;
  final boolean sam;
  private final Map<String, ParameterValue> parameterValues;
  private final Map<String, Evaluated> conditionCache = new HashMap<>();
  private final List<String> evaluatingConditions = new ArrayList<>();
  private final List<String> evaluatingParameters = new ArrayList<>();
  /** Resolves Fn::ImportValue and nested-stack outputs across templates. */
  final CrossStack crossStack;

  Template(SourceFile file, String scope, List<Location> callChain, Map<String, ParameterValue> parameterValues,
           CrossStack crossStack) {
    this.file = file;
    this.root = (MapNode) file.document();
    this.scope = scope;
    this.callChain = callChain;
    this.parameterValues = parameterValues;
    this.crossStack = crossStack;
    this.sam = isSam(root);
  }

  static boolean isSam(MapNode root) {
    Node t = root.get("Transform");
    if (t instanceof ScalarNode s) return s.text() != null && s.text().startsWith("AWS::Serverless");
    if (t instanceof SeqNode seq) {
      return seq.items().stream().anyMatch(i -> i instanceof ScalarNode s && s.text() != null
          && s.text().startsWith("AWS::Serverless"));
    }
    return false;
  }

  MapNode section(String name) {
    return root.get(name) instanceof MapNode m ? m : new MapNode(root.location(), null, List.of());
  }

  MapNode resources() {
    return section("Resources");
  }

  boolean declaresResource(String id) {
    return resources().get(id) instanceof MapNode;
  }

  String typeOf(String id) {
    if (resources().get(id) instanceof MapNode r && r.get("Type") instanceof ScalarNode t) return t.text();
    return null;
  }

  // ---------------------------------------------------------------- parameters

  /** The value of a parameter: the given value, else its Default, else unknown. */
  Evaluated parameter(String name) {
    MapNode decl = section("Parameters").get(name) instanceof MapNode m ? m : null;
    String type = decl != null && decl.get("Type") instanceof ScalarNode t && t.text() != null ? t.text() : "String";
    if (type.startsWith("AWS::SSM::Parameter::Value")) {
      return Evaluated.of(new Unknown("parameter " + name + " is read from SSM Parameter Store at deploy time"));
    }
    ParameterValue given = parameterValues.get(name);
    if (given != null) {
      Object v = given.value();
      if (v instanceof String s && isListType(type)) v = splitList(s);
      return new Evaluated(v, given.location() == null ? List.of() : List.of(given.location()), java.util.Set.of());
    }
    Node d = decl == null ? null : decl.get("Default");
    if (d != null) {
      // A Default must be a literal; one that refers back to its own parameter would recurse forever.
      if (evaluatingParameters.contains(name)) return Evaluated.of(new Unknown("parameter " + name + " refers to itself"));
      evaluatingParameters.add(name);
      Evaluated e;
      try {
        e = eval(d);
      } finally {
        evaluatingParameters.remove(name);
      }
      Object v = e.value();
      if (v instanceof String s && isListType(type)) v = splitList(s);
      List<Location> trace = new ArrayList<>(e.trace());
      if (!trace.contains(d.location())) trace.add(0, d.location());
      return new Evaluated(v, trace, e.refs());
    }
    return Evaluated.of(new Unknown("parameter " + name + " has no default and no value was given (pass --parameters FILE)"));
  }

  private static boolean isListType(String type) {
    return type.startsWith("List<") || type.equals("CommaDelimitedList");
  }

  private static List<Object> splitList(String s) {
    List<Object> out = new ArrayList<>();
    if (s.isEmpty()) return out;
    for (String part : s.split(",", -1)) out.add(part.trim());
    return out;
  }

  // ---------------------------------------------------------------- conditions

  /** A named condition: Boolean, or Unknown with the reason. */
  Evaluated condition(String name) {
    Evaluated cached = conditionCache.get(name);
    if (cached != null) return cached;
    Node def = section("Conditions").get(name);
    Evaluated result;
    if (def == null) {
      result = Evaluated.of(new Unknown("condition " + name + " is not declared"));
    } else if (evaluatingConditions.contains(name)) {
      result = Evaluated.of(new Unknown("condition " + name + " refers to itself"));
    } else {
      evaluatingConditions.add(name);
      Evaluated e = eval(def);
      evaluatingConditions.remove(name);
      Object v = asBoolean(e.value());
      if (v instanceof Unknown u) v = new Unknown("condition " + name + " cannot be evaluated: " + u.reason());
      result = e.with(v);
    }
    conditionCache.put(name, result);
    return result;
  }

  static Object asBoolean(Object v) {
    if (v instanceof Boolean) return v;
    if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(s.toLowerCase(Locale.ROOT));
    }
    if (v instanceof Unknown) return v;
    return new Unknown("not a boolean: " + v);
  }

  // ---------------------------------------------------------------- navigation

  /**
   * Follows Fn::If (and nothing else) so a caller can keep walking located nodes. Returns the
   * chosen node with the conditions that chose it, or an Unknown result.
   */
  Selected select(Node n) {
    List<Location> trace = new ArrayList<>();
    int guard = 0;
    while (n != null && "Fn::If".equals(intrinsicName(n)) && guard++ < 64) {
      Node arg = intrinsicArgument(n);
      if (!(arg instanceof SeqNode s) || s.items().size() != 3 || !(s.items().get(0) instanceof ScalarNode c)) {
        return new Selected(null, trace, new Unknown("malformed Fn::If at line " + n.location().line()));
      }
      Evaluated cond = condition(c.text());
      for (Location l : cond.trace()) if (!trace.contains(l)) trace.add(l);
      if (cond.value() instanceof Boolean b) {
        n = s.items().get(b ? 1 : 2);
      } else {
        return new Selected(null, trace, (Unknown) cond.value());
      }
    }
    if (n != null && isNoValue(n)) return new Selected(null, trace, null);
    return new Selected(n, trace, null);
  }

  /** A node chosen through conditions; {@code unknown} is set when a condition could not be evaluated. */
  record Selected(Node node, List<Location> trace, Unknown unknown) {}

  private boolean isNoValue(Node n) {
    if ("Ref".equals(intrinsicName(n)) && intrinsicArgument(n) instanceof ScalarNode s) {
      return "AWS::NoValue".equals(s.text());
    }
    return false;
  }

  // ---------------------------------------------------------------- evaluation

  static String intrinsicName(Node n) {
    String tag = n.intrinsicTag();
    if (tag != null) return tag;
    if (n instanceof MapNode m) {
      String k = m.singleKey();
      if (k != null && (k.equals("Ref") || k.startsWith("Fn::") || k.equals("Condition"))) return k;
    }
    return null;
  }

  /**
   * The argument of an intrinsic: the value under the single key of the long form, or the short-form
   * node itself without its tag ({@code !ImportValue x} → {@code x}). Keeping the tag would make the
   * argument evaluate as the same intrinsic again, endlessly.
   */
  static Node intrinsicArgument(Node n) {
    if (n.intrinsicTag() != null) return untagged(n);
    return ((MapNode) n).entries().get(0).value();
  }

  private static Node untagged(Node n) {
    if (n instanceof ScalarNode s) return new ScalarNode(s.location(), null, s.text(), s.kind());
    if (n instanceof SeqNode s) return new SeqNode(s.location(), null, s.items());
    MapNode m = (MapNode) n;
    return new MapNode(m.location(), null, m.entries());
  }

  Evaluated eval(Node n) {
    return eval(n, 0);
  }

  private Evaluated eval(Node n, int depth) {
    if (depth > 100) return Evaluated.of(new Unknown("expression nests too deeply"));
    String fn = intrinsicName(n);
    if (fn != null) return intrinsic(fn, intrinsicArgument(n), n, depth + 1);
    if (n instanceof ScalarNode s) {
      if (s.isNull()) return Evaluated.of(null);
      if (s.kind() == ScalarNode.Kind.BOOLEAN) return Evaluated.of(Boolean.parseBoolean(s.text().toLowerCase(Locale.ROOT)));
      if (s.text().contains("{{resolve:")) {
        return Evaluated.of(new Unknown("dynamic reference resolved at deploy time: " + s.text()));
      }
      return Evaluated.of(s.text());
    }
    if (n instanceof SeqNode seq) {
      List<Object> out = new ArrayList<>();
      List<Evaluated> parts = new ArrayList<>();
      for (Node item : seq.items()) {
        Evaluated e = eval(item, depth + 1);
        parts.add(e);
        if (e.value() != Template.NO_VALUE) out.add(e.value());
      }
      return Evaluated.combine(out, parts);
    }
    MapNode m = (MapNode) n;
    Map<String, Object> out = new LinkedHashMap<>();
    List<Evaluated> parts = new ArrayList<>();
    for (MapNode.Entry e : m.entries()) {
      Evaluated v = eval(e.value(), depth + 1);
      parts.add(v);
      if (v.value() != Template.NO_VALUE) out.put(e.key(), v.value());
    }
    return Evaluated.combine(out, parts);
  }

  private Evaluated intrinsic(String fn, Node arg, Node whole, int depth) {
    switch (fn) {
      case "Ref": {
        String name = text(arg);
        if (name == null) return Evaluated.of(new Unknown("malformed Ref at line " + whole.location().line()));
        return ref(name);
      }
      case "Condition": {
        String name = text(arg);
        return name == null ? Evaluated.of(new Unknown("malformed Condition")) : condition(name);
      }
      case "Fn::GetAtt": {
        String id;
        String attr;
        if (arg instanceof ScalarNode s && s.text() != null && s.text().contains(".")) {
          id = s.text().substring(0, s.text().indexOf('.'));
          attr = s.text().substring(s.text().indexOf('.') + 1);
        } else if (arg instanceof SeqNode seq && seq.items().size() == 2) {
          id = text(seq.items().get(0));
          Evaluated a = eval(seq.items().get(1), depth);
          attr = a.value() instanceof String str ? str : null;
        } else {
          return Evaluated.of(new Unknown("malformed Fn::GetAtt at line " + whole.location().line()));
        }
        if (id == null || attr == null) return Evaluated.of(new Unknown("Fn::GetAtt with a computed name"));
        return getAtt(id, attr);
      }
      case "Fn::If": {
        Selected sel = select(whole);
        if (sel.unknown() != null) return new Evaluated(sel.unknown(), sel.trace(), java.util.Set.of());
        if (sel.node() == null) return new Evaluated(Template.NO_VALUE, sel.trace(), java.util.Set.of());
        Evaluated chosen = eval(sel.node(), depth);
        return Evaluated.combine(chosen.value(), List.of(new Evaluated(null, sel.trace(), java.util.Set.of()), chosen));
      }
      case "Fn::Equals": {
        List<Evaluated> args = evalArgs(arg, depth);
        if (args.size() != 2) return Evaluated.of(new Unknown("malformed Fn::Equals"));
        Object a = args.get(0).value();
        Object b = args.get(1).value();
        if (a instanceof Unknown u) return Evaluated.combine(u, args);
        if (b instanceof Unknown u) return Evaluated.combine(u, args);
        return Evaluated.combine(String.valueOf(a).equals(String.valueOf(b)), args);
      }
      case "Fn::Not", "Fn::And", "Fn::Or": {
        List<Evaluated> args = evalArgs(arg, depth);
        List<Boolean> values = new ArrayList<>();
        Unknown unknown = null;
        for (Evaluated e : args) {
          Object b = asBoolean(e.value());
          if (b instanceof Boolean bool) values.add(bool);
          else unknown = (Unknown) b;
        }
        Boolean result = null;
        if (fn.equals("Fn::Not")) {
          if (unknown == null && values.size() == 1) result = !values.get(0);
        } else if (fn.equals("Fn::And")) {
          if (values.contains(false)) result = false;
          else if (unknown == null) result = true;
        } else {
          if (values.contains(true)) result = true;
          else if (unknown == null) result = false;
        }
        return Evaluated.combine(result != null ? result : unknown != null ? unknown : new Unknown("malformed " + fn), args);
      }
      case "Fn::FindInMap":
        return findInMap(arg, depth);
      case "Fn::Sub":
        return sub(arg, depth);
      case "Fn::Join": {
        List<Evaluated> args = evalArgs(arg, depth);
        if (args.size() != 2 || !(args.get(0).value() instanceof String delim)) {
          return Evaluated.combine(new Unknown("Fn::Join with a computed delimiter"), args);
        }
        Object list = args.get(1).value();
        if (!(list instanceof List<?> items)) return Evaluated.combine(unknownOr(list, "Fn::Join over a computed list"), args);
        if (items.stream().allMatch(i -> i instanceof String || i instanceof ResourceRef)
            && items.stream().anyMatch(i -> i instanceof ResourceRef)) {
          return Evaluated.combine(new Joined(delim, List.copyOf(items)), args);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
          Object item = items.get(i);
          if (!(item instanceof String str)) return Evaluated.combine(unknownOr(item, "Fn::Join over a value known only at deploy time"), args);
          if (i > 0) sb.append(delim);
          sb.append(str);
        }
        return Evaluated.combine(sb.toString(), args);
      }
      case "Fn::Select": {
        List<Evaluated> args = evalArgs(arg, depth);
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
          if (i < 0 || i >= items.size()) return Evaluated.combine(new Unknown("Fn::Select index " + i + " out of range"), args);
          return Evaluated.combine(items.get(i), args);
        }
        return Evaluated.combine(unknownOr(list, "Fn::Select over a computed list"), args);
      }
      case "Fn::Split": {
        List<Evaluated> args = evalArgs(arg, depth);
        if (args.size() == 2 && args.get(0).value() instanceof String d && args.get(1).value() instanceof Joined j
            && j.delimiter().equals(d)) {
          return Evaluated.combine(new ArrayList<Object>(j.parts()), args);
        }
        if (args.size() == 2 && args.get(0).value() instanceof String d && args.get(1).value() instanceof String s) {
          List<Object> parts = new ArrayList<>(List.of((Object[]) s.split(java.util.regex.Pattern.quote(d), -1)));
          return Evaluated.combine(parts, args);
        }
        return Evaluated.combine(new Unknown("Fn::Split of a value known only at deploy time"), args);
      }
      case "Fn::GetAZs":
        return Evaluated.of(new AzList());
      case "Fn::ImportValue": {
        Evaluated name = eval(arg, depth);
        if (!(name.value() instanceof String s)) {
          return name.with(unknownOr(name.value(), "Fn::ImportValue of a computed export name"));
        }
        Evaluated imported = crossStack.importValue(s);
        return Evaluated.combine(imported.value(), List.of(name, imported));
      }
      case "Fn::Base64": {
        Evaluated inner = eval(arg, depth);
        return inner;
      }
      default:
        // Fn::Cidr, Fn::Transform, Fn::GetStackOutput… and future functions: honest unknowns.
        return Evaluated.of(new Unknown(fn + " is evaluated by CloudFormation at deploy time"));
    }
  }

  private static Object unknownOr(Object v, String reason) {
    return v instanceof Unknown u ? u : new Unknown(reason);
  }

  private List<Evaluated> evalArgs(Node arg, int depth) {
    List<Evaluated> out = new ArrayList<>();
    if (arg instanceof SeqNode s) for (Node i : s.items()) out.add(eval(i, depth));
    return out;
  }

  private static String text(Node n) {
    return n instanceof ScalarNode s ? s.text() : null;
  }

  Evaluated ref(String name) {
    switch (name) {
      case "AWS::NoValue": return Evaluated.of(Template.NO_VALUE);
      case "AWS::Partition": return Evaluated.of("aws");
      case "AWS::URLSuffix": return Evaluated.of("amazonaws.com");
      case "AWS::Region": return Evaluated.of(new Unknown("the deployment region"));
      case "AWS::AccountId": return Evaluated.of(new Unknown("the deployment account"));
      case "AWS::StackName": return Evaluated.of(crossStack.stackNameWildcard ? CrossStack.STACK_NAME : new Unknown("the stack name"));
      case "AWS::StackId", "AWS::NotificationARNs": return Evaluated.of(new Unknown(name + " is known at deploy time"));
      default:
    }
    if (section("Parameters").has(name)) return parameter(name);
    if (declaresResource(name)) {
      ResourceRef r = new ResourceRef(scope, name, null);
      return new Evaluated(r, List.of(), java.util.Set.of(r));
    }
    return Evaluated.of(new Unknown("Ref to " + name + ", which this template does not declare"));
  }

  Evaluated getAtt(String id, String attr) {
    if ("AWS::CloudFormation::Stack".equals(typeOf(id)) && attr.startsWith("Outputs.")) {
      return crossStack.nestedOutput(this, id, attr.substring("Outputs.".length()));
    }
    if (!declaresResource(id)) return Evaluated.of(new Unknown("Fn::GetAtt on " + id + ", which this template does not declare"));
    ResourceRef r = new ResourceRef(scope, id, attr);
    return new Evaluated(r, List.of(), java.util.Set.of(r));
  }

  private Evaluated findInMap(Node arg, int depth) {
    List<Evaluated> args = evalArgs(arg, depth);
    if (args.size() < 3) return Evaluated.combine(new Unknown("malformed Fn::FindInMap"), args);
    for (int i = 0; i < 3; i++) {
      if (!(args.get(i).value() instanceof String)) {
        return Evaluated.combine(unknownOr(args.get(i).value(), "Fn::FindInMap with a computed key"), args);
      }
    }
    Node map = section("Mappings").get((String) args.get(0).value());
    Node top = map instanceof MapNode m ? m.get((String) args.get(1).value()) : null;
    MapNode.Entry leaf = top instanceof MapNode t ? t.entry((String) args.get(2).value()) : null;
    if (leaf == null) {
      if (args.size() == 4 && args.get(3).value() instanceof Map<?, ?> opts && opts.containsKey("DefaultValue")) {
        return Evaluated.combine(opts.get("DefaultValue"), args);
      }
      return Evaluated.combine(new Unknown("Fn::FindInMap key not found: " + args.get(0).value() + "/"
          + args.get(1).value() + "/" + args.get(2).value()), args);
    }
    Evaluated v = eval(leaf.value(), depth);
    List<Evaluated> parts = new ArrayList<>(args);
    parts.add(new Evaluated(null, List.of(leaf.keyLocation()), java.util.Set.of()));
    parts.add(v);
    return Evaluated.combine(v.value(), parts);
  }

  private Evaluated sub(Node arg, int depth) {
    String template;
    Map<String, Evaluated> vars = new HashMap<>();
    List<Evaluated> parts = new ArrayList<>();
    if (arg instanceof ScalarNode s && s.text() != null) {
      template = s.text();
    } else if (arg instanceof SeqNode seq && seq.items().size() == 2 && seq.items().get(0) instanceof ScalarNode s
        && seq.items().get(1) instanceof MapNode m) {
      template = s.text();
      for (MapNode.Entry e : m.entries()) vars.put(e.key(), eval(e.value(), depth));
    } else {
      return Evaluated.of(new Unknown("malformed Fn::Sub"));
    }
    String trimmed = template.trim();
    if (trimmed.startsWith("${") && trimmed.endsWith("}") && trimmed.indexOf("${", 1) < 0 && !trimmed.startsWith("${!")) {
      // "${Queue.Arn}" alone is just the referenced value.
      String name = trimmed.substring(2, trimmed.length() - 1).trim();
      if (vars.containsKey(name)) return vars.get(name);
      return name.contains(".") && !name.startsWith("AWS::")
          ? getAtt(name.substring(0, name.indexOf('.')), name.substring(name.indexOf('.') + 1)) : ref(name);
    }
    StringBuilder out = new StringBuilder();
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
      Evaluated v = vars.containsKey(name) ? vars.get(name)
          : name.contains(".") && !name.startsWith("AWS::") ? getAtt(name.substring(0, name.indexOf('.')), name.substring(name.indexOf('.') + 1))
          : ref(name);
      parts.add(v);
      if (v.value() instanceof String str) {
        out.append(str);
      } else if (v.value() == CrossStack.STACK_NAME) {
        out.append(CrossStack.STACK_NAME);
      } else if (unknown == null) {
        unknown = v.value() instanceof Unknown u ? u : new Unknown("${" + name + "} is known only at deploy time");
      }
    }
    if (unknown == null) return Evaluated.combine(out.toString(), parts);
    Evaluated combined = Evaluated.combine(unknown, parts);
    // An ARN built around exactly one resource of this template identifies that resource.
    if (template.startsWith("arn:") && combined.refs().size() == 1) {
      ResourceRef r = combined.refs().iterator().next();
      return combined.with(new ResourceRef(r.scope(), r.id(), "Arn"));
    }
    return combined;
  }
}
