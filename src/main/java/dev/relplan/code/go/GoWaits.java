package dev.relplan.code.go;

import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers of a Go call's deadline budget: how long one attempt can wait, in seconds, and how
 * many attempts it makes (docs/client-defaults.md, "Numbers for deadline budgets (Java, JavaScript,
 * Go)"). One attempt is read from the call's timeout as {@link GoCalls} renders it ("5 s
 * (http.Client.Timeout)", "2 s (context.WithTimeout)").
 */
final class GoWaits {
  static final double UNBOUNDED = Double.POSITIVE_INFINITY;

  private static final Pattern DURATION = Pattern.compile("([0-9.]+) (ns|µs|ms|s|min|h)\\b");
  private static final Pattern MAX_ATTEMPTS = Pattern.compile("^RetryMaxAttempts (\\d+)$");

  /** retry-go's default number of attempts. */
  private static final int RETRY_GO_ATTEMPTS = 10;

  private GoWaits() {}

  /** One attempt from a timeout: a known absence is unbounded; explicit, its literal duration. */
  static Value<Double> attempt(Value<String> timeout) {
    if (timeout.unresolved()) return Value.unresolved(timeout.note(), timeout.trace());
    if (!timeout.present())
      return Value.<Double>defaulted(UNBOUNDED, timeout.note()).withTrace(timeout.trace());
    Double seconds = seconds(timeout.get());
    if (seconds == null)
      return Value.unresolved(
          "the timeout (" + timeout.get() + ") is not a literal duration", timeout.trace());
    return timeout.isExplicit()
        ? Value.explicit(seconds, timeout.trace())
        : Value.<Double>defaulted(seconds, timeout.note()).withTrace(timeout.trace());
  }

  /** The first literal duration of a rendered timeout, in seconds; null when there is none. */
  static Double seconds(String rendered) {
    Matcher m = DURATION.matcher(rendered);
    if (!m.find()) return null;
    double n;
    try {
      n = Double.parseDouble(m.group(1));
    } catch (NumberFormatException e) {
      return null;
    }
    return switch (m.group(2)) {
      case "ns" -> n / 1e9;
      case "µs" -> n / 1e6;
      case "ms" -> n / 1000;
      case "min" -> n * 60;
      case "h" -> n * 3600;
      default -> n;
    };
  }

  /**
   * aws-sdk-go-v2: RetryMaxAttempts n, 1 when disabled, 3 by default (standard retryer); a custom
   * retryer is not followed.
   */
  static Value<Integer> awsAttempts(Integration i) {
    Value<String> retry = i.retry;
    if (retry.unresolved()) return Value.unresolved(retry.note(), retry.trace());
    if (i.retriesDisabled.isTrue()) return Value.explicit(1, retry.trace());
    if (!retry.isExplicit())
      return Value.defaulted(
          3,
          "aws-sdk-go-v2's standard retryer makes 3 attempts, unless AWS_MAX_ATTEMPTS says"
              + " otherwise");
    Matcher m = MAX_ATTEMPTS.matcher(retry.get());
    return m.find()
        ? Value.explicit(Integer.parseInt(m.group(1)), retry.trace())
        : Value.unresolved(retry.get() + " is not followed to its attempts", retry.trace());
  }

  /** retry-go's attempts: a literal {@code retry.Attempts(n)} among the options, else 10. */
  static Value<Integer> retryGoAttempts(GoFile f, GoNode wrapper) {
    List<Location> at = List.of(f.at(wrapper));
    for (GoNode option : GoFile.args(wrapper)) {
      if (!option.is("call_expression") || option.field("function") == null) continue;
      String name = option.field("function").text();
      if (!name.endsWith(".Attempts")) continue;
      List<GoNode> args = GoFile.args(option);
      if (args.size() == 1 && args.get(0).is("int_literal") && !args.get(0).text().equals("0"))
        return Value.explicit(Integer.parseInt(args.get(0).text()), List.of(f.at(option)));
      return Value.unresolved(
          "retry-go's attempts are set from " + GoFile.shorten(option.text()), at);
    }
    return Value.defaulted(RETRY_GO_ATTEMPTS, "retry-go makes 10 attempts by default");
  }

  /** The attempts of a call run inside a retry wrapper: the product of both. */
  static Value<Integer> times(Value<Integer> inner, Value<Integer> wrapper) {
    if (!inner.present()) return inner;
    if (wrapper.unresolved()) return wrapper;
    List<Location> trace = new ArrayList<>(inner.trace());
    for (Location l : wrapper.trace()) if (!trace.contains(l)) trace.add(l);
    int product = inner.get() * wrapper.get();
    if (inner.isExplicit() || wrapper.isExplicit()) return Value.explicit(product, trace);
    return Value.<Integer>defaulted(product, inner.note() + "; " + wrapper.note()).withTrace(trace);
  }
}
