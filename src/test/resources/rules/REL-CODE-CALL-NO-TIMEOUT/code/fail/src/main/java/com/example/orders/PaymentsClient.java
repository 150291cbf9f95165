package com.example.orders;

import org.springframework.web.client.RestTemplate;

/** A RestTemplate injected from a @Bean that uses the default request factory (no timeouts). */
public class PaymentsClient {
  private final RestTemplate restTemplate;

  public PaymentsClient(RestTemplate restTemplate) {
    this.restTemplate = restTemplate;
  }

  public String charge(String orderId) {
    return restTemplate.postForObject("https://payments.example.com/charges", orderId, String.class); // relplan:finding
  }
}
