package com.example.inventory;

import java.util.Map;
import org.springframework.stereotype.Service;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Adds the reserved quantity once per reservation: in one transaction, the reservation id is
 * recorded only if it is new and the counter is updated, so a redelivered reservation cancels the
 * transaction and changes nothing.
 */
@Service
public class StockLedger {
  private final DynamoDbClient dynamo = DynamoDbClient.create();

  public void reserve(Reservation event) {
    TransactWriteItem recordOnce = TransactWriteItem.builder().put(Put.builder().tableName("processed-reservations")
        .item(Map.of("id", AttributeValue.fromS(event.id())))
        .conditionExpression("attribute_not_exists(id)")
        .build()).build();
    TransactWriteItem addToCounter = TransactWriteItem.builder().update(Update.builder().tableName("stock")
        .key(Map.of("sku", AttributeValue.fromS(event.sku())))
        .updateExpression("ADD reserved :q")
        .expressionAttributeValues(Map.of(":q", AttributeValue.fromN(Integer.toString(event.quantity()))))
        .build()).build();
    try {
      dynamo.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(recordOnce, addToCounter).build());
    } catch (TransactionCanceledException alreadyProcessed) {
      // The condition failed: this reservation was applied by an earlier delivery.
    }
  }
}
