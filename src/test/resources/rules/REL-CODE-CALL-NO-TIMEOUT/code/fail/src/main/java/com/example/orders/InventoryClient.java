package com.example.orders;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** java.net.http with a connect timeout only: the response itself can be awaited forever. */
public class InventoryClient {
  private final HttpClient http = HttpClient.newBuilder() // relplan:evidence
      .connectTimeout(Duration.ofSeconds(2)) // relplan:evidence
      .build();

  public String stock(String sku) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("https://inventory.internal.example.com/stock/" + sku))
        .GET()
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString()).body(); // relplan:finding
  }
}
