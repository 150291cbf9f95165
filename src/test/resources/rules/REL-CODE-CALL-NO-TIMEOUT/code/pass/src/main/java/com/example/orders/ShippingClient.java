package com.example.orders;

import java.io.IOException;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.util.EntityUtils;

/** Apache HttpClient 4 with a default RequestConfig carrying a socket timeout. */
public class ShippingClient {
  private final CloseableHttpClient client;

  public ShippingClient() {
    RequestConfig config = RequestConfig.custom().setConnectTimeout(1000).setSocketTimeout(3000).build();
    client = HttpClients.custom().setDefaultRequestConfig(config).build();
  }

  public String quote(String orderId) throws IOException {
    HttpGet get = new HttpGet("https://shipping.example.com/quotes/" + orderId);
    return EntityUtils.toString(client.execute(get).getEntity());
  }
}
