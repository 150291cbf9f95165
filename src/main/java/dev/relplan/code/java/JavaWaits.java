package dev.relplan.code.java;

import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers of a Java call's deadline budget: how long one attempt can wait, in seconds, and how
 * many attempts it makes (docs/client-defaults.md, "Numbers for deadline budgets (Java, JavaScript,
 * Go)"). One attempt is read from the call's timeout as {@link CallSites} renders it ("5 s read
 * timeout", "500 ms request timeout").
 */
final class JavaWaits {
  static final double UNBOUNDED = Double.POSITIVE_INFINITY;

  /** The AWS SDK for Java 2.x's HTTP client: connect 2 s, socket read 30 s. */
  static final double AWS_V2_CONNECT = 2;

  static final double AWS_V2_DEFAULT = AWS_V2_CONNECT + 30;

  /** The AWS SDK for Java 1.x: connect 10 s, socket read 50 s. */
  static final double AWS_V1_DEFAULT = 10 + 50;

  /** OkHttp: connect, write and read 10 s each, no call timeout. */
  static final double OKHTTP_DEFAULT = 30;

  private static final Pattern DURATION = Pattern.compile("(\\d+) (ms|s|min)\\b");
  private static final Pattern RETRY_COUNT = Pattern.compile("^(\\w+)\\((\\d+)\\)$");
  private static final Pattern RETRYABLE_ATTEMPTS = Pattern.compile("maxAttempts = (\\d+)\\)");

  private JavaWaits() {}

  /**
   * One attempt from a timeout: a known absence is unbounded, a library default is {@code
   * defaultSeconds} (null: not computed), an explicit timeout its literal duration plus {@code
   * added} seconds (phases it does not bound, such as connecting).
   */
  static Value<Double> attempt(Value<String> timeout, Double defaultSeconds, double added) {
    if (timeout.unresolved()) return Value.unresolved(timeout.note(), timeout.trace());
    if (!timeout.present())
      return Value.<Double>defaulted(UNBOUNDED, timeout.note()).withTrace(timeout.trace());
    if (!timeout.isExplicit())
      return defaultSeconds == null
          ? Value.absent()
          : Value.<Double>defaulted(defaultSeconds, timeout.note()).withTrace(timeout.trace());
    Double seconds = seconds(timeout.get());
    if (seconds == null)
      return Value.unresolved(
          "the timeout (" + timeout.get() + ") is not a literal duration", timeout.trace());
    return Value.explicit(seconds + added, timeout.trace());
  }

  /** The first literal duration in a rendered timeout, in seconds; null when there is none. */
  static Double seconds(String rendered) {
    Matcher m = DURATION.matcher(rendered);
    if (!m.find()) return null;
    double n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> n / 1000;
      case "min" -> n * 60;
      default -> n;
    };
  }

  static Value<Integer> once(String why) {
    return Value.defaulted(1, why);
  }

  /**
   * Attempts of an AWS SDK client from its retry setting: disabled 1, {@code numRetries(n)} n + 1,
   * {@code maxAttempts(n)} n, the SDK's default otherwise ({@code defaultAttempts}, with why).
   */
  static Value<Integer> awsAttempts(Integration i, int defaultAttempts, String why) {
    Value<String> retry = i.retry;
    if (retry.unresolved()) return Value.unresolved(retry.note(), retry.trace());
    if (i.retriesDisabled.isTrue()) return Value.explicit(1, retry.trace());
    if (!retry.isExplicit()) return Value.defaulted(defaultAttempts, why);
    Matcher m = RETRY_COUNT.matcher(retry.get());
    if (!m.find())
      return Value.unresolved(
          "the retry setting " + retry.get() + " is not a literal count", retry.trace());
    int n = Integer.parseInt(m.group(2));
    boolean countsRetries = !m.group(1).equals("maxAttempts");
    return Value.explicit(countsRetries ? n + 1 : n, retry.trace());
  }

  /**
   * After resilience libraries were applied: a retry they added multiplies the attempts (Spring
   * {@code @Retryable}'s literal or default maxAttempts; other libraries' counts live in
   * configuration the scanner does not read), and a timeout they set decides one attempt.
   */
  static void wrapped(Integration i, Value<String> retryBefore, Value<String> timeoutBefore) {
    if (i.timeout != timeoutBefore && i.attemptSeconds.present())
      i.attemptSeconds =
          attempt(
              i.timeout,
              // Resilience4j's default time limit is a number the wait can be computed from
              i.timeout.present()
                      && i.timeout.get().equals(Resilience4jInstances.TIME_LIMITER_DEFAULT)
                  ? 1.0
                  : null,
              0);
    if (i.retry == retryBefore || !i.attempts.present()) return;
    Value<Integer> wrapper = wrapperAttempts(i.retry);
    if (wrapper.unresolved()) {
      i.attempts = wrapper;
      return;
    }
    List<Location> trace = new ArrayList<>(i.attempts.trace());
    for (Location l : wrapper.trace()) if (!trace.contains(l)) trace.add(l);
    i.attempts = Value.explicit(i.attempts.get() * wrapper.get(), trace);
  }

  private static Value<Integer> wrapperAttempts(Value<String> retry) {
    String text = retry.get();
    Matcher m = RETRYABLE_ATTEMPTS.matcher(text);
    if ((text.startsWith("Spring @Retryable") || text.startsWith("Resilience4j @Retry ("))
        && m.find()) return Value.explicit(Integer.parseInt(m.group(1)), retry.trace());
    if (text.startsWith("Spring @Retryable") && text.contains("the default"))
      return Value.explicit(3, retry.trace());
    return Value.unresolved(
        text + " sets its attempts in configuration the scanner does not read", retry.trace());
  }
}
