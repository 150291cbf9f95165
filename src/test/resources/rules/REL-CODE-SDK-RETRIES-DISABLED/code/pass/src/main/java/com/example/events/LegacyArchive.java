package com.example.events;

import com.amazonaws.services.dynamodbv2.AmazonDynamoDB;
import com.amazonaws.services.dynamodbv2.AmazonDynamoDBClientBuilder;

/** AWS SDK 1.x with its default retry policy. */
public class LegacyArchive {
  private final AmazonDynamoDB dynamo = AmazonDynamoDBClientBuilder.defaultClient();

  public void archive(String key) {
    dynamo.deleteTable(key);
  }
}
