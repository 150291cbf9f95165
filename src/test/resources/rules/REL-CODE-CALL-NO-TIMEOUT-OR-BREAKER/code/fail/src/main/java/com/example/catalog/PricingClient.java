package com.example.catalog;

import org.springframework.web.client.RestTemplate;

/** A plain RestTemplate call: no timeout, no circuit breaker, only a retry. */
public class PricingClient {
  private final RestTemplate rest = new RestTemplate(); // relplan:evidence

  @org.springframework.retry.annotation.Retryable(maxAttempts = 4)
  public String price(String sku) {
    return rest.getForObject("https://pricing.example.com/prices/" + sku, String.class); // relplan:finding
  }
}
