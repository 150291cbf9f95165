package dev.relplan.rules.faulttolerance;

import dev.relplan.model.*;
import dev.relplan.model.Queue;
import dev.relplan.rules.*;
import java.util.*;

/**
 * Asynchronous deliveries that drop or endlessly retry messages when processing fails: Lambda
 * asynchronous invocations, SQS queues, EventBridge targets, SNS subscriptions and stream mappings.
 */
public final class AsyncNoDlq extends BaseRule {
  public AsyncNoDlq() {
    super(
        RuleMeta.builder("REL-ASYNC-NO-DLQ")
            .flag("FT-MISSING-DLQ")
            .domain(Domain.FAULT_TOLERANCE)
            .title("Asynchronous processing has no dead-letter queue or failure destination")
            .bestPractices("REL04-BP02", "REL05-BP04")
            .impact(
                Impact.SEVERE,
                "Events that keep failing are silently discarded after the retries (data loss), or block the queue or shard behind them.")
            .likelihood(
                Likelihood.MEDIUM,
                "One malformed message or one failed downstream dependency is enough.")
            .tier(Tier.QUICK_WIN)
            .effort("Hours: add a DLQ or an on-failure destination and an alarm on it")
            .services("SQS", "Lambda", "EventBridge", "SNS")
            .remediation(
                "Give every SQS queue a RedrivePolicy to a dead-letter queue, every asynchronously invoked function an OnFailure destination or DeadLetterConfig, every EventBridge target and SNS subscription a DeadLetterConfig/RedrivePolicy, and every stream event source mapping an OnFailure destination with bounded retries; alarm on dead-letter queue depth.")
            .advice(
                Fix.in(
                        Dialect.CDK_PYTHON,
                        "Give the queue construct a dead_letter_queue (a second sqs.Queue and a max_receive_count), and alarm on the dead-letter queue's metric_approximate_number_of_messages_visible().",
                        """
                failed = sqs.Queue(self, "OrdersDlq", retention_period=Duration.days(14))
                sqs.Queue(
                    self, "Orders",
                    # ...
                    dead_letter_queue=sqs.DeadLetterQueue(queue=failed, max_receive_count=5),
                )
                """)
                    .on("AWS::SQS::Queue")
                    .involving("SQS", "CloudWatch"),
                Fix.in(
                        Dialect.CDK_PYTHON,
                        "Give the stream event source an on_failure destination and bounded retries: on_failure (an SqsDlq or SnsDlq), retry_attempts and bisect_batch_on_error.",
                        """
                fn.add_event_source(DynamoEventSource(
                    table,
                    starting_position=lambda_.StartingPosition.TRIM_HORIZON,
                    retry_attempts=3,
                    bisect_batch_on_error=True,
                    on_failure=SqsDlq(failed_records),
                ))
                """)
                    .on("AWS::Lambda::EventSourceMapping")
                    .involving("Lambda", "SQS"),
                Fix.in(
                        Dialect.CDK_PYTHON,
                        "Give the asynchronously invoked function a dead_letter_queue (or dead_letter_queue_enabled=True) so events that fail every retry are kept, and alarm on its depth.",
                        """
                lambda_.Function(
                    self, "Worker",
                    # ...
                    dead_letter_queue=failures,
                )
                """)
                    .on("AWS::Lambda::Function")
                    .involving("Lambda", "SQS"),
                Fix.in(
                        Dialect.CDK,
                        "Give the queue construct a deadLetterQueue (a second sqs.Queue and a maxReceiveCount), and alarm on the dead-letter queue's metricApproximateNumberOfMessagesVisible().",
                        """
                const failed = new sqs.Queue(this, 'OrdersDlq', {
                  retentionPeriod: cdk.Duration.days(14),
                });
                const orders = new sqs.Queue(this, 'Orders', {
                  // ...
                  deadLetterQueue: { queue: failed, maxReceiveCount: 5 },
                });
                """)
                    .on("AWS::SQS::Queue")
                    .involving("SQS", "CloudWatch"),
                Fix.in(
                        Dialect.CDK,
                        "Give the stream event source an onFailure destination and bounded retries: onFailure (an SqsDlq or SnsDlq), retryAttempts and bisectBatchOnError in the event source's props.",
                        """
                fn.addEventSource(new DynamoEventSource(table, {
                  startingPosition: lambda.StartingPosition.TRIM_HORIZON,
                  retryAttempts: 3,
                  bisectBatchOnError: true,
                  onFailure: new SqsDlq(failedRecords),
                }));
                """)
                    .on("AWS::Lambda::EventSourceMapping")
                    .involving("Lambda", "SQS"),
                Fix.in(
                        Dialect.CDK,
                        "Give the asynchronously invoked function an onFailure destination (or a deadLetterQueue) so events that fail every retry are kept, and alarm on its depth.",
                        """
                new NodejsFunction(this, 'Handler', {
                  // ...
                  onFailure: new destinations.SqsDestination(failures),
                });
                """)
                    .on("AWS::Lambda::Function")
                    .involving("Lambda", "SQS"),
                Fix.in(
                        Dialect.CDK,
                        "Give each target of the rule a deadLetterQueue and retryAttempts in the target's props, so events EventBridge cannot deliver are kept.",
                        """
                rule.addTarget(new targets.SqsQueue(orders, {
                  deadLetterQueue: ruleFailures,
                  retryAttempts: 2,
                }));
                """)
                    .on("AWS::Events::Rule")
                    .involving("EventBridge", "SQS"),
                Fix.in(
                        Dialect.SERVERLESS,
                        "Give the function's stream event a failure destination and bounded retries in serverless.yml: destinations.onFailure (an SQS queue or SNS topic, with its type), maximumRetryAttempts and bisectBatchOnFunctionError under the stream event, and alarm on the destination's depth.",
                        """
                functions:
                  projectOrder:
                    handler: src/project.handler
                    events:
                      - stream:
                          type: kinesis
                          arn: !GetAtt OrderEvents.Arn
                          maximumRetryAttempts: 3
                          bisectBatchOnFunctionError: true
                          destinations:
                            onFailure:
                              type: sqs
                              arn: !GetAtt FailedRecords.Arn
                """)
                    .on("AWS::Lambda::EventSourceMapping")
                    .involving("Lambda", "SQS"),
                Fix.in(
                        Dialect.SERVERLESS,
                        "Keep the function's failed asynchronous events in serverless.yml: destinations.onFailure on the function (an SQS queue, SNS topic, EventBridge bus or function, with its type) or onError (a dead-letter SNS topic or SQS queue), with maximumRetryAttempts, and alarm on the destination's depth.",
                        """
                functions:
                  notify:
                    handler: src/notify.handler
                    maximumRetryAttempts: 2
                    destinations:
                      onFailure:
                        type: sqs
                        arn: !GetAtt NotifyFailures.Arn
                """)
                    .on("AWS::Lambda::Function")
                    .involving("Lambda", "SQS"),
                Fix.in(
                        Dialect.SAM,
                        "Give the event source a failure destination and bounded retries in the function's event: DestinationConfig OnFailure Destination, MaximumRetryAttempts and BisectBatchOnFunctionError under the event's Properties.",
                        """
                Events:
                  Stream:
                    Type: Kinesis
                    Properties:
                      Stream: !GetAtt Stream.Arn
                      StartingPosition: LATEST
                      MaximumRetryAttempts: 3
                      BisectBatchOnFunctionError: true
                      DestinationConfig:
                        OnFailure:
                          Destination: !GetAtt FailedRecords.Arn
                """)
                    .on("AWS::Lambda::EventSourceMapping")
                    .involving("Lambda", "SQS"),
                Fix.in(
                        Dialect.SAM,
                        "Give the SNS event's subscription a dead-letter queue: RedrivePolicy with deadLetterTargetArn under the event's Properties (and a queue policy allowing SNS to send to it).",
                        """
                Events:
                  Orders:
                    Type: SNS
                    Properties:
                      Topic: !Ref OrdersTopic
                      RedrivePolicy:
                        deadLetterTargetArn: !GetAtt OrdersDlq.Arn
                """)
                    .on("AWS::SNS::Subscription")
                    .involving("SNS", "SQS"),
                Fix.in(
                        Dialect.SAM,
                        "Give the EventBridge or schedule event a dead-letter queue and a retry policy: DeadLetterConfig and RetryPolicy under the event's Properties.",
                        """
                Events:
                  Nightly:
                    Type: Schedule
                    Properties:
                      Schedule: cron(0 2 * * ? *)
                      DeadLetterConfig:
                        Type: SQS
                      RetryPolicy:
                        MaximumRetryAttempts: 2
                """)
                    .on("AWS::Events::Rule")
                    .involving("EventBridge", "SQS"),
                Fix.in(
                        Dialect.SAM,
                        "Give the asynchronously invoked function an on-failure destination (EventInvokeConfig DestinationConfig OnFailure) or a DeadLetterQueue, and alarm on its depth.",
                        """
                Function:
                  Type: AWS::Serverless::Function
                  Properties:
                    EventInvokeConfig:
                      MaximumRetryAttempts: 2
                      DestinationConfig:
                        OnFailure:
                          Type: SQS
                          Destination: !GetAtt FunctionDlq.Arn
                """)
                    .on("AWS::Serverless::Function")
                    .involving("Lambda", "SQS"),
                Fix.in(
                        Dialect.CLOUDFORMATION,
                        "Give the queue a RedrivePolicy to a dead-letter queue (deadLetterTargetArn, maxReceiveCount) and alarm on the dead-letter queue's ApproximateNumberOfMessagesVisible.",
                        """
                Queue:
                  Type: AWS::SQS::Queue
                  Properties:
                    RedrivePolicy:
                      deadLetterTargetArn: !GetAtt QueueDlq.Arn
                      maxReceiveCount: 5
                """)
                    .on("AWS::SQS::Queue")
                    .involving("SQS", "CloudWatch"),
                Fix.in(
                        Dialect.CLOUDFORMATION,
                        "Give the event source mapping an on-failure destination and bounded retries: DestinationConfig OnFailure Destination, MaximumRetryAttempts and BisectBatchOnFunctionError.",
                        """
                Mapping:
                  Type: AWS::Lambda::EventSourceMapping
                  Properties:
                    MaximumRetryAttempts: 3
                    BisectBatchOnFunctionError: true
                    DestinationConfig:
                      OnFailure:
                        Destination: !GetAtt FailedRecords.Arn
                """)
                    .on("AWS::Lambda::EventSourceMapping")
                    .involving("Lambda", "SQS"),
                Fix.in(
                        Dialect.CLOUDFORMATION,
                        "Give the subscription a dead-letter queue: RedrivePolicy with deadLetterTargetArn (and a queue policy allowing SNS to send to it).",
                        """
                Subscription:
                  Type: AWS::SNS::Subscription
                  Properties:
                    RedrivePolicy:
                      deadLetterTargetArn: !GetAtt SubscriptionDlq.Arn
                """)
                    .on("AWS::SNS::Subscription")
                    .involving("SNS", "SQS"),
                Fix.in(
                        Dialect.CLOUDFORMATION,
                        "Give each target of the rule a DeadLetterConfig Arn and a RetryPolicy, so events EventBridge cannot deliver are kept.",
                        """
                Targets:
                  - Id: worker
                    Arn: !GetAtt Worker.Arn
                    DeadLetterConfig:
                      Arn: !GetAtt RuleDlq.Arn
                    RetryPolicy:
                      MaximumRetryAttempts: 2
                """)
                    .on("AWS::Events::Rule")
                    .involving("EventBridge", "SQS"),
                Fix.in(
                        Dialect.CLOUDFORMATION,
                        "Give the asynchronously invoked function an on-failure destination (AWS::Lambda::EventInvokeConfig DestinationConfig OnFailure) or DeadLetterConfig TargetArn, and alarm on its depth.",
                        """
                InvokeConfig:
                  Type: AWS::Lambda::EventInvokeConfig
                  Properties:
                    FunctionName: !Ref Function
                    Qualifier: $LATEST
                    MaximumRetryAttempts: 2
                    DestinationConfig:
                      OnFailure:
                        Destination: !GetAtt FunctionDlq.Arn
                """)
                    .on("AWS::Lambda::Function")
                    .involving("Lambda", "SQS"),
                Fix.in(
                        Dialect.TERRAFORM,
                        "Give the queue a redrive_policy to a dead-letter queue (deadLetterTargetArn, maxReceiveCount) and alarm on the dead-letter queue's ApproximateNumberOfMessagesVisible.",
                        """
                resource "aws_sqs_queue" "orders" {
                  # ...
                  redrive_policy = jsonencode({
                    deadLetterTargetArn = aws_sqs_queue.orders_dlq.arn
                    maxReceiveCount     = 5
                  })
                }
                """)
                    .on("aws_sqs_queue")
                    .involving("SQS", "CloudWatch"),
                Fix.in(
                        Dialect.TERRAFORM,
                        "Give the event source mapping an on-failure destination and bounded retries: destination_config { on_failure { destination_arn } }, maximum_retry_attempts and bisect_batch_on_function_error.",
                        """
                resource "aws_lambda_event_source_mapping" "stream" {
                  # ...
                  maximum_retry_attempts         = 3
                  bisect_batch_on_function_error = true
                  destination_config {
                    on_failure {
                      destination_arn = aws_sqs_queue.failed_records.arn
                    }
                  }
                }
                """)
                    .on("aws_lambda_event_source_mapping")
                    .involving("Lambda", "SQS"),
                Fix.in(
                        Dialect.TERRAFORM,
                        "Give the subscription a dead-letter queue: redrive_policy with deadLetterTargetArn (and a queue policy allowing SNS to send to it).",
                        """
                resource "aws_sns_topic_subscription" "orders" {
                  # ...
                  redrive_policy = jsonencode({
                    deadLetterTargetArn = aws_sqs_queue.orders_dlq.arn
                  })
                }
                """)
                    .on("aws_sns_topic_subscription")
                    .involving("SNS", "SQS"),
                Fix.in(
                        Dialect.TERRAFORM,
                        "Give each aws_cloudwatch_event_target of the rule a dead_letter_config and a retry_policy, so events EventBridge cannot deliver are kept.",
                        """
                resource "aws_cloudwatch_event_target" "worker" {
                  # ...
                  dead_letter_config {
                    arn = aws_sqs_queue.rule_dlq.arn
                  }
                  retry_policy {
                    maximum_retry_attempts       = 2
                    maximum_event_age_in_seconds = 3600
                  }
                }
                """)
                    .on("aws_cloudwatch_event_rule", "aws_cloudwatch_event_target")
                    .involving("EventBridge", "SQS"),
                Fix.in(
                        Dialect.TERRAFORM,
                        "Give the asynchronously invoked function an on-failure destination (aws_lambda_function_event_invoke_config destination_config) or dead_letter_config, and alarm on its depth.",
                        """
                resource "aws_lambda_function_event_invoke_config" "worker" {
                  function_name          = aws_lambda_function.worker.function_name
                  maximum_retry_attempts = 2
                  destination_config {
                    on_failure {
                      destination = aws_sqs_queue.worker_dlq.arn
                    }
                  }
                }
                """)
                    .on("aws_lambda_function")
                    .involving("Lambda", "SQS"),
                Fix.in(
                        Dialect.CDK_JAVA,
                        "Give the queue a deadLetterQueue (a second Queue and a maxReceiveCount) through its builder, and alarm on the dead-letter queue's metricApproximateNumberOfMessagesVisible().",
                        """
                Queue failed = Queue.Builder.create(this, "OrdersDlq")
                    .retentionPeriod(Duration.days(14))
                    .build();
                Queue orders = Queue.Builder.create(this, "Orders")
                    // ...
                    .deadLetterQueue(DeadLetterQueue.builder().queue(failed).maxReceiveCount(5).build())
                    .build();
                """)
                    .on("AWS::SQS::Queue")
                    .involving("SQS", "CloudWatch"),
                Fix.in(
                        Dialect.CDK_JAVA,
                        "Give the stream event source an onFailure destination and bounded retries: onFailure (an SqsDlq or SnsDlq), retryAttempts and bisectBatchOnError.",
                        """
                fn.addEventSource(DynamoEventSource.Builder.create(table)
                    .startingPosition(StartingPosition.TRIM_HORIZON)
                    .retryAttempts(3)
                    .bisectBatchOnError(true)
                    .onFailure(new SqsDlq(failedRecords))
                    .build());
                """)
                    .on("AWS::Lambda::EventSourceMapping")
                    .involving("Lambda", "SQS"),
                Fix.in(
                        Dialect.CDK_JAVA,
                        "Give the asynchronously invoked function a deadLetterQueue (or deadLetterQueueEnabled(true)) so events that fail every retry are kept, and alarm on its depth.",
                        """
                Function.Builder.create(this, "Worker")
                    // ...
                    .deadLetterQueue(failures)
                    .build();
                """)
                    .on("AWS::Lambda::Function")
                    .involving("Lambda", "SQS"))
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
    // One pass per kind of asynchronous source, in this order so findings keep their order.
    checkQueues(w, out);
    checkAsyncFunctions(w, out);
    checkEventBridgeTargets(w, out);
    checkSnsSubscriptions(w, out);
    checkStreamMappings(w, out);
  }

  /** SQS queues (other than dead-letter queues themselves) need a redrive policy. */
  private void checkQueues(Workload w, Findings out) {
    Set<Queue> consumed = consumedQueues(w);
    for (Queue q : w.all(Queue.class)) {
      if (isDeadLetterQueue(q) || (isNamedFailureSink(q) && !consumed.contains(q))) continue;
      if (q.deadLetterTarget.present()) {
        out.strength(
            this,
            "Queue " + q.id + " redrives failed messages to a dead-letter queue",
            Findings.evidence(q, q.deadLetterTarget));
      } else if (q.deadLetterTarget.unresolved()) {
        out.report(this, q, "", "", q.deadLetterTarget);
      } else {
        out.report(
            this,
            q,
            "SQS queue " + q.id + " has no dead-letter queue",
            "Queue "
                + q.id
                + " has no "
                + Property.QUEUE_REDRIVE_POLICY.of(q)
                + ": a message that always fails is received again and again until its retention expires, then it is lost.");
      }
    }
  }

  /** Asynchronously invoked functions need a DeadLetterConfig or an OnFailure destination. */
  private void checkAsyncFunctions(Workload w, Findings out) {
    for (Function f : w.all(Function.class)) {
      if (!f.invokedAsynchronously()) continue;
      Function.Trigger t =
          f.triggers.stream().filter(Function.Trigger::async).findFirst().orElseThrow();
      if (f.deadLetterTarget.present() || f.onFailureDestination.present()) {
        out.strength(
            this,
            "Function " + f.id + " keeps failed asynchronous events (" + t.kind() + ")",
            Findings.evidence(f, f.deadLetterTarget, f.onFailureDestination));
      } else if (f.deadLetterTarget.unresolved() || f.onFailureDestination.unresolved()) {
        out.report(
            this,
            f,
            "",
            "",
            f.deadLetterTarget.unresolved() ? f.deadLetterTarget : f.onFailureDestination);
      } else {
        out.report(
            this,
            f,
            "Function " + f.id + " drops failed asynchronous events",
            "Function "
                + f.id
                + " is invoked asynchronously by "
                + t.kind()
                + " ("
                + t.location()
                + ") with no "
                + Property.FUNCTION_DEAD_LETTER.of(f)
                + " and no "
                + Property.FUNCTION_ON_FAILURE.of(f)
                + " destination: after Lambda's two retries the event is discarded.",
            Value.explicit(t.kind(), List.of(t.location())));
      }
    }
  }

  /** EventBridge targets other than functions need their own dead-letter queue. */
  private void checkEventBridgeTargets(Workload w, Findings out) {
    for (EventRule r : w.all(EventRule.class)) {
      for (EventRule.Target t : r.targets) {
        if (w.resolve(t.arn().get()) instanceof Function)
          continue; // judged on the function's own failure handling
        if (t.deadLetterTarget().present()) continue;
        if (t.deadLetterTarget().unresolved()) {
          out.report(this, r, "", "", t.deadLetterTarget()); // Cannot Determine
          continue;
        }
        out.report(
            this,
            r,
            "EventBridge rule " + r.id + " target " + t.id() + " has no dead-letter queue",
            "Target "
                + t.id()
                + " of rule "
                + r.id
                + " has no "
                + Property.TARGET_DEAD_LETTER.of(r)
                + ": events EventBridge cannot deliver after its retries are dropped.",
            Value.explicit(t.id(), List.of(t.location())));
      }
    }
  }

  /**
   * SQS and HTTP(S) SNS subscriptions need a redrive policy; Lambda ones are judged on the
   * function.
   */
  private void checkSnsSubscriptions(Workload w, Findings out) {
    for (Subscription s : w.all(Subscription.class)) {
      String protocol = s.protocol.orElse("").toLowerCase(Locale.ROOT);
      if (protocol.equals("lambda")) continue; // judged on the function
      if (!List.of("sqs", "http", "https").contains(protocol) || s.deadLetterTarget.present())
        continue;
      if (s.deadLetterTarget.unresolved()) {
        out.report(this, s, "", "", s.deadLetterTarget); // Cannot Determine
        continue;
      }
      out.report(
          this,
          s,
          "SNS subscription " + s.id + " has no dead-letter queue",
          "Subscription "
              + s.id
              + " ("
              + protocol
              + ") has no "
              + Property.SUBSCRIPTION_REDRIVE_POLICY.of(s)
              + ": messages SNS cannot deliver after its retries are lost.",
          s.protocol);
    }
  }

  /** Kinesis and DynamoDB stream mappings need an on-failure destination. */
  private void checkStreamMappings(Workload w, Findings out) {
    for (EventSourceMapping m : w.all(EventSourceMapping.class)) {
      if (!"KINESIS".equals(m.sourceKind) && !"DYNAMODB".equals(m.sourceKind)) continue;
      if (m.onFailure.present()) {
        out.strength(
            this,
            "Stream mapping " + m.id + " sends failed batches to an on-failure destination",
            Findings.evidence(m, m.onFailure));
      } else if (m.onFailure.unresolved()) {
        out.report(this, m, "", "", m.onFailure); // Cannot Determine
      } else {
        out.report(
            this,
            m,
            "Stream event source mapping " + m.id + " has no on-failure destination",
            "Mapping "
                + m.id
                + " reads a "
                + m.sourceKind
                + " stream without "
                + Property.MAPPING_ON_FAILURE.of(m)
                + (m.maximumRetryAttempts.orElse(-1) < 0
                    ? " and retries a failing batch until the records expire, blocking the shard"
                    : "")
                + ": failed records are lost when they expire or are skipped.",
            m.maximumRetryAttempts);
      }
    }
  }

  /** The queues a function reads through an event source mapping. */
  private static Set<Queue> consumedQueues(Workload w) {
    Set<Queue> out = Collections.newSetFromMap(new IdentityHashMap<>());
    for (EventSourceMapping m : w.all(EventSourceMapping.class)) {
      Queue q = w.resolve(m.source.get(), Queue.class);
      if (q != null) out.add(q);
    }
    return out;
  }

  /**
   * A queue named for the failures it collects (e.g. a Step Functions Catch branch's
   * "FailureQueue", whose link relplan does not read from the state machine's definition). When no
   * function consumes it, nothing receives its messages again and again, so it needs no DLQ of its
   * own.
   */
  static boolean isNamedFailureSink(Queue q) {
    String n = q.identityText();
    return n.contains("failure") || n.contains("failed");
  }

  /**
   * A queue that others use as their DLQ or failure destination, or that is declared or named as
   * one.
   */
  static boolean isDeadLetterQueue(Queue q) {
    if (!q.deadLetterSources.isEmpty() || q.declaresRedriveAllow.isTrue()) return true;
    String n = q.identityText();
    return n.contains("dlq")
        || n.contains("deadletter")
        || n.contains("dead-letter")
        || n.contains("dead_letter");
  }
}
