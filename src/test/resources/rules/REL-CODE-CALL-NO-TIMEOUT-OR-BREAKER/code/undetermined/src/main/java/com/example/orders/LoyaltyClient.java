package com.example.orders;

import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/** Built from Spring Boot's injected WebClient.Builder: customizers and properties outside the code may set timeouts. */
public class LoyaltyClient {
  private final WebClient webClient;

  public LoyaltyClient(WebClient.Builder builder) {
    this.webClient = builder.baseUrl("https://loyalty.example.com").build();
  }

  public Mono<String> points(String customerId) {
    return webClient.get()
        .uri("/points/{id}", customerId)
        .retrieve()
        .bodyToMono(String.class);
  }
}
