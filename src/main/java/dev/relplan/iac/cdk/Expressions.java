package dev.relplan.iac.cdk;

import dev.relplan.iac.common.Evaluated;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.Unknown;
import dev.relplan.parse.javascript.JsFile;
import dev.relplan.parse.javascript.JsNode;
import dev.relplan.source.Location;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates the TypeScript expressions a CDK app passes to its constructs, as far as they can be
 * followed without running the app: literals, local constants (in the enclosing function or at
 * module level), fields of the stack class, object literals and their members, {@code Duration}s,
 * construct library enumerations, constructs declared in the same file, and simple conditionals
 * decided by the environment a production deployment would use. Anything else (stack properties
 * given by the app, context values, environment variables, other calls) is an {@link Unknown} with
 * the reason: never guessed.
 */
final class Expressions {
  /** A CDK {@code Duration}, in seconds. */
  record Duration(BigDecimal seconds) {}

  /** An object literal, read key by key by {@link CdkProps}. */
  record ObjectLiteral(JsNode node) {}

  /**
   * A construct or helper object made with {@code new} that the file does not declare as a
   * resource.
   */
  record Created(String name, JsNode node) {}

  /** A call of a method on an object, {@code receiver.method(arguments)}. */
  record MethodCall(JsNode call, JsNode receiver, String method) {}

  /** Every {@code receiver.method(...)} call of the file, in source order; listed once. */
  List<MethodCall> methodCalls() {
    if (methodCalls != null) return methodCalls;
    List<MethodCall> out = new ArrayList<>();
    for (JsNode call : file.calls()) {
      JsNode callee = call.field("function");
      JsNode method = callee == null ? null : callee.field("property");
      if (method != null && callee.is("member_expression"))
        out.add(new MethodCall(call, callee.field("object"), method.text()));
    }
    methodCalls = List.copyOf(out);
    return methodCalls;
  }

  /**
   * {@code Code.fromAsset('dir')}, {@code ContainerImage.fromAsset('dir')}: code in a folder of the
   * repository.
   */
  record Asset(Object path) {}

  /** {@code path.join(__dirname, '../lambda')}: a path relative to the stack file's folder. */
  record FileRelative(String path) {}

  private static final int MAX_DEPTH = 16;

  private final JsFile file;
  private final Map<JsNode, ResourceRef> constructs;
  private final List<String> notes;

  /** What the app's entry point passes to the stack classes' constructors. */
  private final AppInstances instances;

  /** The file's method calls, listed on first use by the call readers. */
  private List<MethodCall> methodCalls;

  Expressions(
      JsFile file,
      Map<JsNode, ResourceRef> constructs,
      List<String> notes,
      AppInstances instances) {
    this.file = file;
    this.constructs = constructs;
    this.notes = notes;
    this.instances = instances;
  }

  JsFile file() {
    return file;
  }

  Location at(JsNode n) {
    return file.at(n);
  }

  /** The canonical CDK name an expression refers to ({@code aws_rds.DatabaseInstance}), or null. */
  String cdkName(JsNode n) {
    return CdkNames.canonical(file.qualify(n));
  }

  Evaluated eval(JsNode n) {
    return eval(n, 0);
  }

  private Evaluated eval(JsNode n, int depth) {
    if (n == null) return Evaluated.of(null);
    if (depth > MAX_DEPTH) return unknown("nested beyond " + MAX_DEPTH + " steps", n);
    n = n.unwrap();
    return switch (n.type) {
      case "number" -> number(n);
      case "string", "template_string" -> {
        String s = n.stringValue();
        yield s != null ? Evaluated.of(s) : unknown("a template string built at synth time", n);
      }
      case "true" -> Evaluated.of(Boolean.TRUE);
      case "false" -> Evaluated.of(Boolean.FALSE);
      case "null", "undefined" -> Evaluated.of(null);
      case "object" -> Evaluated.of(new ObjectLiteral(n));
      case "array" -> array(n, depth);
      case "identifier", "shorthand_property_identifier" -> identifier(n, depth);
      case "member_expression" -> member(n, depth);
      case "call_expression" -> call(n, depth);
      case "new_expression" -> created(n);
      case "ternary_expression" -> ternary(n, depth);
      case "binary_expression" -> binary(n, depth);
      case "unary_expression" -> unary(n, depth);
      default -> unknown("the expression " + excerpt(n) + " is not followed", n);
    };
  }

  private Evaluated number(JsNode n) {
    try {
      return Evaluated.of(new BigDecimal(n.text().replace("_", "")));
    } catch (NumberFormatException e) {
      return unknown("the number " + n.text() + " is not read", n);
    }
  }

  private Evaluated array(JsNode n, int depth) {
    List<Object> items = new ArrayList<>();
    List<Evaluated> parts = new ArrayList<>();
    for (JsNode c : n.children) {
      if (c.is("comment")) continue;
      if (c.is("spread_element")) return unknown("a list built with a spread", c);
      Evaluated e = eval(c, depth + 1);
      items.add(e.value());
      parts.add(e);
    }
    return Evaluated.combine(items, parts);
  }

  private Evaluated identifier(JsNode n, int depth) {
    if (n.text().equals("undefined")) return Evaluated.of(null);
    JsNode bound = file.binding(n.text(), n);
    if (bound != null) return eval(bound, depth + 1).tracedFirst(List.of(at(bound)));
    Evaluated given = fromEntryPoint(n);
    if (given != null) return given;
    if (isParameter(n))
      return unknown(
          n.text()
              + " is a parameter, given by the caller (values passed in from the app are not followed)",
          n);
    return unknown(n.text() + " is not declared in this file", n);
  }

  /**
   * The value the app's entry point passes for a stack constructor's parameter ({@code props} of
   * {@code new ApiStack(app, 'Api', props)}), or null when the name is no such parameter or no
   * entry point instantiates the class.
   */
  private Evaluated fromEntryPoint(JsNode n) {
    for (JsNode fn = n.function(); fn != null; fn = fn.function()) {
      JsNode params = fn.field("parameters");
      if (params == null) continue;
      int index = 0;
      for (JsNode p : params.children) {
        if (!p.is("required_parameter") && !p.is("optional_parameter")) continue;
        JsNode pattern = p.field("pattern");
        if (pattern != null && pattern.text().equals(n.text()))
          return constructorArgument(fn, index);
        index++;
      }
    }
    return null;
  }

  private Evaluated constructorArgument(JsNode fn, int index) {
    JsNode name = fn.field("name");
    if (!fn.is("method_definition") || name == null || !name.text().equals("constructor"))
      return null;
    JsNode cls = fn.parent == null ? null : fn.parent.parent;
    JsNode className = cls == null ? null : cls.field("name");
    return className == null ? null : instances.argument(file.file, className.text(), index);
  }

  /** Whether a name is a parameter of a function enclosing its use. */
  private static boolean isParameter(JsNode n) {
    for (JsNode fn = n.function(); fn != null; fn = fn.function()) {
      JsNode params = fn.field("parameters");
      if (params == null) continue;
      for (JsNode id : params.all("identifier"))
        if (id.text().equals(n.text()) && id.ancestor("type_annotation") == null) return true;
    }
    return false;
  }

  private Evaluated member(JsNode n, int depth) {
    JsNode object = n.field("object");
    JsNode property = n.field("property");
    if (object == null || property == null) return unknown("an incomplete member", n);
    String name = cdkName(n);
    if (name != null) return Evaluated.of(property.text()); // an enumeration: RemovalPolicy.RETAIN
    if (object.unwrap().is("this")) {
      JsNode bound = file.thisBinding(property.text(), n);
      if (bound == null) return unknown("this." + property.text() + " is not set in this class", n);
      return eval(bound, depth + 1).tracedFirst(List.of(at(bound)));
    }
    if (object.unwrap().text().equals("process.env"))
      return unknown(
          "the environment variable "
              + property.text()
              + " is read when the app is synthesised: not resolved",
          n);
    Evaluated owner = eval(object, depth + 1);
    if (owner.value() instanceof ObjectLiteral literal) {
      JsFile.Options options = file.options(literal.node());
      JsNode value = options.get(property.text());
      if (value == null && !options.complete())
        return unknown("the object behind " + excerpt(object) + " is built from a spread", n);
      if (value == null) return owner.with(null);
      Evaluated found = eval(value, depth + 1).tracedFirst(List.of(at(value)));
      return Evaluated.combine(found.value(), found, owner);
    }
    if (owner.value() instanceof Given given) return givenMember(given, property.text(), owner);
    if (owner.value() instanceof Created made) {
      Evaluated stackMember = instances.member(made.node(), property.text());
      if (stackMember != null) return stackMember;
    }
    if (owner.value() instanceof ResourceRef ref)
      return new Evaluated(
          new ResourceRef(ref.scope(), ref.id(), property.text()), owner.trace(), owner.refs());
    if (owner.value() instanceof Unknown) return owner;
    if (owner.value() == null) return owner;
    return unknown("the member " + excerpt(n) + " is not followed", n);
  }

  /** A member of an object the app's entry point passes: unset is absent unless spread. */
  private static Evaluated givenMember(Given given, String property, Evaluated owner) {
    Evaluated found = given.members().get(property);
    if (found != null) return Evaluated.combine(found.value(), found, owner);
    if (given.spread() != null) return new Evaluated(given.spread(), owner.trace(), Set.of());
    return owner.with(null);
  }

  private Evaluated call(JsNode n, int depth) {
    JsNode function = n.field("function");
    String name = cdkName(function);
    List<JsNode> args = JsFile.arguments(n);
    if (name != null) {
      Evaluated known = cdkCall(name, args, n, depth);
      if (known != null) return known;
    }
    String qualified = function == null ? null : file.qualify(function);
    if ("path.join".equals(qualified) || "path.resolve".equals(qualified))
      return joinedPath(args, n, depth);
    if (function != null && function.text().endsWith("node.tryGetContext") && !args.isEmpty())
      return unknown(
          "the context value " + excerpt(args.get(0)) + " is given when the app is synthesised", n);
    return unknown("computed by the call " + excerpt(n), n);
  }

  /** The CDK helpers whose value is known from their arguments; null for any other. */
  private Evaluated cdkCall(String name, List<JsNode> args, JsNode n, int depth) {
    int dot = name.lastIndexOf('.');
    String owner = dot < 0 ? "" : name.substring(0, dot);
    String method = name.substring(dot + 1);
    if (owner.endsWith("Duration") && !args.isEmpty()) {
      Evaluated amount = eval(args.get(0), depth + 1);
      if (!(amount.value() instanceof BigDecimal d)) return amount;
      BigDecimal unit = durationUnit(method);
      if (unit == null) return unknown("Duration." + method + " is not read", n);
      return amount.with(new Duration(d.multiply(unit)));
    }
    if (owner.endsWith("DatabaseInstanceEngine") || owner.endsWith("DatabaseClusterEngine"))
      return Evaluated.of(engine(method));
    if ((owner.endsWith("Code") || owner.endsWith("ContainerImage"))
        && method.equals("fromAsset")
        && !args.isEmpty()) {
      Evaluated path = eval(args.get(0), depth + 1);
      return path.value() instanceof String || path.value() instanceof FileRelative
          ? path.with(new Asset(path.value()))
          : path;
    }
    if (owner.endsWith("Billing"))
      return Evaluated.of(method.equals("onDemand") ? "PAY_PER_REQUEST" : "PROVISIONED");
    return null;
  }

  /** {@code path.join(__dirname, 'a', 'b')}: the parts after the file's folder, joined. */
  private Evaluated joinedPath(List<JsNode> args, JsNode n, int depth) {
    if (args.isEmpty() || !args.get(0).text().equals("__dirname"))
      return unknown("a path joined from " + excerpt(n) + " is not followed", n);
    StringBuilder path = new StringBuilder();
    List<Evaluated> parts = new ArrayList<>();
    for (JsNode part : args.subList(1, args.size())) {
      Evaluated e = eval(part, depth + 1);
      if (!(e.value() instanceof String s)) return unknownFrom(e, n);
      if (path.length() > 0) path.append('/');
      path.append(s);
      parts.add(e);
    }
    return Evaluated.combine(new FileRelative(path.toString()), parts);
  }

  static BigDecimal durationUnit(String method) {
    return switch (method) {
      case "millis" -> new BigDecimal("0.001");
      case "seconds" -> BigDecimal.ONE;
      case "minutes" -> BigDecimal.valueOf(60);
      case "hours" -> BigDecimal.valueOf(3600);
      case "days" -> BigDecimal.valueOf(86400);
      default -> null;
    };
  }

  /**
   * {@code postgres} → postgres, {@code auroraPostgres} → aurora-postgresql, {@code sqlServerEx} →
   * sqlserver-ex.
   */
  static String engine(String method) {
    String hyphenated = method.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    return switch (hyphenated) {
      case "aurora-postgres" -> "aurora-postgresql";
      case "aurora" -> "aurora";
      default -> hyphenated.replace("sql-server", "sqlserver");
    };
  }

  private Evaluated created(JsNode n) {
    ResourceRef ref = constructs.get(n);
    if (ref != null) return new Evaluated(ref, List.of(), Set.of(ref));
    return Evaluated.of(new Created(cdkName(n.field("constructor")), n));
  }

  private Evaluated ternary(JsNode n, int depth) {
    JsNode condition = n.field("condition");
    Evaluated decided = eval(condition, depth + 1);
    Boolean chosen = decided.value() instanceof Boolean b ? b : null;
    if (chosen == null) {
      chosen = Environments.productionBranch(this, condition);
      if (chosen == null) return unknownFrom(decided, n);
      decided = decidedForProduction(condition, chosen);
    }
    Evaluated branch = eval(n.field(chosen ? "consequence" : "alternative"), depth + 1);
    return Evaluated.combine(branch.value(), branch, decided);
  }

  private Evaluated binary(JsNode n, int depth) {
    JsNode op = n.field("operator");
    String operator = op != null ? op.text() : operatorText(n);
    Evaluated left = eval(n.field("left"), depth + 1);
    if (operator.equals("??")) {
      if (left.value() instanceof Unknown) return left;
      return left.value() != null ? left : eval(n.field("right"), depth + 1);
    }
    Evaluated right = eval(n.field("right"), depth + 1);
    if (left.value() instanceof Unknown || right.value() instanceof Unknown) {
      Boolean production = Environments.productionBranch(this, n);
      if (production != null) return decidedForProduction(n, production);
    }
    if (left.value() instanceof Unknown) return left;
    if (right.value() instanceof Unknown) return right;
    Object result = Operators.apply(operator, left.value(), right.value());
    if (result == null) return unknown("the operation " + excerpt(n) + " is not evaluated", n);
    return Evaluated.combine(result, left, right);
  }

  /** The operator between the operands, for grammars that give it no field. */
  private static String operatorText(JsNode n) {
    JsNode left = n.field("left");
    JsNode right = n.field("right");
    String text = n.text();
    if (left == null || right == null) return "";
    int from = left.end - n.start;
    int to = right.start - n.start;
    return from >= 0 && to <= text.length() && from <= to ? text.substring(from, to).trim() : "";
  }

  private Evaluated unary(JsNode n, int depth) {
    JsNode argument = n.field("argument");
    Evaluated value = eval(argument, depth + 1);
    String operator = n.text().substring(0, Math.max(0, argument.start - n.start)).trim();
    if (operator.equals("!") && value.value() instanceof Boolean b) return value.with(!b);
    if (operator.equals("-") && value.value() instanceof BigDecimal d)
      return value.with(d.negate());
    if (value.value() instanceof Unknown) return value;
    return unknown("the operation " + excerpt(n) + " is not evaluated", n);
  }

  /** A condition on the environment, decided as production would decide it, and noted. */
  private Evaluated decidedForProduction(JsNode condition, boolean chosen) {
    notes.add(
        "AWS CDK: the condition "
            + excerpt(condition)
            + " ("
            + at(condition)
            + ") is decided as a production deployment would decide it: "
            + chosen);
    return Evaluated.of(chosen).tracedFirst(List.of(at(condition)));
  }

  private Evaluated unknownFrom(Evaluated cause, JsNode n) {
    if (cause.value() instanceof Unknown) return cause;
    return unknown("the condition of " + excerpt(n) + " cannot be decided", n);
  }

  Evaluated unknown(String reason, JsNode n) {
    return new Evaluated(new Unknown(reason), List.of(at(n)), Set.of());
  }

  /** A short excerpt of an expression for a reason or a note. */
  static String excerpt(JsNode n) {
    String text = n.text().replaceAll("\\s+", " ");
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
