package com.example.orders;

import org.springframework.stereotype.Service;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

@Service
public class OrderService {
  private final DynamoDbClient dynamo = DynamoDbClient.create();

  public void place(String body) {
    dynamo.putItem(PutItemRequest.builder().tableName("orders").build());
  }

  public void charge(String payload) {
    place(payload);
  }

  public void notifyCustomer(String message) {
  }

  /** Called by no listener: its conditional write protects none of them. */
  public void archive(String id) {
    dynamo.putItem(PutItemRequest.builder().tableName("archive").conditionExpression("attribute_not_exists(id)").build());
  }
}
