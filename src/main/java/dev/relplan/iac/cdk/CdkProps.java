package dev.relplan.iac.cdk;

import dev.relplan.iac.common.Evaluated;
import dev.relplan.iac.common.TypedSettings;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.Unknown;
import dev.relplan.model.Value;
import dev.relplan.parse.javascript.JsNode;
import dev.relplan.source.Location;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A construct's properties, read at dotted paths of their construct library names ({@code multiAz},
 * {@code deadLetterQueue.maxReceiveCount}) with the lines that decided each value, the property
 * line first, whatever language the app is written in: {@link TsProps} reads a TypeScript object
 * literal, {@link PyProps} Python keyword arguments. The mappers read only this.
 */
abstract class CdkProps extends TypedSettings<CdkProps> {
  private final Location location;

  protected CdkProps(Location location) {
    this.location = location;
  }

  /** A path's written value: the line of its key and how it evaluates. */
  protected record Written(Location keyLine, Supplier<Evaluated> evaluated) {}

  /** The value written at a dotted path, or null when absent. */
  protected abstract Written written(String path);

  /** Why the properties cannot be read at all (passed in whole from elsewhere), or null. */
  protected abstract Unknown unreadable();

  /** Why an absent path may still be set (a spread or splat that is not followed), or null. */
  protected abstract Unknown partial(String path);

  @Override
  public boolean has(String path) {
    return written(path) != null;
  }

  @Override
  public Location keyLocation(String path) {
    Written w = written(path);
    return w == null ? location() : w.keyLine();
  }

  @Override
  public Value<Object> raw(String path) {
    if (unreadable() != null) return Value.unresolved(unreadable().reason(), List.of(location()));
    Written w = written(path);
    if (w == null) {
      Unknown partial = partial(path);
      return partial == null
          ? Value.absent()
          : Value.unresolved(partial.reason(), List.of(location()));
    }
    Evaluated e = w.evaluated().get().tracedFirst(List.of(w.keyLine()));
    if (e.value() instanceof Unknown u) return Value.unresolved(u.reason(), e.trace());
    if (e.value() == null) return Value.absent();
    return Value.explicit(e.value(), e.trace());
  }

  @Override
  public Set<ResourceRef> refs(String path) {
    Written w = written(path);
    return w == null ? Set.of() : w.evaluated().get().refs();
  }

  /**
   * The properties a TypeScript expression evaluates to (absent: none), declared at {@code
   * location}.
   */
  static CdkProps of(Expressions x, JsNode props, Location location) {
    return TsProps.of(x, props, location);
  }

  @Override
  public Location location() {
    return location;
  }

  /**
   * Properties with nothing set, declared at a line; unreadable for the reason when it is given.
   */
  protected abstract CdkProps emptyAt(Location at, Unknown why);

  /**
   * The TypeScript expression written at a path, or null when absent. Only the mappers of
   * constructs read from TypeScript source use it ({@link ConstructMappers#readsPython} says which
   * mappers Python source reaches).
   */
  JsNode node(String path) {
    throw new UnsupportedOperationException("read from TypeScript source only");
  }

  /** The evaluator of the TypeScript file the properties are written in. */
  Expressions expressions() {
    throw new UnsupportedOperationException("read from TypeScript source only");
  }

  /** A duration property in whole seconds (rounded up: a timeout is at least what was written). */
  Value<Integer> seconds(String path) {
    return duration(path, BigDecimal.ONE);
  }

  /** A duration property in whole days. */
  Value<Integer> days(String path) {
    return duration(path, BigDecimal.valueOf(86400));
  }

  private Value<Integer> duration(String path, BigDecimal unit) {
    Value<Object> v = raw(path);
    if (!v.present()) return v.map(o -> null);
    if (v.get() instanceof Expressions.Duration d)
      return Value.explicit(
          d.seconds().divide(unit, 0, RoundingMode.CEILING).intValueExact(), v.trace());
    return Value.unresolved("expected a Duration, found " + v.get(), v.trace());
  }

  /** The properties of the object at a path (empty when absent). */
  CdkProps child(String path) {
    List<CdkProps> nested = nested(path);
    if (!nested.isEmpty()) return nested.get(0);
    Value<Object> v = raw(path);
    Unknown why = v.unresolved() ? new Unknown(v.note()) : null;
    return emptyAt(keyLocation(path), why);
  }

  @Override
  protected String knownOnlyLater(ResourceRef ref) {
    return "the "
        + (ref.attribute() == null ? "value" : ref.attribute())
        + " of "
        + ref.id()
        + " is known only once deployed";
  }

  @Override
  protected String asText(Object value) {
    return value instanceof String s ? s : value instanceof BigDecimal d ? d.toPlainString() : null;
  }

  @Override
  protected BigDecimal asDecimal(Object value) {
    return value instanceof BigDecimal d ? d : null;
  }

  @Override
  protected Boolean asBoolean(Object value) {
    return value instanceof Boolean b ? b : null;
  }
}
