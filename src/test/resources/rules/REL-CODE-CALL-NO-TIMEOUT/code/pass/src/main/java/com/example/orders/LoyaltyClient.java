package com.example.orders;

import java.time.Duration;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/** WebClient bounded by a timeout() operator on the response. */
public class LoyaltyClient {
  private final WebClient webClient = WebClient.create("https://loyalty.example.com");

  public Mono<String> points(String customerId) {
    return webClient.get()
        .uri("/points/{id}", customerId)
        .retrieve()
        .bodyToMono(String.class)
        .timeout(Duration.ofMillis(800));
  }
}
