package dev.relplan.iac.cdk;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import dev.relplan.iac.common.Evaluated;
import dev.relplan.model.ResourceRef;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * The method calls of a Java CDK app that {@link JavaExpressions} follows: the library's builders,
 * {@code Duration.seconds(30)}, {@code Code.fromAsset("lambda")}, engine and billing helpers, a
 * construct's getters ({@code queue.getQueueArn()}), {@code "prod".equals(stage)} and {@code
 * List.of(…)}; environment variables and context values are unresolved with the reason.
 */
final class JavaCalls {
  private JavaCalls() {}

  /** The calls of a builder chain that set no property. */
  static final Set<String> BUILDER_STEPS = Set.of("build", "builder", "create");

  static Evaluated call(JavaExpressions x, MethodCallExpr n, int depth) {
    ResourceRef ref = x.construct(n);
    if (ref != null) return new Evaluated(ref, List.of(), Set.of(ref));
    String built = builtName(x, n);
    if (built != null) return Evaluated.of(new JavaExpressions.Built(built, n));
    Expression owner = n.getScope().orElse(null);
    String method = n.getNameAsString();
    String type = owner == null ? null : x.cdkName(owner);
    if (type != null) {
      Evaluated known = libraryCall(x, type, method, n, depth);
      if (known != null) return known;
    }
    String written = owner == null ? "" : owner.toString();
    if (written.equals("System") && method.equals("getenv"))
      return x.unknown(
          "the environment variable "
              + (n.getArguments().isEmpty() ? "" : JavaExpressions.excerpt(n.getArgument(0)) + " ")
              + "is read when the app is synthesised: not resolved",
          n);
    if (method.equals("tryGetContext") || method.equals("getContext"))
      return x.unknown(
          "the context value "
              + JavaExpressions.excerpt(n)
              + " is given when the app is synthesised",
          n);
    if (isEquals(n))
      return x.operation(
          "===", x.eval(owner, depth + 1), x.eval(n.getArgument(0), depth + 1), n, depth);
    if ((written.equals("List") && method.equals("of"))
        || (written.equals("Arrays") && method.equals("asList")))
      return x.list(n.getArguments(), depth);
    if (owner != null
        && method.startsWith("get")
        && method.length() > 3
        && n.getArguments().isEmpty()) {
      Evaluated object = x.eval(owner, depth + 1);
      if (object.value() instanceof ResourceRef r)
        return new Evaluated(
            new ResourceRef(r.scope(), r.id(), attribute(method)), object.trace(), object.refs());
    }
    return x.unknown("computed by the call " + JavaExpressions.excerpt(n), n);
  }

  /** {@code getQueueArn} is the attribute {@code queueArn}. */
  private static String attribute(String getter) {
    return Character.toLowerCase(getter.charAt(3)) + getter.substring(4);
  }

  /** {@code a.equals(b)} with one argument. */
  static boolean isEquals(MethodCallExpr m) {
    return m.getNameAsString().equals("equals")
        && m.getScope().isPresent()
        && m.getArguments().size() == 1;
  }

  /**
   * The canonical name of the library class a {@code build()} chain makes ({@code
   * DeadLetterQueue.builder()…build()}, {@code Bucket.Builder.create(this, "Id")…build()}, {@code
   * new BucketProps.Builder()…build()}), or null when the call is no such chain.
   */
  static String builtName(JavaExpressions x, MethodCallExpr n) {
    if (!n.getNameAsString().equals("build") || !n.getArguments().isEmpty()) return null;
    MethodCallExpr root = chainRoot(n);
    Expression owner = root.getScope().orElse(null);
    if (root.getNameAsString().equals("builder") && owner != null) return x.cdkName(owner);
    if (root.getNameAsString().equals("create") && owner != null) return builderOwner(x, owner);
    if (owner instanceof ObjectCreationExpr created)
      return builderOwner(x, typeExpression(created.getType().getNameWithScope()));
    return null;
  }

  /** {@code Bucket.Builder} is {@code aws_s3.Bucket}'s builder: the class it builds, or null. */
  private static String builderOwner(JavaExpressions x, Expression builder) {
    if (!(builder instanceof FieldAccessExpr f) || !f.getNameAsString().equals("Builder"))
      return null;
    return x.cdkName(f.getScope());
  }

  private static Expression typeExpression(String written) {
    Expression out = null;
    for (String part : written.split("\\."))
      out = out == null ? new NameExpr(part) : new FieldAccessExpr(out, part);
    return out;
  }

  /** The innermost call of a chain of calls. */
  static MethodCallExpr chainRoot(MethodCallExpr n) {
    MethodCallExpr root = n;
    while (root.getScope().orElse(null) instanceof MethodCallExpr inner) root = inner;
    return root;
  }

  /**
   * The props object a {@code new X(…)} is given: the third argument of a construct (after its
   * scope {@code this} and id), the second of an event source or helper ({@code new
   * SqsEventSource(queue, props)}); null when there is none.
   */
  static Expression propsArgument(ObjectCreationExpr created) {
    List<Expression> args = created.getArguments();
    int position = !args.isEmpty() && args.get(0) instanceof ThisExpr ? 2 : 1;
    return args.size() > position ? args.get(position) : null;
  }

  /**
   * The construct library's static helpers whose value is known from their arguments; else null.
   */
  private static Evaluated libraryCall(
      JavaExpressions x, String type, String method, MethodCallExpr n, int depth) {
    List<Expression> args = n.getArguments();
    if (type.endsWith("Duration") && !args.isEmpty()) {
      Evaluated amount = x.eval(args.get(0), depth + 1);
      if (!(amount.value() instanceof BigDecimal d)) return amount;
      BigDecimal unit = Expressions.durationUnit(method);
      if (unit == null) return x.unknown("Duration." + method + " is not read", n);
      return amount.with(new Expressions.Duration(d.multiply(unit)));
    }
    if (type.endsWith("DatabaseInstanceEngine") || type.endsWith("DatabaseClusterEngine"))
      return Evaluated.of(Expressions.engine(method));
    if ((type.endsWith("Code") || type.endsWith("ContainerImage"))
        && method.equals("fromAsset")
        && !args.isEmpty()) {
      Evaluated path = x.eval(args.get(0), depth + 1);
      return path.value() instanceof String ? path.with(new Expressions.Asset(path.value())) : path;
    }
    if (type.endsWith("Billing"))
      return Evaluated.of(method.equals("onDemand") ? "PAY_PER_REQUEST" : "PROVISIONED");
    return null;
  }
}
