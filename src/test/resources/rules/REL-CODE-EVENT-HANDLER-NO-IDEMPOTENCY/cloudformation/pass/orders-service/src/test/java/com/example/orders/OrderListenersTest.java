package com.example.orders;

import io.awspring.cloud.sqs.annotation.SqsListener;

/** A listener in test sources: ignored. */
class OrderListenersTest {
  @SqsListener("test-orders")
  public void onOrder(String body) {
  }
}
