package dev.relplan.iac.terraform;

import dev.relplan.iac.terraform.TfValues.Err;
import dev.relplan.model.Unknown;
import java.math.BigDecimal;
import java.util.List;

/** Argument checks and conversions shared by the built-in functions. */
final class FunctionArgs {
  /** Most elements a function builds into one list. */
  static final int MAX_ITEMS = 100_000;

  private FunctionArgs() {}

  /** The only argument of a one-argument function. */
  static Object one(List<Object> a) {
    need(a, 1, 1);
    return a.get(0);
  }

  static void need(List<Object> a, int min, int max) {
    if (a.size() < min || a.size() > max)
      throw new IllegalArgumentException("wrong number of arguments");
  }

  /**
   * Throws (as a function error) when text of {@code length} characters would pass the longest
   * string evaluation builds: called with the predicted length before the text is built.
   */
  static void fits(long length) {
    if (length > Evaluator.MAX_STRING)
      throw new IllegalArgumentException(
          "result longer than " + Evaluator.MAX_STRING + " characters");
  }

  static Object bad(String why) {
    return new Err(why);
  }

  /** The value's own unknown when it is known only after apply, else an error. */
  static Object unknownIfRef(Object o, String why) {
    Unknown u = Evaluator.unknownOf(o);
    return u != null ? u : new Err(why);
  }

  static List<?> list(Object o) {
    return o instanceof List<?> l ? l : null;
  }

  static String str(Object o) {
    String s = TfValues.str(o);
    if (s == null)
      throw new IllegalArgumentException("expected a string, found a " + TfValues.typeName(o));
    return s;
  }

  static BigDecimal num(Object o) {
    BigDecimal d = TfValues.number(o);
    if (d == null)
      throw new IllegalArgumentException("expected a number, found " + TfValues.typeName(o));
    return d;
  }

  static int integer(Object o) {
    return num(o).intValueExact();
  }
}
