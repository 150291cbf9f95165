package com.example.orders;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/** AWS SDK v2 with defaults: no API call timeout, but finite HTTP socket and connect timeouts. */
public class ReceiptStore {
  private final S3Client s3 = S3Client.builder().build();

  public void save(String orderId, String receipt) {
    s3.putObject(PutObjectRequest.builder().bucket("receipts").key(orderId).build(), RequestBody.fromString(receipt));
  }
}
