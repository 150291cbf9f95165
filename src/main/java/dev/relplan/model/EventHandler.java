package dev.relplan.model;

/**
 * The code of a Lambda function that consumes events (SQS, SNS, EventBridge, Kinesis, DynamoDB
 * streams, Kafka, MQ), linked through the function's Handler and CodeUri. The location is the
 * handler definition in code; when the code cannot be found it is the function's declaration and
 * {@link #idempotency} is unresolved with the reason.
 */
public final class EventHandler extends Resource {
  public final String function;
  public final String trigger;
  public final Location functionLocation;
  public final Location triggerLocation;
  /** The idempotency mechanism found (Powertools idempotency, conditional write, FIFO deduplication), or absent. */
  public Value<String> idempotency = Value.absent();

  public EventHandler(String file, String handler, String function, String trigger, Location location, Location functionLocation,
                      Location triggerLocation) {
    super(file, handler + ":" + location.line(), "code:event-handler", location);
    this.function = function;
    this.trigger = trigger;
    this.functionLocation = functionLocation;
    this.triggerLocation = triggerLocation;
  }

  /** Code names (functions, classes) say nothing about the environment: no production judgement from them. */
  @Override
  public String identityText() {
    return "";
  }
}
