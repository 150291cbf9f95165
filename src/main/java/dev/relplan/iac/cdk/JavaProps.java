package dev.relplan.iac.cdk;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.relplan.iac.common.Evaluated;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.Unknown;
import dev.relplan.source.Location;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A Java construct's properties: the builder methods of {@code Bucket.Builder.create(this,
 * "Id").versioned(true)…build()} or of the props given to {@code new Bucket(this, "Id",
 * BucketProps.builder().versioned(true).build())}. Builder methods are named as the construct
 * library's properties ({@code multiAz}), so the mappers are the TypeScript ones; nested properties
 * are builders too ({@code DeadLetterQueue.builder().queue(dlq).maxReceiveCount(3).build()}).
 */
final class JavaProps extends WrittenProps<Expression, JavaExpressions.Options> {
  private final JavaExpressions x;

  private JavaProps(
      JavaExpressions x, Location location, JavaExpressions.Options options, Unknown unreadable) {
    super(location, options, unreadable);
    this.x = x;
  }

  /**
   * The properties of a construct: its builder chain's setters, or the props given as the third
   * argument of {@code new X(scope, "Id", props)}; unreadable when the props come from elsewhere.
   */
  static JavaProps ofConstruct(JavaExpressions x, Expression made, Location location) {
    if (made instanceof MethodCallExpr chain)
      return new JavaProps(x, location, x.options(chain), null);
    ObjectCreationExpr created = (ObjectCreationExpr) made;
    if (created.getArguments().size() < 3) return new JavaProps(x, location, null, null);
    return given(x, created.getArgument(2), location);
  }

  /**
   * The properties of a library object read as a builder ({@code new SqsEventSource(q, props)}).
   */
  static JavaProps of(JavaExpressions x, JavaExpressions.Built built, Location location) {
    return new JavaProps(x, location, x.options(built.node()), null);
  }

  /** Props given as an expression: a builder followed, else unreadable with the reason. */
  private static JavaProps given(JavaExpressions x, Expression props, Location location) {
    Evaluated e = x.eval(props);
    if (e.value() instanceof JavaExpressions.Built b)
      return new JavaProps(x, location, x.options(b.node()), null);
    if (e.value() == null) return new JavaProps(x, location, null, null);
    Unknown why =
        e.value() instanceof Unknown u
            ? u
            : new Unknown("the props " + JavaExpressions.excerpt(props) + " are not followed");
    return new JavaProps(x, location, null, why);
  }

  @Override
  public Set<ResourceRef> allRefs() {
    Set<ResourceRef> out = new LinkedHashSet<>();
    if (options != null)
      for (JavaExpressions.Setter s : options.values.values()) out.addAll(x.eval(s.value()).refs());
    return out;
  }

  @Override
  protected Named<Expression> named(JavaExpressions.Options written, String name) {
    JavaExpressions.Setter s = written.values.get(name);
    return s == null ? null : new Named<>(s.value(), s.line());
  }

  @Override
  protected Evaluated eval(Expression value) {
    return x.eval(value);
  }

  @Override
  protected JavaExpressions.Options nestedOptions(Object evaluated) {
    return evaluated instanceof JavaExpressions.Built b ? x.options(b.node()) : null;
  }

  @Override
  protected Location nestedAt(Object evaluated) {
    return x.at(((JavaExpressions.Built) evaluated).node());
  }

  @Override
  protected String unfollowed(JavaExpressions.Options written) {
    return written.unknown.isEmpty() ? null : JavaExpressions.excerpt(written.unknown.get(0));
  }

  @Override
  protected CdkProps make(Location at, JavaExpressions.Options written, Unknown why) {
    return new JavaProps(x, at, written, why);
  }
}
