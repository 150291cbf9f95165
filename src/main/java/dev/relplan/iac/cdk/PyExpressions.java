package dev.relplan.iac.cdk;

import dev.relplan.iac.common.Evaluated;
import dev.relplan.model.Production;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.Unknown;
import dev.relplan.parse.python.PyFile;
import dev.relplan.parse.python.PyNode;
import dev.relplan.source.Location;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates the Python expressions a CDK app passes to its constructs, as far as they can be
 * followed without running the app, into the values {@link Expressions} gives for TypeScript:
 * literals, names bound in the enclosing function or at module level, attributes set on {@code
 * self}, dictionaries and keyword arguments of the library's structs, {@code Duration}s,
 * enumeration members, {@code Code.from_asset}, {@code os.path.join(os.path.dirname(__file__), …)},
 * constructs of the file, and simple conditionals decided by the environment a production
 * deployment would use. Anything else (parameters given by the app, context values, environment
 * variables, other calls) is an {@link Unknown} with the reason: never guessed.
 */
final class PyExpressions {
  /**
   * Keyword arguments read key by key by {@link PyProps}: a dictionary, or a call of a construct
   * library class that is not a modelled construct (a struct such as {@code sqs.DeadLetterQueue},
   * an event source); {@code name} is the class's canonical name, null for a dictionary.
   */
  record Keywords(String name, PyNode node) {}

  /** One keyword (in the construct library's camelCase) and the line that sets it. */
  record Keyword(PyNode value, PyNode line) {}

  /** The keywords of a call or dictionary, and what they are built from that cannot be followed. */
  static final class Options {
    final Map<String, Keyword> values = new LinkedHashMap<>();
    final List<PyNode> unknown = new ArrayList<>();

    Keyword get(String key) {
      return values.get(key);
    }

    boolean complete() {
      return unknown.isEmpty();
    }
  }

  private static final int MAX_DEPTH = 16;

  private final PyFile file;
  private final Map<PyNode, ResourceRef> constructs;
  private final List<String> notes;
  private final PyAppInstances instances;

  PyExpressions(PyFile file, Map<PyNode, ResourceRef> constructs, List<String> notes) {
    this(file, constructs, notes, PyAppInstances.NONE);
  }

  /** With the values the app's entry point passes to its stack classes' {@code __init__}. */
  PyExpressions(
      PyFile file,
      Map<PyNode, ResourceRef> constructs,
      List<String> notes,
      PyAppInstances instances) {
    this.file = file;
    this.constructs = constructs;
    this.notes = notes;
    this.instances = instances;
  }

  PyFile file() {
    return file;
  }

  Location at(PyNode n) {
    return file.at(n);
  }

  /** The canonical CDK name an expression refers to ({@code aws_rds.DatabaseInstance}), or null. */
  String cdkName(PyNode n) {
    return CdkNames.canonical(file.qualify(n));
  }

  Evaluated eval(PyNode n) {
    return eval(n, 0);
  }

  private Evaluated eval(PyNode n, int depth) {
    if (n == null) return Evaluated.of(null);
    if (depth > MAX_DEPTH) return unknown("nested beyond " + MAX_DEPTH + " steps", n);
    n = unwrap(n);
    return switch (n.type) {
      case "integer", "float" -> number(n);
      case "string" -> {
        String s = n.stringValue();
        yield s != null ? Evaluated.of(s) : unknown("a formatted string built at synth time", n);
      }
      case "concatenated_string" -> concatenated(n);
      case "true" -> Evaluated.of(Boolean.TRUE);
      case "false" -> Evaluated.of(Boolean.FALSE);
      case "none" -> Evaluated.of(null);
      case "dictionary" -> Evaluated.of(new Keywords(null, n));
      case "list", "tuple" -> list(n, depth);
      case "identifier" -> identifier(n, depth);
      case "attribute" -> attribute(n, depth);
      case "subscript" -> subscript(n, depth);
      case "call" -> call(n, depth);
      case "conditional_expression" -> conditional(n, depth);
      case "comparison_operator", "boolean_operator", "binary_operator" -> operation(n, depth);
      case "not_operator", "unary_operator" -> unary(n, depth);
      default -> unknown("the expression " + excerpt(n) + " is not followed", n);
    };
  }

  private static PyNode unwrap(PyNode n) {
    while (n.is("parenthesized_expression") && n.children.size() == 1) n = n.children.get(0);
    return n;
  }

  private Evaluated number(PyNode n) {
    try {
      return Evaluated.of(new BigDecimal(n.text().replace("_", "")));
    } catch (NumberFormatException e) {
      return unknown("the number " + n.text() + " is not read", n);
    }
  }

  private Evaluated concatenated(PyNode n) {
    StringBuilder joined = new StringBuilder();
    for (PyNode part : n.children) {
      String s = part.stringValue();
      if (s == null) return unknown("a formatted string built at synth time", n);
      joined.append(s);
    }
    return Evaluated.of(joined.toString());
  }

  private Evaluated list(PyNode n, int depth) {
    List<Object> items = new ArrayList<>();
    List<Evaluated> parts = new ArrayList<>();
    for (PyNode c : n.children) {
      if (c.is("comment")) continue;
      if (c.is("list_splat")) return unknown("a list built with a splat", c);
      Evaluated e = eval(c, depth + 1);
      items.add(e.value());
      parts.add(e);
    }
    return Evaluated.combine(items, parts);
  }

  private Evaluated identifier(PyNode n, int depth) {
    PyNode bound = bindingOf(n);
    if (bound != null) return eval(bound, depth + 1).tracedFirst(List.of(at(bound)));
    Evaluated given = givenByApp(n, depth);
    if (given != null) return given;
    if (isParameter(n))
      return unknown(
          n.text()
              + " is a parameter, given by the caller (values passed in from the app are not followed)",
          n);
    return unknown(n.text() + " is not assigned in this file", n);
  }

  /**
   * The expression last bound to a name where it is used: in the enclosing function, else at module
   * level unless a parameter of the function hides it; null when neither binds it.
   */
  PyNode bindingOf(PyNode n) {
    PyNode bound = file.binding(n.text(), n);
    if (bound == null) return null;
    boolean moduleLevel = bound.ancestor("function_definition") == null;
    return moduleLevel && isParameter(n) ? null : bound;
  }

  /**
   * A parameter of a stack class's {@code __init__} ({@code stage: str}) as the app's entry point
   * passes it by keyword, else null.
   */
  private Evaluated givenByApp(PyNode n, int depth) {
    PyNode init = initDeclaring(n);
    PyNode parameter = init == null ? null : parameter(init, n.text());
    if (parameter == null || parameter.is("dictionary_splat_pattern")) return null;
    String className = init.ancestor("class_definition").field("name").text();
    Evaluated given = instances.keyword(file.file, className, n.text());
    if (given == null) {
      int position = positionOf(init, parameter);
      if (position >= 0)
        given = instances.keyword(file.file, className, PyAppInstances.POSITION + position);
    }
    if (given != null || !instances.instantiates(file.file, className)) return given;
    PyNode defaultValue = parameter.field("value");
    return defaultValue == null
        ? null
        : eval(defaultValue, depth + 1).tracedFirst(List.of(at(parameter)));
  }

  /**
   * The position of the call's argument that binds a parameter (the call's arguments start at the
   * scope, the parameter after self), or -1 for a keyword-only one (after {@code *} or {@code
   * *args}).
   */
  private static int positionOf(PyNode init, PyNode parameter) {
    List<PyNode> params = init.field("parameters").children;
    for (PyNode p : params.subList(0, params.indexOf(parameter)))
      if (p.is("keyword_separator") || p.is("list_splat_pattern")) return -1;
    return params.indexOf(parameter) - 1;
  }

  /**
   * The {@code __init__} of a class that declares the name as a parameter, where it is used, else
   * null.
   */
  private static PyNode initDeclaring(PyNode n) {
    PyNode init = n.ancestor("function_definition");
    if (init == null
        || init.field("name") == null
        || !init.field("name").text().equals("__init__")
        || parameter(init, n.text()) == null) return null;
    PyNode cls = init.ancestor("class_definition");
    return cls == null || cls.field("name") == null ? null : init;
  }

  /**
   * {@code kwargs["stage"]} or {@code kwargs.get("stage", "dev")} of a stack class's {@code
   * **kwargs}, as the app's entry point passes it; null when not such an item or the app does not
   * instantiate the class.
   */
  private Evaluated kwargsItem(
      PyNode dict, PyNode key, boolean get, PyNode fallback, PyNode n, int depth) {
    if (dict == null || !dict.is("identifier") || key == null) return null;
    PyNode init = initDeclaring(dict);
    if (init == null || !parameter(init, dict.text()).is("dictionary_splat_pattern")) return null;
    String className = init.ancestor("class_definition").field("name").text();
    if (!instances.instantiates(file.file, className)
        || !(eval(key, depth + 1).value() instanceof String name)) return null;
    Evaluated given = instances.keyword(file.file, className, name);
    if (given != null) return given;
    if (fallback != null) return eval(fallback, depth + 1);
    if (get) return Evaluated.of(null).tracedFirst(List.of(at(n))); // get gives None
    return unknown(
        "the app's entry point does not pass " + name + " to " + className + " (a KeyError)", n);
  }

  /** Whether a name is a parameter of a function enclosing its use. */
  private static boolean isParameter(PyNode n) {
    for (PyNode fn = n.ancestor("function_definition");
        fn != null;
        fn = fn.ancestor("function_definition")) {
      if (declaresParameter(fn, n.text())) return true;
    }
    return false;
  }

  private static boolean declaresParameter(PyNode function, String parameter) {
    return parameter(function, parameter) != null;
  }

  /**
   * The function's parameter of that name ({@code stage: str = "dev"}, {@code **kwargs}), or null.
   */
  private static PyNode parameter(PyNode function, String parameter) {
    PyNode params = function.field("parameters");
    if (params == null) return null;
    for (PyNode p : params.children) {
      PyNode name = p.is("identifier") ? p : p.field("name");
      if (name == null && !p.children.isEmpty()) name = p.children.get(0);
      if (name != null && name.text().equals(parameter)) return p;
    }
    return null;
  }

  private Evaluated attribute(PyNode n, int depth) {
    PyNode object = n.field("object");
    PyNode attr = n.field("attribute");
    if (object == null || attr == null) return unknown("an incomplete attribute", n);
    if (cdkName(n) != null) return Evaluated.of(attr.text()); // a member: RemovalPolicy.RETAIN
    if (object.is("identifier") && object.text().equals("self")) {
      PyNode bound = file.selfBinding(attr.text(), n);
      if (bound == null) return unknown("self." + attr.text() + " is not set in this class", n);
      return eval(bound, depth + 1).tracedFirst(List.of(at(bound)));
    }
    Evaluated owner = eval(object, depth + 1);
    if (owner.value() instanceof ResourceRef ref)
      return new Evaluated(
          new ResourceRef(ref.scope(), ref.id(), PyProps.camelCase(attr.text())),
          owner.trace(),
          owner.refs());
    if (owner.value() instanceof Unknown || owner.value() == null) return owner;
    return unknown("the attribute " + excerpt(n) + " is not followed", n);
  }

  /** {@code settings["multi_az"]} of a dictionary; {@code os.environ["X"]} is never read. */
  private Evaluated subscript(PyNode n, int depth) {
    PyNode value = n.field("value");
    PyNode key = n.field("subscript");
    if (value != null && "os.environ".equals(file.qualify(value)))
      return environmentVariable(key, n);
    Evaluated passed = kwargsItem(value, key, false, null, n, depth);
    if (passed != null) return passed;
    Evaluated owner = eval(value, depth + 1);
    Evaluated index = eval(key, depth + 1);
    if (owner.value() instanceof Unknown) return owner;
    if (owner.value() instanceof Keywords k
        && k.name() == null
        && index.value() instanceof String s) return member(owner, k, s, null, n, depth);
    return unknown("the item " + excerpt(n) + " is not followed", n);
  }

  /** A dictionary's item (null, or the fallback given to {@code get}, when it has none). */
  private Evaluated member(
      Evaluated owner, Keywords dict, String key, PyNode fallback, PyNode n, int depth) {
    Options options = options(dict.node());
    Keyword found = options.values.get(key);
    if (found == null) found = options.values.get(PyProps.camelCase(key));
    if (found == null && !options.complete())
      return unknown("the dictionary behind " + excerpt(n) + " is built from a splat", n);
    if (found == null) return fallback == null ? owner.with(null) : eval(fallback, depth + 1);
    Evaluated value = eval(found.value(), depth + 1).tracedFirst(List.of(at(found.line())));
    return Evaluated.combine(value.value(), value, owner);
  }

  private Evaluated environmentVariable(PyNode name, PyNode n) {
    return unknown(
        "the environment variable "
            + (name == null ? excerpt(n) : excerpt(name))
            + " is read when the app is synthesised: not resolved",
        n);
  }

  private Evaluated call(PyNode n, int depth) {
    ResourceRef ref = constructs.get(n);
    if (ref != null) return new Evaluated(ref, List.of(), Set.of(ref));
    PyNode function = n.field("function");
    List<PyNode> args = positional(n);
    String name = cdkName(function);
    if (name != null) {
      Evaluated known = cdkCall(name, args, n, depth);
      if (known != null) return known;
      String simple = name.substring(name.lastIndexOf('.') + 1);
      if (!simple.isEmpty() && Character.isUpperCase(simple.charAt(0)))
        return Evaluated.of(new Keywords(name, n)); // a struct or helper object of the library
    }
    String qualified = file.qualify(function);
    if ("os.path.join".equals(qualified)) return joinedPath(args, n, depth);
    if ("os.getenv".equals(qualified) || "os.environ.get".equals(qualified))
      return environmentVariable(args.isEmpty() ? null : args.get(0), n);
    if (function != null && function.text().endsWith("try_get_context") && !args.isEmpty())
      return unknown(
          "the context value " + excerpt(args.get(0)) + " is given when the app is synthesised", n);
    if (function != null && function.is("attribute") && isDictionaryGet(function, args)) {
      PyNode fallback = args.size() > 1 ? args.get(1) : null;
      Evaluated passed =
          kwargsItem(function.field("object"), args.get(0), true, fallback, n, depth);
      if (passed != null) return passed;
      Evaluated owner = eval(function.field("object"), depth + 1);
      if (owner.value() instanceof Keywords k && k.name() == null) {
        Evaluated key = eval(args.get(0), depth + 1);
        if (key.value() instanceof String s)
          return member(owner, k, s, args.size() > 1 ? args.get(1) : null, n, depth);
      }
      if (owner.value() instanceof Unknown) return owner;
    }
    return unknown("computed by the call " + excerpt(n), n);
  }

  private static boolean isDictionaryGet(PyNode function, List<PyNode> args) {
    PyNode attr = function.field("attribute");
    return attr != null && attr.text().equals("get") && !args.isEmpty() && args.size() <= 2;
  }

  /** The construct library's helpers whose value is known from their arguments; null otherwise. */
  private Evaluated cdkCall(String name, List<PyNode> args, PyNode n, int depth) {
    int dot = name.lastIndexOf('.');
    String owner = dot < 0 ? "" : name.substring(0, dot);
    String method = PyProps.camelCase(name.substring(dot + 1));
    if (owner.endsWith("Duration") && !args.isEmpty()) {
      Evaluated amount = eval(args.get(0), depth + 1);
      if (!(amount.value() instanceof BigDecimal d)) return amount;
      BigDecimal unit = Expressions.durationUnit(method);
      if (unit == null) return unknown("Duration." + method + " is not read", n);
      return amount.with(new Expressions.Duration(d.multiply(unit)));
    }
    if (owner.endsWith("DatabaseInstanceEngine") || owner.endsWith("DatabaseClusterEngine"))
      return Evaluated.of(Expressions.engine(method));
    PyNode assetPath = argument(n, 0, "path");
    if ((owner.endsWith("Code") || owner.endsWith("ContainerImage"))
        && method.equals("fromAsset")
        && assetPath != null) {
      Evaluated path = eval(assetPath, depth + 1);
      return path.value() instanceof String || path.value() instanceof Expressions.FileRelative
          ? path.with(new Expressions.Asset(path.value()))
          : path;
    }
    if (owner.endsWith("Billing"))
      return Evaluated.of(method.equals("onDemand") ? "PAY_PER_REQUEST" : "PROVISIONED");
    return null;
  }

  /**
   * {@code os.path.join(os.path.dirname(__file__), "a", "b")}: the parts after the file's folder.
   */
  private Evaluated joinedPath(List<PyNode> args, PyNode n, int depth) {
    if (args.isEmpty()) return unknown("an empty path join " + excerpt(n), n);
    boolean fileRelative = isFileFolder(args.get(0));
    StringBuilder path = new StringBuilder();
    List<Evaluated> parts = new ArrayList<>();
    Evaluated first = fileRelative ? null : eval(args.get(0), depth + 1);
    if (first != null && first.value() instanceof Expressions.FileRelative folder) {
      fileRelative = true; // a folder already joined from the module's: FUNCTIONS = join(dirname…)
      path.append(folder.path());
      parts.add(first);
    }
    for (PyNode part : args.subList(fileRelative ? 1 : 0, args.size())) {
      Evaluated e = eval(part, depth + 1);
      if (e.value() instanceof Unknown) return e;
      if (!(e.value() instanceof String s))
        return unknown("the path part " + excerpt(part) + " is not text", part);
      if (path.length() > 0 && !path.toString().endsWith("/")) path.append('/');
      path.append(s.startsWith("./") ? s.substring(2) : s);
      parts.add(e);
    }
    // Without the module's folder in front the path is relative to where the CDK CLI runs the app.
    return fileRelative
        ? Evaluated.combine(new Expressions.FileRelative(path.toString()), parts)
        : Evaluated.combine(path.toString(), parts);
  }

  /**
   * {@code os.path.dirname(__file__)}, also of its absolute or real path, directly or through a
   * name.
   */
  private boolean isFileFolder(PyNode n) {
    n = unwrap(n);
    if (n.is("identifier")) {
      PyNode bound = bindingOf(n);
      return bound != null && bound != n && isFileFolder(bound);
    }
    if (!n.is("call") || !"os.path.dirname".equals(file.qualify(n.field("function")))) return false;
    List<PyNode> args = positional(n);
    if (args.size() != 1) return false;
    PyNode inner = unwrap(args.get(0));
    if (inner.is("call")) {
      String q = file.qualify(inner.field("function"));
      List<PyNode> innerArgs = positional(inner);
      if (!("os.path.abspath".equals(q) || "os.path.realpath".equals(q)) || innerArgs.size() != 1)
        return false;
      inner = unwrap(innerArgs.get(0));
    }
    return inner.is("identifier") && inner.text().equals("__file__");
  }

  private Evaluated conditional(PyNode n, int depth) {
    List<PyNode> parts = n.children.stream().filter(c -> !c.is("comment")).toList();
    if (parts.size() != 3) return unknown("the conditional " + excerpt(n) + " is not read", n);
    PyNode condition = parts.get(1);
    Evaluated decided = eval(condition, depth + 1);
    Boolean chosen = known(decided.value()) ? Operators.truthy(decided.value()) : null;
    if (chosen == null) {
      chosen = productionBranch(condition, 0);
      if (chosen == null) return unknownFrom(decided, n);
      decided = decidedForProduction(condition, chosen);
    }
    Evaluated branch = eval(parts.get(chosen ? 0 : 2), depth + 1);
    return Evaluated.combine(branch.value(), branch, decided);
  }

  /** Whether a value is a primitive whose truth is known. */
  private static boolean known(Object value) {
    return value == null
        || value instanceof Boolean
        || value instanceof BigDecimal
        || value instanceof String;
  }

  /** {@code a == b}, {@code a and b}, {@code a + b}: two operands and the operator between them. */
  private Evaluated operation(PyNode n, int depth) {
    List<PyNode> operands = operands(n);
    if (operands.size() != 2)
      return unknown("the chained comparison " + excerpt(n) + " is not evaluated", n);
    String operator = operatorBetween(n, operands.get(0), operands.get(1));
    Evaluated left = eval(operands.get(0), depth + 1);
    Evaluated right = eval(operands.get(1), depth + 1);
    if (left.value() instanceof Unknown || right.value() instanceof Unknown) {
      Boolean production = productionBranch(n, 0);
      if (production != null) return decidedForProduction(n, production);
      return left.value() instanceof Unknown ? left : right;
    }
    Object result = Operators.apply(operator, left.value(), right.value());
    if (result == null) return unknown("the operation " + excerpt(n) + " is not evaluated", n);
    return Evaluated.combine(result, left, right);
  }

  private static List<PyNode> operands(PyNode n) {
    if (n.field("left") != null && n.field("right") != null)
      return List.of(n.field("left"), n.field("right"));
    return n.children.stream().filter(c -> !c.is("comment")).toList();
  }

  /** Python's operator as the TypeScript operator {@link Operators} evaluates. */
  private static String operatorBetween(PyNode n, PyNode left, PyNode right) {
    String text = n.text();
    int from = left.end - n.start;
    int to = right.start - n.start;
    String operator =
        from >= 0 && to <= text.length() && from <= to ? text.substring(from, to).trim() : "";
    return switch (operator) {
      case "and" -> "&&";
      case "or" -> "||";
      case "==", "is" -> "===";
      case "!=", "is not" -> "!==";
      default -> operator;
    };
  }

  private Evaluated unary(PyNode n, int depth) {
    PyNode argument = n.field("argument");
    if (argument == null) return unknown("an incomplete operation", n);
    Evaluated value = eval(argument, depth + 1);
    if (n.is("not_operator") && known(value.value()))
      return value.with(!Operators.truthy(value.value()));
    String operator = n.text().substring(0, Math.max(0, argument.start - n.start)).trim();
    if (operator.equals("-") && value.value() instanceof BigDecimal d)
      return value.with(d.negate());
    if (operator.equals("+") && value.value() instanceof BigDecimal) return value;
    if (value.value() instanceof Unknown) {
      Boolean production = n.is("not_operator") ? productionBranch(n, 0) : null;
      return production != null ? decidedForProduction(n, production) : value;
    }
    return unknown("the operation " + excerpt(n) + " is not evaluated", n);
  }

  /**
   * True or false as a production deployment would decide a condition on the environment ({@code
   * stage == "prod"}, {@code not is_dev}, a flag named {@code is_production}), or null when it
   * names no environment.
   */
  Boolean productionBranch(PyNode n, int depth) {
    if (n == null || depth > 8) return null;
    n = unwrap(n);
    if (n.is("not_operator")) {
      Boolean inner = productionBranch(n.field("argument"), depth + 1);
      return inner == null ? null : !inner;
    }
    if (n.is("comparison_operator")) return comparison(n);
    if (n.is("identifier")) {
      PyNode bound = bindingOf(n);
      Boolean decided = bound == null ? null : productionBranch(bound, depth + 1);
      return decided != null ? decided : Environments.byName(n.text());
    }
    if (n.is("attribute") && n.field("attribute") != null)
      return Environments.byName(n.field("attribute").text());
    return null;
  }

  /** {@code stage == "prod"}: the side that is a literal environment name decides. */
  private Boolean comparison(PyNode n) {
    List<PyNode> operands = operands(n);
    if (operands.size() != 2) return null;
    String operator = operatorBetween(n, operands.get(0), operands.get(1));
    if (!operator.equals("===") && !operator.equals("!==")) return null;
    Evaluated left = eval(operands.get(0));
    Evaluated right = eval(operands.get(1));
    String literal =
        right.value() instanceof String r && left.value() instanceof Unknown
            ? r
            : left.value() instanceof String l && right.value() instanceof Unknown ? l : null;
    if (literal == null) return null;
    Boolean production = Production.classify(literal);
    if (production == null) return null;
    return operator.equals("!==") ? !production : production;
  }

  /** A condition on the environment, decided as production would decide it, and noted. */
  private Evaluated decidedForProduction(PyNode condition, boolean chosen) {
    notes.add(
        "AWS CDK: the condition "
            + excerpt(condition)
            + " ("
            + at(condition)
            + ") is decided as a production deployment would decide it: "
            + chosen);
    return Evaluated.of(chosen).tracedFirst(List.of(at(condition)));
  }

  private Evaluated unknownFrom(Evaluated cause, PyNode n) {
    if (cause.value() instanceof Unknown) return cause;
    return unknown("the condition of " + excerpt(n) + " cannot be decided", n);
  }

  Evaluated unknown(String reason, PyNode n) {
    return new Evaluated(new Unknown(reason), List.of(at(n)), Set.of());
  }

  /**
   * The keyword arguments of a call, or the items of a dictionary, by the construct library's
   * camelCase name; {@code **other} is merged when it is a dictionary that can be followed.
   */
  Options options(PyNode callOrDictionary) {
    Options out = new Options();
    collect(callOrDictionary, out, 0);
    return out;
  }

  private void collect(PyNode node, Options out, int depth) {
    PyNode holder = node.is("call") ? node.field("arguments") : node;
    if (holder == null) return;
    for (PyNode c : holder.children) {
      if (c.is("keyword_argument") && c.field("name") != null && c.field("value") != null) {
        out.values.put(PyProps.camelCase(c.field("name").text()), new Keyword(c.field("value"), c));
      } else if (c.is("pair") && c.field("key") != null && c.field("value") != null) {
        String key = c.field("key").stringValue();
        if (key != null) out.values.put(PyProps.camelCase(key), new Keyword(c.field("value"), c));
      } else if (c.is("dictionary_splat") && !c.children.isEmpty()) {
        Evaluated spread = depth < MAX_DEPTH ? eval(c.children.get(0)) : null;
        if (spread != null && spread.value() instanceof Keywords k)
          collect(k.node(), out, depth + 1);
        else out.unknown.add(c);
      }
    }
  }

  /**
   * The argument at a position, else the first of the keywords naming it ({@code
   * Code.from_asset(path="lambda")}, {@code SqsEventSource(queue=orders)}); null when neither is
   * given.
   */
  static PyNode argument(PyNode call, int position, String... keywords) {
    List<PyNode> args = positional(call);
    if (args.size() > position) return args.get(position);
    Map<String, PyNode> named = PyFile.kwargs(call);
    for (String k : keywords) if (named.containsKey(k)) return named.get(k);
    return null;
  }

  /** Positional arguments of a call, without splats. */
  static List<PyNode> positional(PyNode call) {
    return PyFile.positional(call).stream()
        .filter(a -> !a.is("list_splat") && !a.is("dictionary_splat"))
        .toList();
  }

  /** A short excerpt of an expression for a reason or a note. */
  static String excerpt(PyNode n) {
    String text = n.text().replaceAll("\\s+", " ");
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
