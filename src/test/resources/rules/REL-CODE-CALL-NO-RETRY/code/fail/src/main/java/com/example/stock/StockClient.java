package com.example.stock;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

// The loop tries again at once, with no wait between attempts: no retry policy.
public class StockClient {
  private final HttpClient client = HttpClient.newHttpClient(); // relplan:evidence

  public String level(String sku) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("https://stock.example.com/levels/" + sku))
            .timeout(Duration.ofSeconds(2))
            .GET()
            .build();
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        return client.send(request, HttpResponse.BodyHandlers.ofString()).body(); // relplan:finding
      } catch (IOException e) {
        // tried again at once
      }
    }
    return null;
  }
}
