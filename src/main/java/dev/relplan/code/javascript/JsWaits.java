package dev.relplan.code.javascript;

import dev.relplan.model.Value;
import dev.relplan.parse.javascript.JsFile;
import dev.relplan.parse.javascript.JsNode;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers of a JavaScript call's deadline budget: how long one attempt can wait, in seconds,
 * and how many attempts it makes (docs/client-defaults.md, "Numbers for deadline budgets
 * (JavaScript)"). One attempt is read from the call's timeout as {@link JsCalls} renders it, where
 * every literal duration is written in milliseconds.
 */
final class JsWaits {
  static final double UNBOUNDED = Double.POSITIVE_INFINITY;

  /** got retries these methods by default, and no others. */
  private static final Set<String> GOT_RETRIED =
      Set.of("get", "put", "head", "delete", "options", "trace");

  private static final Pattern MILLIS = Pattern.compile("(\\d+) ms");
  private static final Pattern REQUEST_MILLIS = Pattern.compile("request (\\d+) ms");

  private final JsFile f;

  JsWaits(JsFile f) {
    this.f = f;
  }

  /**
   * One attempt of a call from its timeout: a known absence is unbounded, a library default is
   * {@code defaultSeconds}, an explicit timeout its literal milliseconds (a request timeout bounds
   * the whole attempt; otherwise phases that {@code phasesAdd} are summed, else the first counts).
   */
  static Value<Double> attempt(Value<String> timeout, double defaultSeconds, boolean phasesAdd) {
    if (timeout.unresolved()) return Value.unresolved(timeout.note(), timeout.trace());
    if (!timeout.present())
      return Value.<Double>defaulted(UNBOUNDED, timeout.note()).withTrace(timeout.trace());
    if (!timeout.isExplicit())
      return Value.<Double>defaulted(defaultSeconds, timeout.note()).withTrace(timeout.trace());
    String text = timeout.get();
    Matcher request = REQUEST_MILLIS.matcher(text);
    if (request.find())
      return Value.explicit(Long.parseLong(request.group(1)) / 1000.0, timeout.trace());
    Matcher m = MILLIS.matcher(text);
    double sum = 0;
    boolean any = false;
    while (m.find() && (phasesAdd || !any)) {
      sum += Long.parseLong(m.group(1)) / 1000.0;
      any = true;
    }
    if (!any)
      return Value.unresolved("the timeout is " + text + ", not a literal", timeout.trace());
    return Value.explicit(sum, timeout.trace());
  }

  /** A client that makes one attempt: what does not retry, with why. */
  static Value<Integer> once(String why) {
    return Value.defaulted(1, why);
  }

  /** A literal count plus {@code first} (1 when it counts retries after the first attempt). */
  Value<Integer> count(JsNode value, int first) {
    JsNode n = value.is("shorthand_property_identifier") ? f.binding(value.text(), value) : value;
    JsNode literal = n == null ? null : f.number(n);
    List<Location> at = List.of(f.at(value));
    if (literal == null || !literal.is("number") || !literal.text().matches("[0-9_]{1,9}"))
      return Value.unresolved(
          "the retry count is set from " + JsCalls.shorten(value.text()) + ", not a number", at);
    // A call is always attempted once: a count of attempts below one (maxAttempts: 0) still sends
    // the request, and 0 attempts would make an unbounded wait look like none.
    return Value.explicit(
        Math.max(1, Integer.parseInt(literal.text().replace("_", "")) + first), at);
  }

  /** AWS SDK v2: 1 + maxRetries, 3 by default and 10 for DynamoDB. */
  Value<Integer> awsV2Attempts(JsNode maxRetries, String service) {
    if (maxRetries != null) return count(maxRetries, 1);
    boolean dynamo = service.startsWith("DynamoDB") || service.startsWith("dynamodb");
    return Value.defaulted(
        dynamo ? 11 : 4,
        "the AWS SDK for JavaScript v2 retries "
            + (dynamo ? "DynamoDB calls 10 times" : "3 times")
            + " by default (maxRetries)");
  }

  /** AWS SDK v3: maxAttempts, 3 by default (standard retry mode). */
  Value<Integer> awsV3Attempts(JsNode maxAttempts, JsNode retryStrategy) {
    if (maxAttempts != null) return count(maxAttempts, 0);
    if (retryStrategy != null)
      return Value.unresolved(
          "the retry strategy " + JsCalls.shorten(retryStrategy.text()) + " is not followed",
          List.of(f.at(retryStrategy)));
    return Value.defaulted(
        3, "the AWS SDK for JavaScript v3 makes 3 attempts by default (standard retry mode)");
  }

  /**
   * got: a number of retries or {@code { limit }}; by default 2 retries for idempotent methods and
   * none for POST and PATCH.
   */
  Value<Integer> gotAttempts(JsNode retry, String verb) {
    if (retry != null) {
      if (f.number(retry) != null) return count(retry, 1);
      JsFile.Options o = f.options(retry);
      if (o.get("limit") != null) return count(o.get("limit"), 1);
      return Value.unresolved(
          "got's retry option " + JsCalls.shorten(retry.text()) + " is not followed",
          List.of(f.at(retry)));
    }
    if (verb == null)
      return Value.unresolved("the request's method is not read, so got's retries", List.of());
    return GOT_RETRIED.contains(verb)
        ? Value.defaulted(3, "got retries " + verb.toUpperCase() + " requests twice by default")
        : once("got does not retry " + verb.toUpperCase() + " requests by default");
  }

  /** The attempts a retry wrapper adds: p-retry / async-retry {@code retries} (10 by default). */
  Value<Integer> wrapperAttempts(JsNode wrapperCall) {
    List<JsNode> args = JsFile.arguments(wrapperCall);
    JsFile.Options o = f.options(args.size() > 1 ? args.get(1) : null);
    if (o.get("retries") != null) return count(o.get("retries"), 1);
    if (!o.complete())
      return Value.unresolved(
          "the retry options come from " + JsCalls.shorten(o.unknown.get(0).text()),
          List.of(f.at(wrapperCall)));
    return Value.defaulted(11, "p-retry and async-retry retry 10 times by default");
  }

  /** axios-retry: {@code retries} (3 by default). */
  Value<Integer> axiosRetryAttempts(JsNode axiosRetryCall) {
    List<JsNode> args = JsFile.arguments(axiosRetryCall);
    JsFile.Options o = f.options(args.size() > 1 ? args.get(1) : null);
    if (o.get("retries") != null) return count(o.get("retries"), 1);
    if (!o.complete())
      return Value.unresolved(
          "the axios-retry options come from " + JsCalls.shorten(o.unknown.get(0).text()),
          List.of(f.at(axiosRetryCall)));
    return Value.defaulted(4, "axios-retry retries 3 times by default");
  }

  /** A cockatiel retry policy: {@code maxAttempts} retries after the first attempt. */
  Value<Integer> cockatielAttempts(JsNode policy) {
    List<JsNode> args = JsFile.arguments(policy);
    JsFile.Options o = f.options(args.size() > 1 ? args.get(1) : null);
    if (o.get("maxAttempts") != null) return count(o.get("maxAttempts"), 1);
    return Value.unresolved(
        "the cockatiel retry policy sets no literal maxAttempts (without it, it retries without"
            + " limit)",
        List.of(f.at(policy)));
  }

  /** The attempts of a call run inside a retry wrapper: the product of both. */
  static Value<Integer> times(Value<Integer> inner, Value<Integer> wrapper) {
    if (!inner.present() && !inner.unresolved()) return inner; // not computed for this client
    if (inner.unresolved()) return inner;
    if (wrapper.unresolved()) return wrapper;
    List<Location> trace = new ArrayList<>(inner.trace());
    for (Location l : wrapper.trace()) if (!trace.contains(l)) trace.add(l);
    int product = inner.get() * wrapper.get();
    if (inner.isExplicit() || wrapper.isExplicit()) return Value.explicit(product, trace);
    return Value.<Integer>defaulted(product, inner.note() + "; " + wrapper.note()).withTrace(trace);
  }
}
