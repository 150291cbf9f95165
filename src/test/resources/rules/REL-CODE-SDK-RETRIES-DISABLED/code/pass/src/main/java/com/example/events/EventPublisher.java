package com.example.events;

import java.time.Duration;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/** Bounded retries and call timeouts. */
public class EventPublisher {
  private final SqsClient sqs = SqsClient.builder()
      .overrideConfiguration(ClientOverrideConfiguration.builder()
          .retryPolicy(RetryPolicy.builder().numRetries(3).build())
          .apiCallTimeout(Duration.ofSeconds(5))
          .build())
      .build();
  private final SqsClient defaults = SqsClient.create();

  public void publish(String body) {
    sqs.sendMessage(SendMessageRequest.builder().queueUrl("https://sqs.eu-west-1.amazonaws.com/123456789012/orders").messageBody(body).build());
    defaults.sendMessage(SendMessageRequest.builder().queueUrl("https://sqs.eu-west-1.amazonaws.com/123456789012/audit").messageBody(body).build());
  }
}
