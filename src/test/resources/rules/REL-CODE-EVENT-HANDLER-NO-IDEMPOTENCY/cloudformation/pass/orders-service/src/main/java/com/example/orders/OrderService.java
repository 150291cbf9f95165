package com.example.orders;

import java.util.Map;
import org.springframework.stereotype.Service;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

@Service
public class OrderService {
  private final DynamoDbClient dynamo = DynamoDbClient.create();

  public void place(String body) {
    record(body);
  }

  public void record(String id) {
    dynamo.putItem(PutItemRequest.builder().tableName("processed-messages")
        .item(Map.of("id", AttributeValue.fromS(id)))
        .conditionExpression("attribute_not_exists(id)")
        .build());
  }
}
