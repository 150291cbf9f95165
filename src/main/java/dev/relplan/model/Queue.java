package dev.relplan.model;

import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;

/** An SQS queue. */
public final class Queue extends Resource {
  public Value<Boolean> fifo = Value.absent();

  /** The dead-letter queue of the redrive policy. */
  public Value<Object> deadLetterTarget = Value.absent();

  public Value<Integer> maxReceiveCount = Value.absent();
  public Value<Integer> visibilityTimeout = Value.absent();
  public Value<Boolean> contentBasedDeduplication = Value.absent();

  /** The queue declares a redrive-allow policy: it is meant as someone's dead-letter queue. */
  public Value<Boolean> declaresRedriveAllow = Value.absent();

  /**
   * Filled by the linker: queues, subscriptions, rules and functions that use this queue as their
   * DLQ.
   */
  public final List<Resource> deadLetterSources = new ArrayList<>();

  public Queue(String scope, String id, String type, Location location) {
    super(scope, id, type, location);
  }
}
