package dev.relplan.code.csharp;

import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import dev.relplan.source.Location;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers of a C# call's deadline budget: how long one attempt can wait, in seconds, and how
 * many attempts it makes (docs/client-defaults.md, "Numbers for deadline budgets (C#)"). One
 * attempt is read from the call's timeout as {@link CsCalls} renders it ("100 s (HttpClient default
 * Timeout)", "5000 ms (WebRequest.Timeout)"); attempts from the retry policy that wraps it.
 */
final class CsWaits {
  static final double UNBOUNDED = Double.POSITIVE_INFINITY;

  /** The HTTP clients of System.Net whose timeout bounds one attempt; none of them retries. */
  private static final Set<String> HTTP_CLIENTS =
      Set.of("HttpClient", "HttpClient (IHttpClientFactory)", "HttpWebRequest", "WebClient");

  private static final String AWS = "AWS SDK for .NET";

  /** A rendered duration at the start of a timeout ("10 s (Polly TimeoutAsync)"). */
  private static final Pattern DURATION = Pattern.compile("([0-9]+(?:\\.[0-9]+)?) (ms|s|min|h)\\b");

  /** The standard resilience handler's per-attempt timeout, as CsRegistrations renders it. */
  private static final Pattern PER_ATTEMPT = Pattern.compile("([0-9]+) s per attempt");

  private static final Pattern MAX_ERROR_RETRY = Pattern.compile("^MaxErrorRetry = ([0-9]{1,4})$");

  private static final Map<String, Double> UNIT_SECONDS =
      Map.of("ms", 0.001, "s", 1.0, "min", 60.0, "h", 3600.0);

  /**
   * Polly v8's RetryStrategyOptions.MaxRetryAttempts default (Polly docs, "Retry resilience
   * strategy"): 3 retries.
   */
  private static final int POLLY_V8_RETRIES = 3;

  /**
   * AWS SDK for .NET: MaxErrorRetry is 4 in the legacy retry mode, the default of SDK v3
   * (ClientConfig .MaxErrorRetry reference).
   */
  private static final int AWS_LEGACY_ATTEMPTS = 5;

  private CsWaits() {}

  /** Fills the budget numbers of an HTTP or AWS SDK call that has none yet. */
  static void apply(Integration i) {
    boolean http = HTTP_CLIENTS.contains(i.client);
    if (!http && !AWS.equals(i.client)) return;
    if (!i.attemptSeconds.present() && !i.attemptSeconds.unresolved())
      i.attemptSeconds = attempt(i.timeout);
    if (i.attempts.present() || i.attempts.unresolved()) return;
    if (AWS.equals(i.client)) i.attempts = awsAttempts(i);
    else if (i.retry.present())
      i.attempts =
          Value.unresolved(
              "the attempts of " + i.retry.get() + " are not a literal count", i.retry.trace());
    else i.attempts = Value.defaulted(1, i.client + " does not retry by itself");
  }

  /** One attempt from a timeout: a known absence is unbounded; else its literal duration. */
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

  /**
   * The seconds of a rendered timeout: the per-attempt timeout of a resilience handler, else the
   * duration it starts with; null when it is set from an expression.
   */
  static Double seconds(String rendered) {
    Matcher perAttempt = PER_ATTEMPT.matcher(rendered);
    if (perAttempt.find()) return Double.parseDouble(perAttempt.group(1));
    Matcher m = DURATION.matcher(rendered);
    if (!m.lookingAt()) return null;
    return Double.parseDouble(m.group(1)) * UNIT_SECONDS.get(m.group(2));
  }

  /**
   * AWS SDK for .NET: MaxErrorRetry n makes n + 1 attempts, 0 one; unset, the legacy mode's 4
   * retries (AWS_MAX_ATTEMPTS / AWS_RETRY_MODE of the function can change that, see
   * SdkRetryEnvironment).
   */
  static Value<Integer> awsAttempts(Integration i) {
    Value<String> retry = i.retry;
    if (retry.unresolved()) return Value.unresolved(retry.note(), retry.trace());
    if (i.retriesDisabled.isTrue()) return Value.explicit(1, retry.trace());
    if (!retry.isExplicit())
      return Value.defaulted(
          AWS_LEGACY_ATTEMPTS,
          "the AWS SDK for .NET v3 retries 4 times (legacy retry mode) unless AWS_MAX_ATTEMPTS or"
              + " AWS_RETRY_MODE says otherwise");
    Matcher m = MAX_ERROR_RETRY.matcher(retry.get());
    return m.find()
        ? Value.explicit(Integer.parseInt(m.group(1)) + 1, retry.trace())
        : Value.unresolved(retry.get() + " is not a literal count", retry.trace());
  }

  /**
   * The attempts of a Polly retry strategy built by {@code call}: v7's {@code Retry(n)} / {@code
   * WaitAndRetry(n, ...)} make n + 1 ({@code Retry()} 2); v8's {@code AddRetry} with a literal
   * {@code MaxRetryAttempts}, or 3 retries by default. Anything else is unresolved.
   */
  static Value<Integer> pollyAttempts(CsFile f, CsNode call, String method) {
    List<Location> at = List.of(f.at(call));
    List<CsNode> args = CsFile.args(call);
    if (method.contains("Forever"))
      return Value.unresolved("Polly " + method + " retries without limit", at);
    if (method.equals("AddRetry")) return v8Attempts(f, args, at);
    if (args.isEmpty())
      return method.startsWith("Retry")
          ? Value.explicit(2, at)
          : Value.unresolved("Polly " + method + " has no retry count", at);
    return count(args.get(0), at);
  }

  private static Value<Integer> v8Attempts(CsFile f, List<CsNode> args, List<Location> at) {
    if (args.size() != 1) return Value.unresolved("AddRetry's options are not followed", at);
    CsNode options = f.origin(args.get(0));
    String type = options == null ? null : CsFile.created(options);
    if (type == null || !type.contains("RetryStrategyOptions"))
      return Value.unresolved(
          "AddRetry's options (" + CsFile.shorten(args.get(0).text()) + ") are not followed", at);
    CsNode max = CsFile.initializer(options).get("MaxRetryAttempts");
    if (max == null)
      return Value.<Integer>defaulted(
              POLLY_V8_RETRIES + 1, "Polly's RetryStrategyOptions retries 3 times by default")
          .withTrace(at);
    return count(max, List.of(f.at(max)));
  }

  private static Value<Integer> count(CsNode n, List<Location> at) {
    String text = n.text().replace("_", "");
    if (!n.is("integer_literal") || text.length() > 6)
      return Value.unresolved(
          "the retry count is set from " + CsFile.shorten(n.text()) + ", not a number", at);
    return Value.explicit(Integer.parseInt(text) + 1, at);
  }
}
