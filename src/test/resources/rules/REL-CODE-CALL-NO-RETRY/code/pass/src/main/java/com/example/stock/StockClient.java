package com.example.stock;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

// Three attempts, with a growing pause between them: a retry written by hand.
public class StockClient {
  private final HttpClient client = HttpClient.newHttpClient();

  public String level(String sku) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("https://stock.example.com/levels/" + sku))
            .timeout(Duration.ofSeconds(2))
            .GET()
            .build();
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
      } catch (IOException e) {
        Thread.sleep(200L * (attempt + 1));
      }
    }
    return null;
  }
}
