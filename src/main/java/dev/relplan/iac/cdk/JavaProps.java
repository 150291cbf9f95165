package dev.relplan.iac.cdk;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.relplan.iac.common.Evaluated;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.Unknown;
import dev.relplan.model.Value;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A Java construct's properties: the builder methods of {@code Bucket.Builder.create(this,
 * "Id").versioned(true)…build()} or of the props given to {@code new Bucket(this, "Id",
 * BucketProps.builder().versioned(true).build())}. Builder methods are named as the construct
 * library's properties ({@code multiAz}), so the mappers are the TypeScript ones; nested properties
 * are builders too ({@code DeadLetterQueue.builder().queue(dlq).maxReceiveCount(3).build()}).
 */
final class JavaProps extends CdkProps {
  private final JavaExpressions x;

  /** The setters as written, or null when there are none. */
  private final JavaExpressions.Options options;

  /** Why the properties cannot be read at all, or null. */
  private final Unknown unreadable;

  private JavaProps(
      JavaExpressions x, Location location, JavaExpressions.Options options, Unknown unreadable) {
    super(location);
    this.x = x;
    this.options = options;
    this.unreadable = unreadable;
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
  protected Written written(String path) {
    Found f = lookup(path);
    return f == null ? null : new Written(f.keyLine, () -> x.eval(f.value));
  }

  @Override
  protected Unknown unreadable() {
    return unreadable;
  }

  @Override
  public Set<ResourceRef> allRefs() {
    Set<ResourceRef> out = new LinkedHashSet<>();
    if (options != null)
      for (JavaExpressions.Setter s : options.values.values()) out.addAll(x.eval(s.value()).refs());
    return out;
  }

  @Override
  public List<CdkProps> nested(String path) {
    Value<Object> v = raw(path);
    List<CdkProps> out = new ArrayList<>();
    if (!v.present()) return out;
    List<Object> items = v.get() instanceof List<?> l ? new ArrayList<>(l) : List.of(v.get());
    for (Object item : items)
      if (item instanceof JavaExpressions.Built b) out.add(of(x, b, x.at(b.node())));
    return out;
  }

  @Override
  protected CdkProps emptyAt(Location at, Unknown why) {
    return new JavaProps(x, at, null, why);
  }

  private record Found(Expression value, Location keyLine) {}

  /** The expression at a dotted path through nested builders, or null when absent. */
  private Found lookup(String path) {
    if (options == null) return null;
    String[] keys = path.split("\\.");
    JavaExpressions.Options current = options;
    Found found = null;
    for (int i = 0; i < keys.length; i++) {
      JavaExpressions.Setter s = current.values.get(keys[i]);
      if (s == null) return null;
      found = new Found(s.value(), s.line());
      if (i == keys.length - 1) break;
      Evaluated inner = x.eval(s.value());
      if (!(inner.value() instanceof JavaExpressions.Built b)) return null;
      current = x.options(b.node());
    }
    return found;
  }

  @Override
  protected Unknown partial(String path) {
    if (options == null) return null;
    if (!options.unknown.isEmpty())
      return new Unknown(
          "the properties are built with "
              + JavaExpressions.excerpt(options.unknown.get(0))
              + ", which is not followed");
    String first = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
    JavaExpressions.Setter s = options.values.get(first);
    if (s == null || !path.contains(".")) return null;
    Evaluated e = x.eval(s.value());
    return e.value() instanceof Unknown u ? u : null;
  }
}
