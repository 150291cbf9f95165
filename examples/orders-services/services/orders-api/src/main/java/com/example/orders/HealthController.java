package com.example.orders;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The load balancer's health check target. */
@RestController
public class HealthController {
  @GetMapping("/health")
  public Map<String, String> health() {
    // Always UP, even when the database is unreachable: the load balancer keeps routing orders here.
    return Map.of("status", "UP");
  }
}
