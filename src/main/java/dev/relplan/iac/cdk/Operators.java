package dev.relplan.iac.cdk;

import java.math.BigDecimal;
import java.util.Objects;

/** The binary operators of TypeScript over known values: comparison, logic and arithmetic. */
final class Operators {
  private Operators() {}

  /** The result, or null when the operator or its operand types are not evaluated. */
  static Object apply(String operator, Object left, Object right) {
    return switch (operator) {
      case "===", "==" -> same(left, right);
      case "!==", "!=" -> !same(left, right);
      case "&&" -> truthy(left) ? right : left;
      case "||" -> truthy(left) ? left : right;
      case "+" ->
          left instanceof BigDecimal a && right instanceof BigDecimal b
              ? a.add(b)
              : left instanceof String || right instanceof String
                  ? String.valueOf(left) + right
                  : null;
      case "-" ->
          left instanceof BigDecimal a && right instanceof BigDecimal b ? a.subtract(b) : null;
      case "*" ->
          left instanceof BigDecimal a && right instanceof BigDecimal b ? a.multiply(b) : null;
      case ">", "<", ">=", "<=" -> compare(operator, left, right);
      default -> null;
    };
  }

  private static boolean same(Object left, Object right) {
    if (left instanceof BigDecimal a && right instanceof BigDecimal b) return a.compareTo(b) == 0;
    return Objects.equals(left, right);
  }

  private static Boolean compare(String operator, Object left, Object right) {
    if (!(left instanceof BigDecimal a) || !(right instanceof BigDecimal b)) return null;
    int c = a.compareTo(b);
    return switch (operator) {
      case ">" -> c > 0;
      case "<" -> c < 0;
      case ">=" -> c >= 0;
      default -> c <= 0;
    };
  }

  /** JavaScript truthiness of a known primitive value. */
  static boolean truthy(Object value) {
    if (value == null) return false;
    if (value instanceof Boolean b) return b;
    if (value instanceof BigDecimal d) return d.signum() != 0;
    if (value instanceof String s) return !s.isEmpty();
    return true;
  }
}
