package com.example.orders;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The request timeout is set in a factory method of the same class. */
public class InventoryClient {
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);
  private final HttpClient http = HttpClient.newHttpClient();

  public String stock(String sku) throws IOException, InterruptedException {
    return http.send(request(sku), HttpResponse.BodyHandlers.ofString()).body();
  }

  private HttpRequest request(String sku) {
    return HttpRequest.newBuilder(URI.create("https://inventory.internal.example.com/stock/" + sku))
        .timeout(REQUEST_TIMEOUT)
        .build();
  }
}
