package dev.relplan.iac.cdk;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import dev.relplan.iac.common.Evaluated;
import dev.relplan.model.Production;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.Unknown;
import dev.relplan.source.Location;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates the Java expressions a CDK app passes to its constructs, as far as they can be followed
 * without running the app, into the values {@link Expressions} gives for TypeScript: literals,
 * local variables and fields assigned once, {@code static final} constants, the library's builders
 * ({@code BucketProps.builder().versioned(true).build()}), {@code Duration}s, enumeration members,
 * {@code Code.fromAsset}, constructs of the file, and simple conditionals decided by the
 * environment a production deployment would use. Anything else (parameters, context values,
 * environment variables, other calls) is an {@link Unknown} with the reason: never guessed.
 */
final class JavaExpressions {
  /**
   * An object of the construct library that is not a modelled construct, read setter by setter by
   * {@link JavaProps}: a props or struct builder ({@code DeadLetterQueue.builder()…build()}), an
   * unmodelled construct's builder, or {@code new SqsEventSource(queue, props)}; {@code name} is
   * the class's canonical name.
   */
  record Built(String name, Expression node) {}

  /** One builder method (a property in the construct library's camelCase) and its line. */
  record Setter(Expression value, Location line) {}

  /** The setters of a builder, and what they are built from that cannot be followed. */
  static final class Options {
    final Map<String, Setter> values = new LinkedHashMap<>();
    final List<Expression> unknown = new ArrayList<>();
  }

  private static final int MAX_DEPTH = 16;

  /**
   * Classes of java.lang (seen without an import) and java.util (often imported whole) that a
   * package of the library imported whole does not hide.
   */
  private static final Set<String> JAVA_LANG =
      Set.of(
          "String",
          "System",
          "Integer",
          "Long",
          "Double",
          "Boolean",
          "Math",
          "Object",
          "List",
          "Map",
          "Set",
          "Arrays",
          "Collections",
          "Optional");

  private final String file;
  private final CompilationUnit unit;
  private final Map<Node, ResourceRef> constructs;
  private final List<String> notes;

  /** Simple names imported one by one, to their class names. */
  private final Map<String, String> imported = new HashMap<>();

  /**
   * Packages of the construct library imported whole ({@code software.amazon.awscdk.services.sqs}).
   */
  private final List<String> importedPackages = new ArrayList<>();

  JavaExpressions(
      String file, CompilationUnit unit, Map<Node, ResourceRef> constructs, List<String> notes) {
    this.file = file;
    this.unit = unit;
    this.constructs = constructs;
    this.notes = notes;
    for (ImportDeclaration i : unit.getImports()) {
      if (i.isStatic()) continue;
      String name = i.getNameAsString();
      if (i.isAsterisk()) importedPackages.add(name);
      else imported.put(name.substring(name.lastIndexOf('.') + 1), name);
    }
  }

  String file() {
    return file;
  }

  CompilationUnit unit() {
    return unit;
  }

  Location at(Node n) {
    return new Location(file, n.getBegin().map(p -> p.line).orElse(1));
  }

  /**
   * The canonical CDK name of a type or class name as written ({@code Bucket}, {@code
   * s3.Bucket.Builder}, a fully qualified name), through the file's imports; null when it is not a
   * CDK name. A name from a package imported whole is taken in the package whose class relplan
   * models, else in the first such package (enough to know it is the library's).
   */
  String cdkName(String written) {
    if (written == null || written.isEmpty()) return null;
    String first = written.contains(".") ? written.substring(0, written.indexOf('.')) : written;
    String rest = written.substring(first.length());
    if (imported.containsKey(first)) return CdkNames.canonicalJava(imported.get(first) + rest);
    if (written.startsWith("software.")) return CdkNames.canonicalJava(written);
    if (first.isEmpty() || !Character.isUpperCase(first.charAt(0)) || JAVA_LANG.contains(first))
      return null;
    String fallback = null;
    for (String pkg : importedPackages) {
      String name = CdkNames.canonicalJava(pkg + "." + written);
      if (name == null) continue;
      String top = CdkNames.canonicalJava(pkg + "." + first);
      if (ConstructMappers.of(top) != null) return name;
      if (fallback == null) fallback = name;
    }
    return fallback;
  }

  /** The canonical CDK name an expression names as a type ({@code RemovalPolicy}), or null. */
  String cdkName(Expression n) {
    if (n instanceof NameExpr || n instanceof FieldAccessExpr) return cdkName(n.toString());
    return null;
  }

  Evaluated eval(Expression n) {
    return eval(n, 0);
  }

  Evaluated eval(Expression n, int depth) {
    if (n == null) return Evaluated.of(null);
    if (depth > MAX_DEPTH) return unknown("nested beyond " + MAX_DEPTH + " steps", n);
    n = unwrap(n);
    if (n instanceof StringLiteralExpr s) return Evaluated.of(s.asString());
    if (n instanceof TextBlockLiteralExpr t) return Evaluated.of(t.asString());
    if (n instanceof BooleanLiteralExpr b) return Evaluated.of(b.getValue());
    if (n instanceof NullLiteralExpr) return Evaluated.of(null);
    if (n instanceof IntegerLiteralExpr || n instanceof LongLiteralExpr) return number(n);
    if (n instanceof DoubleLiteralExpr) return number(n);
    if (n instanceof NameExpr name) return name(name, depth);
    if (n instanceof FieldAccessExpr f) return fieldAccess(f, depth);
    if (n instanceof MethodCallExpr call) return JavaCalls.call(this, call, depth);
    if (n instanceof ObjectCreationExpr created) return created(created);
    if (n instanceof ConditionalExpr c) return conditional(c, depth);
    if (n instanceof BinaryExpr b) return binary(b, depth);
    if (n instanceof UnaryExpr u) return unary(u, depth);
    if (n instanceof ArrayCreationExpr a && a.getInitializer().isPresent())
      return list(a.getInitializer().get().getValues(), depth);
    if (n instanceof ArrayInitializerExpr a) return list(a.getValues(), depth);
    return unknown("the expression " + excerpt(n) + " is not followed", n);
  }

  static Expression unwrap(Expression n) {
    while (true) {
      if (n instanceof EnclosedExpr e) n = e.getInner();
      else if (n instanceof CastExpr c) n = c.getExpression();
      else return n;
    }
  }

  private Evaluated number(Expression n) {
    String text = n.toString().replace("_", "");
    char last = Character.toLowerCase(text.charAt(text.length() - 1));
    if (last == 'l' || last == 'd' || last == 'f') text = text.substring(0, text.length() - 1);
    try {
      return Evaluated.of(new BigDecimal(text));
    } catch (NumberFormatException e) {
      return unknown("the number " + n + " is not read", n);
    }
  }

  Evaluated list(List<Expression> items, int depth) {
    List<Object> values = new ArrayList<>();
    List<Evaluated> parts = new ArrayList<>();
    for (Expression item : items) {
      Evaluated e = eval(item, depth + 1);
      values.add(e.value());
      parts.add(e);
    }
    return Evaluated.combine(values, parts);
  }

  private Evaluated name(NameExpr n, int depth) {
    JavaBindings.Binding bound = JavaBindings.of(n.getNameAsString(), n);
    if (bound.value() != null)
      return eval(bound.value(), depth + 1).tracedFirst(List.of(at(bound.value())));
    return unknown(bound.why(), n);
  }

  private Evaluated fieldAccess(FieldAccessExpr f, int depth) {
    Expression owner = f.getScope();
    String member = f.getNameAsString();
    if (owner instanceof ThisExpr) {
      JavaBindings.Binding bound = JavaBindings.field(member, f);
      if (bound.value() != null)
        return eval(bound.value(), depth + 1).tracedFirst(List.of(at(bound.value())));
      return unknown(bound.why(), f);
    }
    String type = cdkName(owner);
    if (type != null) {
      // An enumeration member or constant of the library: RemovalPolicy.RETAIN, Runtime.JAVA_17.
      if (type.endsWith("Engine"))
        return Evaluated.of(member.toLowerCase(Locale.ROOT).replace('_', '-'));
      return Evaluated.of(member);
    }
    JavaBindings.Binding constant = JavaBindings.constant(unit, owner.toString(), member);
    if (constant != null && constant.value() != null)
      return eval(constant.value(), depth + 1).tracedFirst(List.of(at(constant.value())));
    return unknown("the field " + excerpt(f) + " is not followed", f);
  }

  private Evaluated created(ObjectCreationExpr n) {
    ResourceRef ref = constructs.get(n);
    if (ref != null) return new Evaluated(ref, List.of(), Set.of(ref));
    String name = cdkName(n.getType().getNameWithScope());
    if (name != null) return Evaluated.of(new Built(name, n));
    return unknown("the object " + excerpt(n) + " is not followed", n);
  }

  /** The resource a construct of the file is, when the expression makes one; else null. */
  ResourceRef construct(Node n) {
    return constructs.get(n);
  }

  private Evaluated conditional(ConditionalExpr n, int depth) {
    Evaluated decided = eval(n.getCondition(), depth + 1);
    Boolean chosen = known(decided.value()) ? Operators.truthy(decided.value()) : null;
    if (chosen == null) {
      chosen = productionBranch(n.getCondition(), depth + 1);
      if (chosen == null)
        return decided.value() instanceof Unknown
            ? decided
            : unknown("the condition of " + excerpt(n) + " cannot be decided", n);
      decided = decidedForProduction(n.getCondition(), chosen);
    }
    Evaluated branch = eval(chosen ? n.getThenExpr() : n.getElseExpr(), depth + 1);
    return Evaluated.combine(branch.value(), branch, decided);
  }

  private static boolean known(Object value) {
    return value == null
        || value instanceof Boolean
        || value instanceof BigDecimal
        || value instanceof String;
  }

  private Evaluated binary(BinaryExpr n, int depth) {
    Evaluated left = eval(n.getLeft(), depth + 1);
    Evaluated right = eval(n.getRight(), depth + 1);
    return operation(n.getOperator().asString(), left, right, n, depth);
  }

  /** Two evaluated operands under a TypeScript operator (Java's are spelled the same). */
  Evaluated operation(String operator, Evaluated left, Evaluated right, Expression n, int depth) {
    if (left.value() instanceof Unknown || right.value() instanceof Unknown) {
      Boolean production = productionBranch(n, depth + 1);
      if (production != null) return decidedForProduction(n, production);
      return left.value() instanceof Unknown ? left : right;
    }
    Object result = Operators.apply(operator, left.value(), right.value());
    if (result == null) return unknown("the operation " + excerpt(n) + " is not evaluated", n);
    return Evaluated.combine(result, left, right);
  }

  private Evaluated unary(UnaryExpr n, int depth) {
    Evaluated value = eval(n.getExpression(), depth + 1);
    UnaryExpr.Operator op = n.getOperator();
    if (op == UnaryExpr.Operator.LOGICAL_COMPLEMENT && value.value() instanceof Boolean b)
      return value.with(!b);
    if (op == UnaryExpr.Operator.MINUS && value.value() instanceof BigDecimal d)
      return value.with(d.negate());
    if (op == UnaryExpr.Operator.PLUS && value.value() instanceof BigDecimal) return value;
    if (value.value() instanceof Unknown) {
      Boolean production =
          op == UnaryExpr.Operator.LOGICAL_COMPLEMENT ? productionBranch(n, depth + 1) : null;
      return production != null ? decidedForProduction(n, production) : value;
    }
    return unknown("the operation " + excerpt(n) + " is not evaluated", n);
  }

  /**
   * True or false as a production deployment would decide a condition on the environment ({@code
   * "prod".equals(stage)}, {@code !isDev}, a flag named {@code isProduction}), or null when it
   * names no environment. The depth is the evaluation's, so that a condition whose operands lead
   * back to it ends.
   */
  Boolean productionBranch(Expression n, int depth) {
    if (n == null || depth > MAX_DEPTH) return null;
    n = unwrap(n);
    if (n instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
      Boolean inner = productionBranch(u.getExpression(), depth + 1);
      return inner == null ? null : !inner;
    }
    if (n instanceof BinaryExpr b
        && (b.getOperator() == BinaryExpr.Operator.EQUALS
            || b.getOperator() == BinaryExpr.Operator.NOT_EQUALS))
      return comparison(
          b.getLeft(), b.getRight(), b.getOperator() == BinaryExpr.Operator.EQUALS, depth);
    if (n instanceof MethodCallExpr m && JavaCalls.isEquals(m))
      return comparison(m.getScope().get(), m.getArgument(0), true, depth);
    if (n instanceof NameExpr name) {
      JavaBindings.Binding bound = JavaBindings.of(name.getNameAsString(), name);
      Boolean decided = bound.value() == null ? null : productionBranch(bound.value(), depth + 1);
      return decided != null ? decided : Environments.byName(name.getNameAsString());
    }
    if (n instanceof FieldAccessExpr f) return Environments.byName(f.getNameAsString());
    return null;
  }

  /** {@code "prod".equals(stage)}, {@code stage == "prod"}: a literal environment name decides. */
  private Boolean comparison(Expression leftSide, Expression rightSide, boolean equal, int depth) {
    Evaluated left = eval(leftSide, depth + 1);
    Evaluated right = eval(rightSide, depth + 1);
    String literal =
        right.value() instanceof String r && left.value() instanceof Unknown
            ? r
            : left.value() instanceof String l && right.value() instanceof Unknown ? l : null;
    if (literal == null) return null;
    Boolean production = Production.classify(literal);
    if (production == null) return null;
    return equal ? production : !production;
  }

  /** A condition on the environment, decided as production would decide it, and noted. */
  Evaluated decidedForProduction(Expression condition, boolean chosen) {
    notes.add(
        "AWS CDK: the condition "
            + excerpt(condition)
            + " ("
            + at(condition)
            + ") is decided as a production deployment would decide it: "
            + chosen);
    return Evaluated.of(chosen).tracedFirst(List.of(at(condition)));
  }

  Evaluated unknown(String reason, Node n) {
    return new Evaluated(new Unknown(reason), List.of(at(n)), Set.of());
  }

  /**
   * The setters of a builder chain ({@code X.builder().a(1).b(2).build()} or {@code
   * X.Builder.create(scope, "Id").a(1).build()}), or of the props a {@code new X(…, props)} is
   * given: the last call of a setter wins, as in the builder.
   */
  Options options(Expression builtOrCreated) {
    Options out = new Options();
    collect(builtOrCreated, out, 0);
    return out;
  }

  private void collect(Expression node, Options out, int depth) {
    if (node instanceof ObjectCreationExpr created) {
      Expression props = JavaCalls.propsArgument(created);
      if (props == null || depth >= MAX_DEPTH) return;
      Evaluated given = eval(props);
      if (given.value() instanceof Built b) collect(b.node(), out, depth + 1);
      else out.unknown.add(props);
      return;
    }
    for (Expression step = node;
        step instanceof MethodCallExpr call;
        step = call.getScope().orElse(null)) {
      String method = call.getNameAsString();
      if (JavaCalls.BUILDER_STEPS.contains(method)) continue;
      if (call.getArguments().isEmpty()) continue;
      // Several arguments (a varargs setter) are left to the call's evaluation: not followed.
      Expression value = call.getArguments().size() == 1 ? call.getArgument(0) : call;
      out.values.putIfAbsent(method, new Setter(value, at(call.getName())));
    }
  }

  /** A short excerpt of an expression for a reason or a note. */
  static String excerpt(Node n) {
    String text = n.toString().replaceAll("\\s+", " ");
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
