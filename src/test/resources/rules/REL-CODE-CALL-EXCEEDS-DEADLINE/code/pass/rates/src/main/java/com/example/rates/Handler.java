package com.example.rates;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

// Two attempts of up to 5 s each: 10 s, inside the REST API's 29 s.
public class Handler {
  private final HttpClient http = HttpClient.newHttpClient();

  public Map<String, Object> handleRequest(Map<String, Object> event) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("https://rates.example.com/today"))
            .timeout(Duration.ofSeconds(5))
            .build();
    for (int attempt = 1; attempt <= 2; attempt++) {
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
