package com.example;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.dynamodb.*;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSourceProps;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

public class AppStack extends Stack {
  private static final int RECEIVES = 4;

  public AppStack(final Construct scope, final String id, final String stage) {
    super(scope, id);
    final boolean prod = "production".equals(stage);
    Queue failed = Queue.Builder.create(this, "ParcelsDlq").retentionPeriod(Duration.days(14)).build();
    Queue parcels = Queue.Builder.create(this, "Parcels")
        .visibilityTimeout(Duration.minutes(3))
        .deadLetterQueue(DeadLetterQueue.builder().queue(failed).maxReceiveCount(RECEIVES).build())
        .build();
    Function sorter = Function.Builder.create(this, "Sorter")
        .runtime(Runtime.JAVA_21)
        .handler("com.example.Sorter::handleRequest")
        .code(Code.fromAsset("sorter"))
        .timeout(Duration.seconds(prod ? 30 : 10))
        .build();
    sorter.addEventSource(new SqsEventSource(parcels, SqsEventSourceProps.builder().batchSize(5).build()));
    Table.Builder.create(this, "Routes")
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();
  }
}
