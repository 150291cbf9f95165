package com.example.orders;

import org.springframework.stereotype.Service;
import software.amazon.lambda.powertools.idempotency.Idempotent;
import software.amazon.lambda.powertools.idempotency.IdempotencyKey;

@Service
public class IdempotentPaymentService implements PaymentService {
  @Override
  @Idempotent
  public void charge(@IdempotencyKey String payload) {
  }
}
