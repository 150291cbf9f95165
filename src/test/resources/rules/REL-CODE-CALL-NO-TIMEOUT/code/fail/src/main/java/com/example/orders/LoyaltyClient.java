package com.example.orders;

import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/** WebClient on Reactor Netty: a connect timeout by default, but no response timeout. */
public class LoyaltyClient {
  private final WebClient webClient = WebClient.builder().baseUrl("https://loyalty.example.com").build(); // relplan:evidence

  public Mono<String> points(String customerId) {
    return webClient.get()
        .uri("/points/{id}", customerId)
        .retrieve() // relplan:finding
        .bodyToMono(String.class);
  }
}
