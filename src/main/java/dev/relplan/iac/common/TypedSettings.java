package dev.relplan.iac.common;

import dev.relplan.model.ResourceRef;
import dev.relplan.model.Unknown;
import dev.relplan.model.Value;
import dev.relplan.source.Location;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Typed, located reading of one resource's settings, whatever the format spells them in
 * (CloudFormation properties, Terraform arguments). A format finds the value at a dotted path
 * ({@link #raw}) with the lines that decided it; this class converts it to the type a model field
 * holds, and says why when it cannot (a value known only once deployed, a value of another type).
 *
 * @param <S> the format's own settings type, so that nested settings keep it
 */
public abstract class TypedSettings<S extends TypedSettings<S>> {

  /** True when the path is set (to anything, known or not). */
  public abstract boolean has(String path);

  /** The line of the key that sets the path. */
  public abstract Location keyLocation(String path);

  /** Where these settings are declared (the resource, or one nested block or list element). */
  public abstract Location location();

  /** The evaluated value at a path: absent, unresolved, or explicit with its trace. */
  public abstract Value<Object> raw(String path);

  /**
   * Resources referenced anywhere in the value at a path, even when the value itself is unknown.
   */
  public abstract Set<ResourceRef> refs(String path);

  /** Resources referenced anywhere in the settings. */
  public abstract Set<ResourceRef> allRefs();

  /**
   * The nested settings at a path: the elements of a list of objects, or the nested blocks of that
   * type.
   */
  public abstract List<S> nested(String path);

  /**
   * Why the value of a referenced resource's attribute is not known before the format deploys it.
   */
  protected abstract String knownOnlyLater(ResourceRef ref);

  /** The value as text in the format's own conversion, or null when it is not a primitive. */
  protected abstract String asText(Object value);

  /** The value as a decimal number in the format's own conversion, or null. */
  protected abstract BigDecimal asDecimal(Object value);

  /** The value as true or false in the format's own conversion, or null. */
  protected abstract Boolean asBoolean(Object value);

  /** The value as a floating-point number; by default through {@link #asDecimal}. */
  protected Double asDouble(Object value) {
    BigDecimal d = asDecimal(value);
    return d == null ? null : d.doubleValue();
  }

  /** The value as a list: a single value is a one-element list. */
  @SuppressWarnings("unchecked")
  protected List<Object> asList(Object value) {
    return value instanceof List<?> l ? (List<Object>) l : List.of(value);
  }

  public Value<String> str(String path) {
    return convert(raw(path), "text", this::asText);
  }

  public Value<Integer> integer(String path) {
    return convert(
        raw(path),
        "a whole number",
        v -> {
          BigDecimal d = asDecimal(v);
          try {
            return d == null ? null : d.intValueExact();
          } catch (ArithmeticException e) {
            return null;
          }
        });
  }

  public Value<Double> number(String path) {
    return convert(raw(path), "a number", this::asDouble);
  }

  public Value<Boolean> bool(String path) {
    return convert(raw(path), "true or false", this::asBoolean);
  }

  /** A list; a single value is treated as a one-element list. */
  public Value<List<Object>> list(String path) {
    return convert(raw(path), "a list", this::asList);
  }

  /** A reference to another resource, or the literal (ARN, name) when it is not a reference. */
  public Value<Object> ref(String path) {
    return raw(path);
  }

  /**
   * The values one key has across the nested settings at a path (where it is set), located at the
   * given line (usually the key that holds them all); absent when none is set.
   */
  public Value<List<Object>> collect(String path, String key, Location at) {
    List<Object> values = new ArrayList<>();
    for (S item : nested(path)) {
      Value<Object> v = item.ref(key);
      if (v.present()) values.add(v.get());
    }
    return values.isEmpty() ? Value.absent() : Value.explicit(values, List.of(at));
  }

  private <T> Value<T> convert(Value<Object> v, String expected, Function<Object, T> f) {
    if (!v.present()) return v.map(x -> null);
    T t = f.apply(v.get());
    if (t == null) {
      if (v.get() instanceof ResourceRef r) return Value.unresolved(knownOnlyLater(r), v.trace());
      if (v.get() instanceof Unknown u) return Value.unresolved(u.reason(), v.trace());
      return Value.unresolved("expected " + expected + ", found " + v.get(), v.trace());
    }
    return Value.explicit(t, v.trace());
  }

  /** The value, or the service default when absent. */
  public static <T> Value<T> or(Value<T> v, T dflt, String why) {
    return v.source() == Value.Source.DEFAULT && v.get() == null ? Value.defaulted(dflt, why) : v;
  }
}
