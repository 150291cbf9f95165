package dev.relplan.iac.terraform;

import static dev.relplan.iac.terraform.FunctionArgs.bad;
import static dev.relplan.iac.terraform.FunctionArgs.list;
import static dev.relplan.iac.terraform.FunctionArgs.need;
import static dev.relplan.iac.terraform.FunctionArgs.num;
import static dev.relplan.iac.terraform.FunctionArgs.one;
import static java.util.Map.entry;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * Terraform's numeric functions, with {@code range} and {@code sum}, which produce or fold numbers.
 */
final class NumericFunctions {
  /** Most elements {@code range} produces. */
  private static final int MAX_RANGE = 1024;

  private NumericFunctions() {}

  static Map<String, HclFunction> table() {
    return Map.ofEntries(
        entry("min", a -> extreme("min", BigDecimal::min, a)),
        entry("max", a -> extreme("max", BigDecimal::max, a)),
        entry("abs", a -> num(one(a)).abs()),
        entry("ceil", a -> num(one(a)).setScale(0, RoundingMode.CEILING)),
        entry("floor", a -> num(one(a)).setScale(0, RoundingMode.FLOOR)),
        entry("sum", NumericFunctions::sum),
        entry("range", NumericFunctions::range));
  }

  /**
   * {@code min} or {@code max}: {@code better} keeps the earlier of two equal numbers (as
   * BigDecimal's do).
   */
  private static Object extreme(String name, BinaryOperator<BigDecimal> better, List<Object> a) {
    if (a.isEmpty()) return bad(name + " needs arguments");
    BigDecimal best = null;
    for (Object o : a) {
      BigDecimal d = num(o);
      best = best == null ? d : better.apply(best, d);
    }
    return best;
  }

  private static Object sum(List<Object> a) {
    List<?> l = list(one(a));
    if (l == null) return bad("sum needs a list");
    BigDecimal total = BigDecimal.ZERO;
    for (Object o : l) total = total.add(num(o));
    return total;
  }

  private static Object range(List<Object> a) {
    need(a, 1, 3);
    BigDecimal start = a.size() == 1 ? BigDecimal.ZERO : num(a.get(0));
    BigDecimal end = num(a.get(a.size() == 1 ? 0 : 1));
    BigDecimal step =
        a.size() == 3
            ? num(a.get(2))
            : start.compareTo(end) <= 0 ? BigDecimal.ONE : BigDecimal.ONE.negate();
    if (step.signum() == 0) return bad("range step is zero");
    List<Object> out = new ArrayList<>();
    for (BigDecimal x = start;
        step.signum() > 0 ? x.compareTo(end) < 0 : x.compareTo(end) > 0;
        x = x.add(step)) {
      out.add(x);
      if (out.size() > MAX_RANGE) return bad("range too long");
    }
    return out;
  }
}
