package com.example.events;

import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/** An SQS client whose retry policy is switched off. */
public class EventPublisher {
  private final SqsClient sqs = SqsClient.builder() // relplan:finding
      .overrideConfiguration(ClientOverrideConfiguration.builder()
          .retryPolicy(RetryPolicy.none()) // relplan:evidence
          .build())
      .build();

  public void publish(String body) {
    sqs.sendMessage(SendMessageRequest.builder().queueUrl("https://sqs.eu-west-1.amazonaws.com/123456789012/orders").messageBody(body).build());
  }

  public void publishTwice(String body) {
    publish(body);
    sqs.sendMessage(SendMessageRequest.builder().queueUrl("https://sqs.eu-west-1.amazonaws.com/123456789012/audit").messageBody(body).build());
  }
}
