package com.example.events;

import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/** A DynamoDB client built in a factory method with one attempt only, through a lambda. */
public class OrderTable {
  private final DynamoDbClient dynamo;

  public OrderTable() {
    this.dynamo = client();
  }

  private static DynamoDbClient client() {
    return DynamoDbClient.builder() // relplan:finding
        .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(2))
            .retryStrategy(r -> r.maxAttempts(1))) // relplan:evidence
        .build();
  }

  public void load(String id) {
    dynamo.getItem(GetItemRequest.builder().tableName("orders").build());
  }
}
