package dev.relplan.model;

import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A model attribute with its provenance: the value itself, whether it was set explicitly, is the
 * documented default of the service, or could not be resolved, and the trace of locations that
 * decided it (the attribute line first, then where its value was set, e.g. a parameter default).
 */
public final class Value<T> {
  public enum Source {
    EXPLICIT,
    DEFAULT,
    UNRESOLVED
  }

  private final T value;
  private final Source source;
  private final List<Location> trace;
  private final String note;

  private Value(T value, Source source, List<Location> trace, String note) {
    this.value = value;
    this.source = source;
    this.trace = List.copyOf(trace);
    this.note = note;
  }

  public static <T> Value<T> explicit(T value, List<Location> trace) {
    return new Value<>(value, Source.EXPLICIT, trace, null);
  }

  /** The service's documented default, applied because the attribute is absent. */
  public static <T> Value<T> defaulted(T value, String why) {
    return new Value<>(value, Source.DEFAULT, List.of(), why);
  }

  public static <T> Value<T> unresolved(String reason, List<Location> trace) {
    return new Value<>(null, Source.UNRESOLVED, trace, reason);
  }

  /** Absent with no default: the attribute is simply not set (a null value, known to be unset). */
  public static <T> Value<T> absent() {
    return new Value<>(null, Source.DEFAULT, List.of(), "not set");
  }

  public boolean known() {
    return source != Source.UNRESOLVED;
  }

  public boolean unresolved() {
    return source == Source.UNRESOLVED;
  }

  /** Known and not null. */
  public boolean present() {
    return known() && value != null;
  }

  public boolean isExplicit() {
    return source == Source.EXPLICIT;
  }

  public T get() {
    return value;
  }

  public T orElse(T other) {
    return value == null ? other : value;
  }

  public Source source() {
    return source;
  }

  public List<Location> trace() {
    return trace;
  }

  /** Why a default applies, or why the value is unresolved. */
  public String note() {
    return note;
  }

  public <R> Value<R> map(Function<T, R> f) {
    if (!present()) return new Value<>(null, source, trace, note);
    return new Value<>(f.apply(value), source, trace, note);
  }

  /** The same value with more locations appended to its trace. */
  public Value<T> withTrace(List<Location> more) {
    List<Location> t = new ArrayList<>(trace);
    for (Location l : more) if (!t.contains(l)) t.add(l);
    return new Value<>(value, source, t, note);
  }

  public boolean isTrue() {
    return present() && Boolean.TRUE.equals(value);
  }

  public boolean isFalse() {
    return present() && Boolean.FALSE.equals(value);
  }

  @Override
  public String toString() {
    return switch (source) {
      case UNRESOLVED -> "unresolved (" + note + ")";
      case DEFAULT -> value == null ? "not set" : value + " (default)";
      case EXPLICIT -> String.valueOf(value);
    };
  }
}
