package com.example.inventory;

import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

public class Handler {
  // every attempt together is bounded by 10 s, inside the REST API's 29 s
  private final DynamoDbClient dynamo =
      DynamoDbClient.builder()
          .overrideConfiguration(
              ClientOverrideConfiguration.builder().apiCallTimeout(Duration.ofSeconds(10)).build())
          .build();

  public Map<String, Object> handleRequest(Map<String, Object> event) {
    GetItemResponse item =
        dynamo.getItem(
            GetItemRequest.builder()
                .tableName("inventory")
                .key(Map.of("sku", AttributeValue.builder().s("A-1").build()))
                .build());
    return Map.of("statusCode", 200, "body", item.item().toString());
  }
}
