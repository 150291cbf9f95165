package com.example.orders;

public interface PaymentService {
  void charge(String payload);
}
