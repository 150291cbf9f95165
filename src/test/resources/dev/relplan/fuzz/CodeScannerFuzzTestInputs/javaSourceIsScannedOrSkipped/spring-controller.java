package com.example.orders;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/orders")
public class OrderController {
  private final JdbcTemplate jdbc;
  private final PaymentGatewayClient payments;
  private final OrderEvents events;

  public OrderController(JdbcTemplate jdbc, PaymentGatewayClient payments, OrderEvents events) {
    this.jdbc = jdbc;
    this.payments = payments;
    this.events = events;
  }

  public record NewOrder(String customerId, String email, BigDecimal total, String currency, String channel, List<String> items) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  public String create(@RequestBody NewOrder order) {
    String id = UUID.randomUUID().toString();
    String chargeId = payments.charge(id, order.total(), order.currency());
    jdbc.update("INSERT INTO orders (id, customer_id, total, currency, channel, charge_id, status) VALUES (?, ?, ?, ?, ?, ?, 'PAID')",
        id, order.customerId(), order.total(), order.currency(), order.channel(), chargeId);
    events.orderAccepted(id, order);
    return id;
  }
}
