package com.example.inventory;

import java.util.Map;
import org.springframework.stereotype.Service;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Adds the reserved quantity to the SKU's counter. A reservation redelivered after a rebalance or a
 * failed offset commit is added a second time.
 */
@Service
public class StockLedger {
  private final DynamoDbClient dynamo = DynamoDbClient.create();

  public void reserve(Reservation event) {
    dynamo.updateItem(UpdateItemRequest.builder().tableName("stock")
        .key(Map.of("sku", AttributeValue.fromS(event.sku())))
        .updateExpression("ADD reserved :q")
        .expressionAttributeValues(Map.of(":q", AttributeValue.fromN(Integer.toString(event.quantity()))))
        .build());
  }
}
