package com.example.catalog;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.decorators.Decorators;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Supplier;

/** The call runs inside Resilience4j decorators: a circuit breaker and a fallback. */
public class ReviewsClient {
  private final HttpClient http = HttpClient.newHttpClient();
  private final CircuitBreaker breaker = CircuitBreaker.ofDefaults("reviews");

  public String reviews(String sku) {
    Supplier<String> call = Decorators.ofSupplier(() -> fetch(sku))
        .withCircuitBreaker(breaker)
        .withFallback(t -> "[]")
        .decorate();
    return call.get();
  }

  private String fetch(String sku) {
    return "";
  }

  public String direct(String sku) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("https://reviews.example.com/" + sku)).build();
    return breaker.executeCallable(() -> http.send(request, HttpResponse.BodyHandlers.ofString()).body());
  }
}
