package com.example.orders;

import io.awspring.cloud.sqs.annotation.SqsListener;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Listeners that deduplicate redelivered messages. */
@Component
public class OrderListeners {
  private final OrderService orders;
  private final PaymentService payments;

  public OrderListeners(OrderService orders, PaymentService payments) {
    this.orders = orders;
    this.payments = payments;
  }

  /** The service records the message id with a conditional write. */
  @SqsListener("order-events")
  public void onOrder(String body) {
    orders.place(body);
  }

  /** The service method is Powertools-idempotent. */
  @KafkaListener(topics = "payments")
  public void onPayment(String payload) {
    payments.charge(payload);
  }

  /** A FIFO queue deduplicates. */
  @SqsListener(queueNames = "shipments.fifo")
  public void onShipment(String body) {
  }

  /** The conditional write in the listener itself. */
  @RabbitListener(queues = "emails")
  public void onEmail(String message) {
    orders.record(message);
  }
}
