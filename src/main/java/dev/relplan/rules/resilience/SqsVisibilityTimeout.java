package dev.relplan.rules.resilience;

import dev.relplan.model.*;
import dev.relplan.model.Queue;
import dev.relplan.rules.*;
import java.util.*;

/** SQS messages that become visible again while the function is still processing them. */
public final class SqsVisibilityTimeout extends BaseRule {
  public SqsVisibilityTimeout() {
    super(
        RuleMeta.builder("REL-SQS-VISIBILITY-TIMEOUT")
            .domain(Domain.RESILIENCE)
            .title("SQS visibility timeout is shorter than the consumer's timeout")
            .bestPractices("REL05-BP05", "REL04-BP04")
            .impact(
                Impact.MODERATE,
                "Messages are delivered again while still being processed: duplicate side effects and wasted capacity.")
            .likelihood(
                Likelihood.MEDIUM, "Any invocation slower than the visibility timeout triggers it.")
            .tier(Tier.QUICK_WIN)
            .effort(
                "Minutes: raise the queue's visibility timeout to six times the function timeout")
            .services("SQS", "Lambda")
            .remediation(
                "Set the queue's VisibilityTimeout to at least six times the consuming function's Timeout, as AWS recommends for Lambda event sources.")
            .advice(
                Fix.in(
                    Dialect.CDK_PYTHON,
                    "Set the queue construct's visibility_timeout to at least six times the consumer function's timeout (the Queue construct hides messages for 30 seconds by default).",
                    """
                sqs.Queue(
                    self, "Orders",
                    # six times the consumer's timeout of 60 seconds
                    visibility_timeout=Duration.minutes(6),
                )
                """),
                Fix.in(
                    Dialect.CDK,
                    "Set the queue construct's visibilityTimeout to at least six times the consumer function's timeout (the Queue construct hides messages for 30 seconds by default).",
                    """
                new sqs.Queue(this, 'Orders', {
                  // six times the consumer's timeout of 60 seconds
                  visibilityTimeout: cdk.Duration.minutes(6),
                });
                """),
                Fix.in(
                    Dialect.CLOUDFORMATION,
                    "Set the queue's VisibilityTimeout to at least six times the consuming function's Timeout, as AWS recommends for Lambda event sources.",
                    """
                Queue:
                  Type: AWS::SQS::Queue
                  Properties:
                    VisibilityTimeout: 180  # six times a 30-second function timeout
                """),
                Fix.in(
                        Dialect.TERRAFORM,
                        "Set the queue's visibility_timeout_seconds to at least six times the consuming function's timeout, as AWS recommends for Lambda event sources.",
                        """
                resource "aws_sqs_queue" "orders" {
                  # ...
                  visibility_timeout_seconds = 180 # six times a 30-second function timeout
                }
                """)
                    .effort(
                        "Minutes: raise visibility_timeout_seconds to six times the function timeout"),
                Fix.in(
                    Dialect.CDK_JAVA,
                    "Set the queue's visibilityTimeout to at least six times the consumer function's timeout (the Queue construct hides messages for 30 seconds by default).",
                    """
                Queue.Builder.create(this, "Orders")
                    // six times the consumer's timeout of 60 seconds
                    .visibilityTimeout(Duration.minutes(6))
                    .build();
                """))
            .formats(
                InputFormat.CLOUDFORMATION,
                InputFormat.TERRAFORM,
                InputFormat.SERVERLESS,
                InputFormat.CDK,
                InputFormat.CDK_PYTHON)
            .build());
  }

  @Override
  public void check(Workload w, Context ctx, Findings out) {
    for (EventSourceMapping m : w.all(EventSourceMapping.class)) {
      Queue q = w.resolve(m.source.get(), Queue.class);
      Resource fr = w.resolve(m.function.get());
      if (fr instanceof Alias a) fr = w.resolve(a.function.get());
      if (q == null || !(fr instanceof Function f)) continue;
      if (q.visibilityTimeout.unresolved() || f.timeoutSeconds.unresolved()) {
        out.report(this, q, "", "", q.visibilityTimeout, f.timeoutSeconds); // Cannot Determine
        continue;
      }
      if (!q.visibilityTimeout.present() || !f.timeoutSeconds.present()) continue;
      if (q.visibilityTimeout.get() < f.timeoutSeconds.get()) {
        out.report(
            this,
            q,
            "Queue " + q.id + " hides messages for less time than " + f.id + " may run",
            Property.VISIBILITY_TIMEOUT.of(q)
                + " of "
                + q.id
                + " is "
                + q.visibilityTimeout
                + " s, below the "
                + f.timeoutSeconds
                + " s "
                + Property.FUNCTION_TIMEOUT.of(f)
                + " of its consumer "
                + f.id
                + ".",
            q.visibilityTimeout,
            f.timeoutSeconds);
      }
    }
  }
}
