package com.example.catalog;

import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;
import org.springframework.web.client.RestTemplate;

/** No timeout, but a Resilience4j circuit breaker with a fallback stops calling a failing dependency. */
public class PricingClient {
  private final RestTemplate rest = new RestTemplate();

  @CircuitBreaker(name = "pricing", fallbackMethod = "cachedPrice")
  public String price(String sku) {
    return rest.getForObject("https://pricing.example.com/prices/" + sku, String.class);
  }

  String cachedPrice(String sku, Throwable t) {
    return "unknown";
  }
}
