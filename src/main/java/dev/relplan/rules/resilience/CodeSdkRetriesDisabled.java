package dev.relplan.rules.resilience;

import dev.relplan.model.Integration;
import dev.relplan.model.Workload;
import dev.relplan.rules.*;
import dev.relplan.source.Location;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An AWS SDK client built with retries switched off: every throttle or transient error reaches the
 * caller.
 */
public final class CodeSdkRetriesDisabled extends BaseRule {
  public CodeSdkRetriesDisabled() {
    super(
        RuleMeta.builder("REL-CODE-SDK-RETRIES-DISABLED")
            .flag("RP-NO-RETRY")
            .domain(Domain.RESILIENCE)
            .title("AWS SDK client has retries disabled")
            .bestPractices("REL05-BP03")
            .impact(
                Impact.SEVERE,
                "Throttling and transient service errors, which the SDK would absorb by retrying with backoff and jitter, fail the request instead.")
            .likelihood(
                Likelihood.MEDIUM,
                "Throttling and transient 5xx responses from AWS APIs are routine under load.")
            .tier(Tier.QUICK_WIN)
            .effort("Minutes: remove the override or set a bounded retry strategy")
            .remediation(
                "Keep the SDK's default retry strategy (exponential backoff with jitter), or configure a bounded one (e.g. standard mode with 3 attempts) instead of RetryPolicy.none()/numRetries(0); make retried operations idempotent.")
            .advice(
                Fix.in(
                        Dialect.JAVA,
                        "Remove RetryPolicy.none() / numRetries(0) and keep the SDK's default retry strategy (exponential backoff with jitter), or set a bounded one; make retried operations idempotent.",
                        """
                SqsClient sqs = SqsClient.builder()
                    .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy()))
                    .build();
                """)
                    .onClient("AWS SDK for Java 2.x"),
                Fix.in(
                    Dialect.JAVA,
                    "Remove the override that disables retries and keep the SDK's default retry policy (backoff with jitter), or set a bounded maximum error retry; make retried operations idempotent.",
                    """
                ClientConfiguration config = new ClientConfiguration().withMaxErrorRetry(3);
                """),
                Fix.in(
                    Dialect.PYTHON,
                    "Remove max_attempts 0 and use botocore's standard retry mode with a bounded number of attempts; make retried operations idempotent.",
                    """
                from botocore.config import Config

                client = boto3.client("dynamodb", config=Config(retries={"max_attempts": 3, "mode": "standard"}))
                """),
                Fix.in(
                    Dialect.GO,
                    "Remove the zero-retry override and keep the SDK's standard retryer (or set a bounded retry.AddWithMaxAttempts); make retried operations idempotent.",
                    """
                cfg, err := config.LoadDefaultConfig(ctx,
                	config.WithRetryer(func() aws.Retryer {
                		return retry.AddWithMaxAttempts(retry.NewStandard(), 3)
                	}))
                """),
                Fix.in(
                    Dialect.CSHARP,
                    "Remove MaxErrorRetry = 0 from the client config and keep the SDK's default retries (or a bounded MaxErrorRetry); make retried operations idempotent.",
                    """
                var config = new AmazonDynamoDBConfig { MaxErrorRetry = 3 };
                """),
                Fix.in(
                    Dialect.JAVASCRIPT,
                    "Remove maxRetries: 0 / maxAttempts: 1 and keep the SDK's default retry strategy (or a bounded maxAttempts); make retried operations idempotent.",
                    """
                const client = new DynamoDBClient({ maxAttempts: 3 });
                """))
            .formats(InputFormat.CODE)
            .build());
  }

  @Override
  public void check(Workload w, Context ctx, Findings out) {
    // One finding per client: the retry setting belongs to where the client is built.
    Map<Location, Integration> byClient = new LinkedHashMap<>();
    for (Integration i : w.integrations) {
      if (i.kind != Integration.Kind.AWS_SDK || !i.retriesDisabled.isTrue()) continue;
      byClient.putIfAbsent(i.clientLocation != null ? i.clientLocation : i.location, i);
    }
    for (Map.Entry<Location, Integration> e : byClient.entrySet()) {
      Integration call = e.getValue();
      Integration client =
          new Integration(
              e.getKey().file(), call.enclosing, call.kind, call.client, call.language, e.getKey());
      client.target = call.target;
      out.report(
          this,
          client,
          "AWS SDK client built at " + e.getKey() + " never retries",
          "The client used by "
              + call.enclosing
              + " ("
              + call.location
              + ") disables retries: "
              + call.retry.get()
              + ". Throttling and transient errors are returned to the caller on the first attempt.",
          call.retriesDisabled);
    }
  }
}
