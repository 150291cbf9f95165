package com.example.rates;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

// The number of attempts comes from an environment variable read at run time.
public class Handler {
  private final HttpClient http = HttpClient.newHttpClient();
  private final int maxAttempts = Integer.parseInt(System.getenv("RATES_ATTEMPTS"));

  public Map<String, Object> handleRequest(Map<String, Object> event) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("https://rates.example.com/today"))
            .timeout(Duration.ofSeconds(10))
            .build();
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      try {
        String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        return Map.of("statusCode", 200, "body", body);
      } catch (IOException e) {
        Thread.sleep(200L * attempt);
      }
    }
    return Map.of("statusCode", 503);
  }
}
