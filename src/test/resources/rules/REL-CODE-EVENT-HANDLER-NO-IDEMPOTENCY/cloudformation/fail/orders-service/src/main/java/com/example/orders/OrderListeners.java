package com.example.orders;

import io.awspring.cloud.sqs.annotation.SqsListener;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.jms.annotation.JmsListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Listeners that process every delivery, redelivered or not. */
@Component
public class OrderListeners {
  private final OrderService orders;

  public OrderListeners(OrderService orders) {
    this.orders = orders;
  }

  @SqsListener("order-events") // relplan:finding
  public void onOrder(String body) {
    orders.place(body);
  }

  @KafkaListener(topics = {"payments", "refunds"}, groupId = "orders") // relplan:finding
  public void onPayment(String payload) {
    if (payload.isEmpty()) {
      return;
    }
    orders.charge(payload);
  }

  @RabbitListener(queues = "emails") // relplan:finding
  public void onEmail(String message) {
    orders.notifyCustomer(message);
  }

  @JmsListener(destination = "invoices") // relplan:finding
  public void onInvoice(String message) {
    orders.place(message);
  }
}
