package com.example.orders;

import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestTemplate;

/** RestTemplate with a request factory that sets connect and read timeouts. */
public class PaymentsClient {
  private final RestTemplate restTemplate;

  public PaymentsClient() {
    SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
    factory.setConnectTimeout(1000);
    factory.setReadTimeout(2000);
    this.restTemplate = new RestTemplate(factory);
  }

  public String charge(String orderId) {
    return restTemplate.postForObject("https://payments.example.com/charges", orderId, String.class);
  }
}
