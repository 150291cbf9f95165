package com.example.catalog;

import java.io.IOException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/** Apache HttpClient 5 built by a factory method with only a connect timeout. */
public class ReviewsClient {
  private final CloseableHttpClient http = create();

  private static CloseableHttpClient create() {
    return HttpClients.custom().build(); // relplan:evidence
  }

  public String reviews(String sku) throws Exception {
    return http.execute(new HttpGet("https://reviews.example.com/" + sku), response -> EntityUtils.toString(response.getEntity())); // relplan:finding
  }
}
