package com.example.orders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/** Publishes one message per accepted order to the order-events queue (AWS SDK v2 defaults: standard retries). */
@Component
public class OrderEvents {
  private final SqsClient sqs = SqsClient.create();
  private final ObjectMapper json = new ObjectMapper();
  private final String queueUrl;

  public OrderEvents(@Value("${orders.events.queue-url}") String queueUrl) {
    this.queueUrl = queueUrl;
  }

  public void orderAccepted(String orderId, OrderController.NewOrder order) {
    try {
      String body = json.writeValueAsString(Map.of("orderId", orderId, "email", order.email(), "items", order.items()));
      sqs.sendMessage(SendMessageRequest.builder().queueUrl(queueUrl).messageBody(body).build());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
