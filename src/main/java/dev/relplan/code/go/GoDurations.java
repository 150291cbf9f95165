package dev.relplan.code.go;

import java.util.Map;

/** time.Duration expressions as people write them: {@code 5 * time.Second} reads "5 s". */
final class GoDurations {
  private static final Map<String, String> UNITS =
      Map.of(
          "Nanosecond",
          "ns",
          "Microsecond",
          "µs",
          "Millisecond",
          "ms",
          "Second",
          "s",
          "Minute",
          "min",
          "Hour",
          "h");

  private GoDurations() {}

  /**
   * The duration as "N unit", or "set from EXPR" when it is not a literal product of a number and a
   * time unit.
   */
  static String text(GoFile f, GoNode d) {
    String t = literal(f, d, 0);
    return t != null ? t : "set from " + GoFile.shorten(d.text());
  }

  /** Whether the duration is a literal zero (no timeout for http.Client). */
  static boolean zero(GoNode d) {
    return d.is("int_literal") && d.text().equals("0");
  }

  private static String literal(GoFile f, GoNode d, int depth) {
    if (depth > 4) return null;
    String unit = unit(f, d);
    if (unit != null) return "1 " + unit;
    if (d.is("parenthesized_expression") && d.children.size() == 1)
      return literal(f, d.children.get(0), depth + 1);
    if (d.is("identifier")) {
      GoNode bound = f.binding(d.text(), d);
      return bound == null ? null : literal(f, bound, depth + 1);
    }
    if (!d.is("binary_expression")) return null;
    GoNode l = d.field("left");
    GoNode r = d.field("right");
    if (l == null || r == null || !d.text().contains("*")) return null;
    String n = number(l);
    String u = unit(f, r);
    if (n == null || u == null) {
      n = number(r);
      u = unit(f, l);
    }
    return n == null || u == null ? null : n + " " + u;
  }

  private static String unit(GoFile f, GoNode n) {
    String q = f.qualify(n);
    return q != null && q.startsWith("time.") ? UNITS.get(GoFile.memberOf(q)) : null;
  }

  /** A number literal, also inside a {@code time.Duration(n)} conversion. */
  private static String number(GoNode n) {
    if (n.is("int_literal") || n.is("float_literal")) return n.text();
    if (n.is("call_expression")
        && n.field("function") != null
        && n.field("function").text().equals("time.Duration")) {
      var args = GoFile.args(n);
      return args.size() == 1 ? number(args.get(0)) : null;
    }
    return null;
  }
}
