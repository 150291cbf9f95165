package com.example.rates;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.retry.annotation.Retryable;

public class RatesClient {
  private final HttpClient client = HttpClient.newHttpClient();

  @Retryable(maxAttempts = 3)
  public String today() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("https://rates.example.com/today"))
            .timeout(Duration.ofSeconds(5))
            .GET()
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  public String book(String body) throws Exception {
    // a POST without an idempotency key must not be retried
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("https://rates.example.com/bookings"))
            .timeout(Duration.ofSeconds(5))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
  }
}
