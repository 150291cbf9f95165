package com.example.orders;

import java.math.BigDecimal;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestTemplate;

/**
 * Charges orders through the external payment provider. The RestTemplate is created with its
 * default request factory, which has no connect or read timeout: a provider that stops answering
 * holds a request thread forever, and enough of them exhaust the service.
 */
@Component
public class PaymentGatewayClient {
  private static final String CHARGES_URL = "https://api.payments.example.com/v1/charges";

  private final RestTemplate restTemplate = new RestTemplate();

  public String charge(String orderId, BigDecimal amount, String currency) {
    Map<String, Object> request = Map.of(
        "reference", orderId,
        "amount", amount.movePointRight(2).longValueExact(),
        "currency", currency);
    ChargeResponse response = restTemplate.postForObject(CHARGES_URL, request, ChargeResponse.class);
    if (response == null || !"succeeded".equals(response.status())) {
      throw new PaymentDeclinedException(orderId);
    }
    return response.id();
  }

  public record ChargeResponse(String id, String status) {}

  public static class PaymentDeclinedException extends RuntimeException {
    public PaymentDeclinedException(String orderId) {
      super("payment declined for order " + orderId);
    }
  }
}
