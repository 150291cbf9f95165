package dev.relplan.iac.cdk;

import com.github.javaparser.ParseResult;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.relplan.iac.common.Evaluated;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.parse.java.JavaSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One Java file of a CDK app read into the model, as {@link StackFile} reads a TypeScript one:
 * every {@code Bucket.Builder.create(this, "Id")…build()} or {@code new Bucket(this, "Id", props)}
 * of a modelled construct becomes a resource (found first, so constructs can refer to each other in
 * any order), its builder methods are read by the shared mappers, then the event sources added to
 * its functions ({@code fn.addEventSource(new SqsEventSource(queue, props))}).
 */
final class JavaStackFile {
  private JavaStackFile() {}

  /**
   * The constructs whose mappers read their properties through {@link CdkProps} alone (the ones
   * read from Python source, and buckets); alarms need the TypeScript statement that holds them.
   */
  private static final Set<String> READ =
      Set.of(
          "aws_rds.DatabaseInstance",
          "aws_dynamodb.Table",
          "aws_dynamodb.TableV2",
          "aws_sqs.Queue",
          "aws_kinesis.Stream",
          "aws_s3.Bucket",
          "aws_lambda.Function");

  /** Whether a construct read from Java source is modelled. */
  static boolean reads(String name) {
    return name != null && READ.contains(name) && ConstructMappers.of(name) != null;
  }

  /** Reads a file into the draft; the reason it cannot be read (a syntax error) or null. */
  static String read(
      String file, String content, String appRoot, Workload draft, List<String> notes) {
    ParseResult<CompilationUnit> parsed = JavaSource.parse(content);
    if (!parsed.isSuccessful() || parsed.getResult().isEmpty())
      return "Java syntax error"
          + errorLine(parsed.getProblems())
          + "; its constructs are not read";
    CompilationUnit unit = parsed.getResult().get();
    String scope = StackFile.scope(file);
    Map<Node, ResourceRef> refs = new IdentityHashMap<>();
    Map<Node, String> declared = new IdentityHashMap<>();
    List<Expression> order = new ArrayList<>();
    JavaExpressions x = new JavaExpressions(file, unit, refs, notes);
    findConstructs(x, scope, refs, declared, order);
    for (Expression made : order) {
      String name = declared.get(made);
      Construct c =
          new Construct(
              name,
              refs.get(made).id(),
              scope,
              null,
              x.at(made),
              JavaProps.ofConstruct(x, made, x.at(made)),
              appRoot,
              Construct.JAVA_LIBRARY);
      ConstructMappers.of(name).mapper().accept(c, draft);
    }
    readEventSources(x, scope, draft);
    return null;
  }

  private static String errorLine(List<Problem> problems) {
    if (problems.isEmpty()) return "";
    return problems
        .get(0)
        .getLocation()
        .flatMap(l -> l.getBegin().getRange())
        .map(r -> " at line " + r.begin.line)
        .orElse("");
  }

  /**
   * The file's modelled constructs in source order, with their resource refs and names: {@code new
   * X(scope, "Id", …)} and {@code X.Builder.create(scope, "Id")…build()} (the whole chain is the
   * construct, as a variable holds it).
   */
  private static void findConstructs(
      JavaExpressions x,
      String scope,
      Map<Node, ResourceRef> refs,
      Map<Node, String> declared,
      List<Expression> order) {
    Set<String> ids = new HashSet<>();
    for (Expression made : x.unit().findAll(Expression.class, JavaStackFile::makesObject)) {
      String name = constructName(x, made);
      if (!reads(name)) continue;
      List<Expression> args = arguments(made);
      refs.put(made, new ResourceRef(scope, uniqueId(x, made, args, ids), null));
      declared.put(made, name);
      order.add(made);
    }
  }

  private static boolean makesObject(Expression e) {
    return e instanceof ObjectCreationExpr
        || e instanceof MethodCallExpr m && m.getNameAsString().equals("build");
  }

  private static String constructName(JavaExpressions x, Expression made) {
    if (made instanceof ObjectCreationExpr created)
      return x.cdkName(created.getType().getNameWithScope());
    MethodCallExpr build = (MethodCallExpr) made;
    if (!JavaCalls.chainRoot(build).getNameAsString().equals("create")) return null;
    return JavaCalls.builtName(x, build);
  }

  /** The arguments of {@code new X(…)} or of the chain's {@code create(…)}. */
  private static List<Expression> arguments(Expression made) {
    if (made instanceof ObjectCreationExpr created) return created.getArguments();
    return JavaCalls.chainRoot((MethodCallExpr) made).getArguments();
  }

  /**
   * The construct's id within its stack class ({@code OrdersStack/Db}), as its construct path names
   * it (a constant followed to its text); the line is added when a file declares the same id twice.
   */
  private static String uniqueId(
      JavaExpressions x, Expression made, List<Expression> args, Set<String> taken) {
    int line = x.at(made).line();
    Expression given = args.size() > 1 ? args.get(1) : null;
    Object value = given == null ? null : x.eval(given).value();
    String constructId =
        given == null
            ? "construct@" + line
            : value instanceof String constant ? constant : JavaExpressions.excerpt(given);
    String className =
        made.findAncestor(TypeDeclaration.class).map(t -> t.getNameAsString()).orElse(null);
    String id = className == null ? constructId : className + "/" + constructId;
    if (!taken.add(id)) {
      id = id + "@" + line;
      taken.add(id);
    }
    return id;
  }

  /** Every {@code addEventSource} call of the file whose function is a declared construct. */
  private static void readEventSources(JavaExpressions x, String scope, Workload draft) {
    for (MethodCallExpr call : x.unit().findAll(MethodCallExpr.class)) {
      if (!call.getNameAsString().equals("addEventSource")
          || call.getScope().isEmpty()
          || call.getArguments().isEmpty()) continue;
      Evaluated function = x.eval(call.getScope().get());
      Evaluated source = x.eval(call.getArgument(0));
      if (!(function.value() instanceof ResourceRef fn)
          || !(source.value() instanceof JavaExpressions.Built created)) continue;
      String className = created.name().substring(created.name().lastIndexOf('.') + 1);
      String kind = EventSources.KINDS.get(className);
      if (kind == null) continue;
      List<Expression> args = arguments(created.node());
      JavaProps props = JavaProps.of(x, created, x.at(created.node()));
      EventSources.add(
          new EventSources.Declared(
              fn,
              kind,
              className,
              args.isEmpty() ? Evaluated.of(null) : x.eval(args.get(0)),
              JavaExpressions.excerpt(created.node()),
              x.at(created.node()),
              props,
              kind.equals("SQS") ? null : failureDestination(x, props.ref("onFailure")),
              x.at(call),
              Construct.JAVA_LIBRARY),
          scope,
          draft);
    }
  }

  /** {@code onFailure(new SqsDlq(queue))} (or SnsDlq, S3OnFailureDestination): its target. */
  private static Value<Object> failureDestination(JavaExpressions x, Value<Object> onFailure) {
    if (!(onFailure.get() instanceof JavaExpressions.Built created)) return onFailure;
    List<Expression> args = arguments(created.node());
    Evaluated target = args.isEmpty() ? Evaluated.of(null) : x.eval(args.get(0));
    if (target.value() instanceof ResourceRef r)
      return Value.explicit(new ResourceRef(r.scope(), r.id(), null), onFailure.trace());
    return Value.unresolved(
        "the failure destination " + JavaExpressions.excerpt(created.node()) + " is not followed",
        onFailure.trace());
  }
}
