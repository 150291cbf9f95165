package com.example.orders;

import java.io.IOException;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.util.EntityUtils;

/** Apache HttpClient 4 with its defaults: no socket timeout. */
public class ShippingClient {
  private final CloseableHttpClient client = HttpClients.createDefault();

  public String quote(String orderId) throws IOException {
    HttpGet get = new HttpGet("https://shipping.example.com/quotes/" + orderId);
    return EntityUtils.toString(client.execute(get).getEntity()); // relplan:finding
  }
}
