package com.example.orders;

import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/internal")
public class HealthController {
  private final OrderRepository orders;

  public HealthController(OrderRepository orders) {
    this.orders = orders;
  }

  @GetMapping("/health") // relplan:finding
  public ResponseEntity<Map<String, String>> health() {
    return ResponseEntity.ok(Map.of("status", "UP")); // relplan:evidence
  }

  @GetMapping(path = "/ready") // relplan:finding
  public String ready() {
    return "OK";
  }

  @GetMapping("/live")
  public String live() {
    return "OK";
  }

  @GetMapping("/orders/{id}")
  public Object order(String id) {
    return orders.findById(id);
  }

  interface OrderRepository {
    Object findById(String id);
  }
}
