package dev.relplan.code.java;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import dev.relplan.source.Location;
import java.util.List;

/**
 * Renders the arguments of a timeout setter: literal durations as values, anything else as the
 * expression that sets it.
 */
final class Durations {
  /**
   * A rendered timeout; {@code zero} means the value disables the timeout (0 is "no timeout" for
   * these APIs).
   */
  record Rendered(
      String text, boolean zero, String unresolved, String source, List<Location> from) {
    Rendered(String text, boolean zero) {
      this(text, zero, null, "", List.of());
    }
  }

  private Durations() {}

  /** {@code bareUnit} is the unit of a bare number for this setter (e.g. "ms"), or null. */
  static Rendered render(List<Expression> args, String bareUnit, FileContext ctx) {
    if (args.isEmpty()) return new Rendered("set", false);
    if (args.size() == 2) {
      Long n = number(args.get(0), ctx, 0);
      String unit = unitName(args.get(1));
      if (n != null && unit != null) return of(n, unit);
    }
    Expression a = args.get(0);
    Rendered spring = SpringValues.render(a, bareUnit, ctx);
    if (spring != null) return spring;
    Rendered r = single(a, bareUnit, ctx, 0);
    return r != null ? r : new Rendered("set from " + a, false);
  }

  private static Rendered single(Expression a, String bareUnit, FileContext ctx, int depth) {
    if (depth > 4) return null;
    if (a instanceof MethodCallExpr m && m.getArguments().size() == 1) {
      String unit =
          switch (m.getNameAsString()) {
            case "ofMillis", "ofMilliseconds" -> "ms";
            case "ofSeconds" -> "s";
            case "ofMinutes" -> "min";
            default -> null;
          };
      Long n = number(m.getArgument(0), ctx, depth);
      if (unit != null && n != null) return of(n, unit);
    }
    if (a instanceof FieldAccessExpr f
        && (f.getNameAsString().equals("ZERO")
            || f.getNameAsString().equals("DISABLED")
            || f.getNameAsString().equals("ZERO_MILLISECONDS"))) {
      return new Rendered("0 (disabled)", true);
    }
    Long n = number(a, ctx, depth);
    if (n != null && bareUnit != null) return of(n, bareUnit);
    if (a instanceof NameExpr name) {
      Expression init = ctx.constant(name.getNameAsString());
      if (init != null) return single(init, bareUnit, ctx, depth + 1);
    }
    return null;
  }

  private static Rendered of(long n, String unit) {
    if (n == 0) return new Rendered("0 (disabled)", true);
    if (unit.equals("ms") && n % 1000 == 0) return new Rendered(n / 1000 + " s", false);
    return new Rendered(n + " " + unit, false);
  }

  private static Long number(Expression e, FileContext ctx, int depth) {
    if (e instanceof IntegerLiteralExpr i) return i.asNumber().longValue();
    if (e instanceof LongLiteralExpr l) return l.asNumber().longValue();
    if (e instanceof NameExpr n && depth < 4) {
      Expression init = ctx.constant(n.getNameAsString());
      if (init != null) return number(init, ctx, depth + 1);
    }
    return null;
  }

  private static String unitName(Expression e) {
    String name =
        e instanceof FieldAccessExpr f
            ? f.getNameAsString()
            : e instanceof NameExpr n ? n.getNameAsString() : null;
    if (name == null) return null;
    return switch (name) {
      case "MILLISECONDS" -> "ms";
      case "SECONDS" -> "s";
      case "MINUTES" -> "min";
      default -> null;
    };
  }
}
