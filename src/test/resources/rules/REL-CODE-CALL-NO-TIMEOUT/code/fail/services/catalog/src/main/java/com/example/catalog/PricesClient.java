package com.example.catalog;

import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.web.client.RestTemplate;

/** Built from Boot's RestTemplateBuilder, whose read timeout application.yml sets to 0. */
public class PricesClient {
  private final RestTemplate rest;

  public PricesClient(RestTemplateBuilder builder) {
    this.rest = builder.build();
  }

  public String price(String sku) {
    return rest.getForObject("https://prices.example.com/skus/" + sku, String.class); // relplan:finding
  }
}
