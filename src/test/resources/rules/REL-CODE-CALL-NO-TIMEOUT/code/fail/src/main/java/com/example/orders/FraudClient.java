package com.example.orders;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/** OkHttp with its read timeout switched off and no call timeout. */
public class FraudClient {
  private final OkHttpClient client = new OkHttpClient.Builder()
      .readTimeout(0, TimeUnit.SECONDS) // relplan:evidence
      .build();

  public String score(String orderId) throws IOException {
    Request request = new Request.Builder().url("https://fraud.example.com/score/" + orderId).build();
    return client.newCall(request).execute().body().string(); // relplan:finding
  }
}
