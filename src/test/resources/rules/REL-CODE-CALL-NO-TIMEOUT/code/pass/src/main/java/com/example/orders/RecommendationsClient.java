package com.example.orders;

import io.github.resilience4j.timelimiter.annotation.TimeLimiter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/** No request timeout, but a Resilience4j time limiter bounds how long the caller waits. */
public class RecommendationsClient {
  private final HttpClient http = HttpClient.newHttpClient();

  @TimeLimiter(name = "recommendations")
  public CompletableFuture<String> recommend(String customerId) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("https://recs.example.com/" + customerId)).build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(HttpResponse::body);
  }
}
