package com.example.catalog;

import dev.failsafe.CircuitBreaker;
import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import java.io.IOException;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/** Failsafe with a retry policy and a circuit breaker around an OkHttp call with a read timeout. */
public class SearchClient {
  private final OkHttpClient client = new OkHttpClient.Builder().readTimeout(java.time.Duration.ofSeconds(2)).build();
  private final RetryPolicy<String> retry = RetryPolicy.<String>builder().withMaxRetries(2).build();
  private final CircuitBreaker<String> breaker = CircuitBreaker.<String>builder().build();

  public String search(String q) {
    return Failsafe.with(retry, breaker).get(() -> {
      Request request = new Request.Builder().url("https://search.example.com/?q=" + q).build();
      return client.newCall(request).execute().body().string();
    });
  }
}
