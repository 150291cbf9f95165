package com.example.orders;

import java.io.IOException;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/** OkHttp's defaults are finite (10 s connect, read and write): no finding, the default is reported. */
public class FraudClient {
  private final OkHttpClient client = new OkHttpClient();

  public String score(String orderId) throws IOException {
    Request request = new Request.Builder().url("https://fraud.example.com/score/" + orderId).build();
    return client.newCall(request).execute().body().string();
  }
}
