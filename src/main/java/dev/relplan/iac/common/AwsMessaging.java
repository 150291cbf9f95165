package dev.relplan.iac.common;

import static dev.relplan.iac.common.TypedSettings.or;

import dev.relplan.model.EventSourceMapping;
import dev.relplan.model.Function;
import dev.relplan.model.Queue;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.Value;
import java.util.List;
import java.util.Set;

/**
 * Queues, Lambda functions, event source mappings and API integrations as every format that
 * declares AWS resources describes them: what is read and which service defaults apply. Each format
 * gives its own spelling of the settings.
 */
public final class AwsMessaging {
  private AwsMessaging() {}

  /** How a format spells an SQS queue's name, type, visibility timeout and redrive permission. */
  public record QueueKeys(
      String name,
      String fifo,
      String visibilityTimeout,
      String contentBasedDeduplication,
      String redriveAllowPolicy) {}

  /** How a format spells a Lambda function's name, timeout, runtime and handler. */
  public record FunctionKeys(
      String name, String timeout, String runtime, String handler, String variables) {}

  /**
   * An SQS queue with the service's defaults; whether it says which queues may use it as a
   * dead-letter queue.
   */
  public static void queue(Queue q, TypedSettings<?> p, QueueKeys keys) {
    q.name = p.str(keys.name());
    q.fifo = or(p.bool(keys.fifo()), false, "standard queue");
    q.visibilityTimeout =
        or(p.integer(keys.visibilityTimeout()), 30, "SQS default visibility timeout");
    q.contentBasedDeduplication =
        or(p.bool(keys.contentBasedDeduplication()), false, "off by default");
    boolean allow = p.has(keys.redriveAllowPolicy());
    q.declaresRedriveAllow =
        Value.explicit(
            allow, allow ? List.of(p.keyLocation(keys.redriveAllowPolicy())) : List.of());
  }

  /**
   * A Lambda function's name, timeout (3 seconds by default), dead-letter target, runtime and
   * handler.
   */
  public static void function(
      Function f, TypedSettings<?> p, FunctionKeys keys, String deadLetterTarget) {
    f.name = p.str(keys.name());
    f.timeoutSeconds =
        or(p.integer(keys.timeout()), 3, "Lambda functions time out after 3 seconds by default");
    f.deadLetterTarget = p.ref(deadLetterTarget);
    f.runtime = p.str(keys.runtime());
    f.handler = p.str(keys.handler());
    sdkRetryEnvironment(f, p, keys.variables());
  }

  /**
   * AWS_MAX_ATTEMPTS and AWS_RETRY_MODE among the environment variables at {@code variables}; a
   * variable set there replaces what the function had (a function's own environment is read after a
   * shared one, such as the Serverless Framework provider's).
   */
  public static void sdkRetryEnvironment(Function f, TypedSettings<?> p, String variables) {
    if (p.has(variables + ".AWS_MAX_ATTEMPTS"))
      f.sdkMaxAttempts = p.integer(variables + ".AWS_MAX_ATTEMPTS");
    if (p.has(variables + ".AWS_RETRY_MODE")) f.sdkRetryMode = p.str(variables + ".AWS_RETRY_MODE");
  }

  /**
   * How an event source mapping retries a failing batch: until the records expire, without
   * splitting it, unless set.
   */
  public static void retries(
      EventSourceMapping e, Value<Integer> maximumRetryAttempts, Value<Boolean> bisectOnError) {
    e.maximumRetryAttempts =
        or(maximumRetryAttempts, -1, "stream records are retried until they expire by default");
    e.bisectOnError = or(bisectOnError, false, "off by default");
  }

  /**
   * The function an integration URI points to: a direct reference, or the one resource referenced
   * inside a built ARN.
   */
  public static Value<Object> integrationFunction(TypedSettings<?> p, String uriKey) {
    Value<Object> uri = p.ref(uriKey);
    if (uri.get() instanceof ResourceRef) return uri;
    Set<ResourceRef> refs = p.refs(uriKey);
    return refs.size() == 1 ? Value.explicit(refs.iterator().next(), uri.trace()) : uri;
  }

  /** A REST API integration's timeout: 29 seconds unless set. */
  public static Value<Integer> restTimeout(Value<Integer> timeoutMillis) {
    return or(timeoutMillis, 29000, "REST API integrations time out after 29 seconds by default");
  }

  /** An HTTP API integration's timeout: 30 seconds unless set. */
  public static Value<Integer> httpTimeout(Value<Integer> timeoutMillis) {
    return or(timeoutMillis, 30000, "HTTP API integrations time out after 30 seconds by default");
  }
}
