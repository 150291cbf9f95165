package dev.relplan.model;

import dev.relplan.source.Location;

/** A Lambda event source mapping (SQS, Kinesis, DynamoDB Streams, Kafka, MQ). */
public final class EventSourceMapping extends Resource {
  public Value<Object> function = Value.absent();
  public Value<Object> source = Value.absent();
  public Value<Object> onFailure = Value.absent();
  public Value<Integer> maximumRetryAttempts = Value.absent();
  public Value<Boolean> bisectOnError = Value.absent();
  public Value<Boolean> reportBatchItemFailures = Value.absent();

  /** Records or messages per invocation. */
  public Value<Integer> batchSize = Value.absent();

  /** How old a stream record may be before it is skipped; -1 until it expires. */
  public Value<Integer> maximumRecordAgeSeconds = Value.absent();

  /** SQS, KINESIS, DYNAMODB, KAFKA, MQ or null when it cannot be told. */
  public String sourceKind;

  public EventSourceMapping(String scope, String id, String type, Location location) {
    super(scope, id, type, location);
  }
}
