package dev.relplan.iac.cloudformation;

import dev.relplan.discover.SourceFile;
import dev.relplan.iac.common.Evaluated;
import dev.relplan.iac.common.GeneratedTemplates;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.Unknown;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;
import dev.relplan.parse.SeqNode;
import dev.relplan.source.FileGuard;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One evaluated instance of a CloudFormation template: its parameter values, conditions, mappings
 * and the evaluation of its nodes (the intrinsic functions themselves are in {@link Intrinsics}). A
 * nested stack is another instance with its own scope.
 */
final class Template {
  /** AWS::NoValue: the property is removed. */
  static final Object NO_VALUE =
      new Object() {
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

  /** Whether another format generated the template from its file (its root is not the file's). */
  private final boolean generated;

  /** Resources the generating format declares itself: Ref and Fn::GetAtt reach them. */
  private final Set<String> generatedIds;

  private final Map<String, ParameterValue> parameterValues;
  private final Map<String, Evaluated> conditionCache = new HashMap<>();
  private final List<String> evaluatingConditions = new ArrayList<>();
  private final List<String> evaluatingParameters = new ArrayList<>();

  /** Resolves Fn::ImportValue and nested-stack outputs across templates. */
  final CrossStack crossStack;

  Template(
      SourceFile file,
      String scope,
      List<Location> callChain,
      Map<String, ParameterValue> parameterValues,
      CrossStack crossStack) {
    this(file, (MapNode) file.document(), Set.of(), scope, callChain, parameterValues, crossStack);
  }

  /**
   * A template another format generates from {@code file} ({@code root}'s nodes are located in it),
   * where {@code generatedIds} are resources that format declares itself.
   */
  Template(
      SourceFile file,
      MapNode root,
      Set<String> generatedIds,
      String scope,
      List<Location> callChain,
      Map<String, ParameterValue> parameterValues,
      CrossStack crossStack) {
    this.file = file;
    this.root = root;
    this.generated = root != file.document();
    this.generatedIds = generatedIds;
    this.scope = scope;
    this.callChain = callChain;
    this.parameterValues = parameterValues;
    this.crossStack = crossStack;
    this.sam = isSam(root);
  }

  static boolean isSam(MapNode root) {
    Node t = root.get("Transform");
    if (t instanceof ScalarNode s)
      return s.text() != null && s.text().startsWith("AWS::Serverless");
    if (t instanceof SeqNode seq) {
      return seq.items().stream()
          .anyMatch(
              i ->
                  i instanceof ScalarNode s
                      && s.text() != null
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
    return resources().get(id) instanceof MapNode || generatedIds.contains(id);
  }

  String typeOf(String id) {
    if (resources().get(id) instanceof MapNode r && r.get("Type") instanceof ScalarNode t)
      return t.text();
    return null;
  }

  // ---------------------------------------------------------------- parameters

  /** The value of a parameter: the given value, else its Default, else unknown. */
  /** Whether the run was given a value for the parameter (--parameters), not only its Default. */
  boolean parameterGiven(String name) {
    return parameterValues.containsKey(name);
  }

  Evaluated parameter(String name) {
    MapNode decl = section("Parameters").get(name) instanceof MapNode m ? m : null;
    String type =
        decl != null && decl.get("Type") instanceof ScalarNode t && t.text() != null
            ? t.text()
            : "String";
    if (type.startsWith("AWS::SSM::Parameter::Value")) {
      return Evaluated.of(
          new Unknown("parameter " + name + " is read from SSM Parameter Store at deploy time"));
    }
    ParameterValue given = parameterValues.get(name);
    if (given != null) {
      Object v = given.value();
      if (v instanceof String s && isListType(type)) v = splitList(s);
      return new Evaluated(
          v, given.location() == null ? List.of() : List.of(given.location()), Set.of());
    }
    Node d = decl == null ? null : decl.get("Default");
    if (d != null) {
      // A Default must be a literal; one that refers back to its own parameter would recurse
      // forever.
      if (evaluatingParameters.contains(name))
        return Evaluated.of(new Unknown("parameter " + name + " refers to itself"));
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
    return Evaluated.of(
        new Unknown(
            "parameter "
                + name
                + " has no default and no value was given (pass --parameters FILE)"));
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

  /** Conditions evaluated one inside another before the innermost is Unknown. */
  static final int MAX_CONDITION_CHAIN = 100;

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
    } else if (evaluatingConditions.size() >= MAX_CONDITION_CHAIN) {
      // Each condition evaluates its own expression from depth 0, so a chain is bounded here.
      return Evaluated.of(
          new Unknown(
              "condition "
                  + name
                  + " is reached through a chain of more than "
                  + MAX_CONDITION_CHAIN
                  + " conditions"));
    } else {
      evaluatingConditions.add(name);
      Evaluated e = eval(def);
      evaluatingConditions.remove(name);
      Object v = asBoolean(e.value());
      if (v instanceof Unknown u)
        v = new Unknown("condition " + name + " cannot be evaluated: " + u.reason());
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
      if (!(arg instanceof SeqNode s)
          || s.items().size() != 3
          || !(s.items().get(0) instanceof ScalarNode c)) {
        return new Selected(
            null, trace, new Unknown("malformed Fn::If at line " + n.location().line()));
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

  /**
   * A node chosen through conditions; {@code unknown} is set when a condition could not be
   * evaluated.
   */
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
   * The argument of an intrinsic: the value under the single key of the long form, or the
   * short-form node itself without its tag ({@code !ImportValue x} → {@code x}). Keeping the tag
   * would make the argument evaluate as the same intrinsic again, endlessly.
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

  /**
   * {@code n} evaluated {@code depth} levels deep; {@link Intrinsics} passes the depth on to
   * arguments.
   */
  Evaluated eval(Node n, int depth) {
    if (depth > 100) return Evaluated.of(new Unknown("expression nests too deeply"));
    if (n instanceof ScalarNode u && GeneratedTemplates.UNKNOWN_TAG.equals(u.tag()))
      return Evaluated.of(new Unknown(u.text()));
    String fn = intrinsicName(n);
    FileGuard.checkTime();
    if (fn != null) return Intrinsics.apply(this, fn, intrinsicArgument(n), n, depth + 1);
    if (n instanceof ScalarNode s) {
      Evaluated literal = literal(s);
      // A generated template's values may come from elsewhere in the file (a variable's source):
      // each is located where it was written.
      return generated && !s.isNull()
          ? new Evaluated(literal.value(), List.of(s.location()), Set.of())
          : literal;
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

  private static Evaluated literal(ScalarNode s) {
    if (s.isNull()) return Evaluated.of(null);
    if (s.kind() == ScalarNode.Kind.BOOLEAN)
      return Evaluated.of(Boolean.parseBoolean(s.text().toLowerCase(Locale.ROOT)));
    if (s.text().contains("{{resolve:")) {
      return Evaluated.of(new Unknown("dynamic reference resolved at deploy time: " + s.text()));
    }
    return Evaluated.of(s.text());
  }

  Evaluated ref(String name) {
    switch (name) {
      case "AWS::NoValue":
        return Evaluated.of(Template.NO_VALUE);
      case "AWS::Partition":
        return Evaluated.of("aws");
      case "AWS::URLSuffix":
        return Evaluated.of("amazonaws.com");
      case "AWS::Region":
        return Evaluated.of(new Unknown("the deployment region"));
      case "AWS::AccountId":
        return Evaluated.of(new Unknown("the deployment account"));
      case "AWS::StackName":
        return Evaluated.of(
            crossStack.stackNameWildcard ? CrossStack.STACK_NAME : new Unknown("the stack name"));
      case "AWS::StackId", "AWS::NotificationARNs":
        return Evaluated.of(new Unknown(name + " is known at deploy time"));
      default:
    }
    if (section("Parameters").has(name)) return parameter(name);
    if (declaresResource(name)) {
      ResourceRef r = new ResourceRef(scope, name, null);
      return new Evaluated(r, List.of(), Set.of(r));
    }
    return Evaluated.of(new Unknown("Ref to " + name + ", which this template does not declare"));
  }

  Evaluated getAtt(String id, String attr) {
    if ("AWS::CloudFormation::Stack".equals(typeOf(id)) && attr.startsWith("Outputs.")) {
      return crossStack.nestedOutput(this, id, attr.substring("Outputs.".length()));
    }
    if (!declaresResource(id))
      return Evaluated.of(
          new Unknown("Fn::GetAtt on " + id + ", which this template does not declare"));
    ResourceRef r = new ResourceRef(scope, id, attr);
    return new Evaluated(r, List.of(), Set.of(r));
  }
}
