package dev.relplan.code.csharp;

import java.util.List;
import java.util.Map;

/**
 * TimeSpan expressions as people write them: {@code TimeSpan.FromSeconds(5)} reads "5 s";
 * InfiniteTimeSpan is none.
 */
final class CsTimeSpans {
  private static final Map<String, String> UNITS =
      Map.of("FromMilliseconds", "ms", "FromSeconds", "s", "FromMinutes", "min", "FromHours", "h");

  private CsTimeSpans() {}

  /**
   * {@code Timeout.InfiniteTimeSpan} (also fully qualified), or {@code TimeSpan.MaxValue}: no
   * timeout at all.
   */
  static boolean infinite(CsNode n) {
    if (n == null || !n.is("member_access_expression") || n.field("name") == null) return false;
    String name = n.field("name").text();
    String owner = n.field("expression") == null ? "" : n.field("expression").text();
    return name.equals("InfiniteTimeSpan")
            && (owner.equals("Timeout") || owner.endsWith(".Timeout"))
        || name.equals("MaxValue") && (owner.equals("TimeSpan") || owner.endsWith(".TimeSpan"));
  }

  /** "N unit" for TimeSpan.FromX(N), else "set from EXPR". */
  static String text(CsNode n) {
    if (n.is("invocation_expression")) {
      String m = CsFile.method(n);
      List<CsNode> args = CsFile.args(n);
      CsNode recv = CsFile.receiver(n);
      if (m != null
          && UNITS.containsKey(m)
          && recv != null
          && recv.text().endsWith("TimeSpan")
          && args.size() == 1
          && (args.get(0).is("integer_literal") || args.get(0).is("real_literal"))) {
        return args.get(0).text() + " " + UNITS.get(m);
      }
    }
    return "set from " + CsFile.shorten(n.text());
  }

  /**
   * Milliseconds written as a number (CancellationTokenSource(int), CancelAfter(int)) or a
   * TimeSpan.
   */
  static String millis(CsNode n) {
    return n.is("integer_literal") ? n.text() + " ms" : text(n);
  }

  /** Seconds written as a number (Polly's TimeoutAsync(10)) or as a TimeSpan. */
  static String seconds(CsNode n) {
    return n.is("integer_literal") || n.is("real_literal") ? n.text() + " s" : text(n);
  }
}
