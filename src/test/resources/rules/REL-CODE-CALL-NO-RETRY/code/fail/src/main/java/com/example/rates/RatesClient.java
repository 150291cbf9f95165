package com.example.rates;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

public class RatesClient {
  private final HttpClient client = HttpClient.newHttpClient(); // relplan:evidence

  public String today() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("https://rates.example.com/today"))
            .timeout(Duration.ofSeconds(5))
            .GET() // relplan:evidence
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString()).body(); // relplan:finding
  }
}
