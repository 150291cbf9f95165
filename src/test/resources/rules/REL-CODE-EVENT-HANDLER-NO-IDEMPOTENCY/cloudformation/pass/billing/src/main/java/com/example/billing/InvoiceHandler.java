package com.example.billing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/** Records each message id with a conditional write before sending the invoice. */
public class InvoiceHandler implements RequestHandler<SQSEvent, Void> {
  private final DynamoDbClient dynamo = DynamoDbClient.create();

  @Override
  public Void handleRequest(SQSEvent event, Context context) {
    event.getRecords().forEach(m -> {
      dynamo.putItem(PutItemRequest.builder().tableName("invoices")
          .item(Map.of("messageId", AttributeValue.fromS(m.getMessageId())))
          .conditionExpression("attribute_not_exists(messageId)")
          .build());
    });
    return null;
  }
}
