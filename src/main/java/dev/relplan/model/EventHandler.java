package dev.relplan.model;

import dev.relplan.source.Location;

/**
 * The code of a Lambda function that consumes events (SQS, SNS, EventBridge, Kinesis, DynamoDB
 * streams, Kafka, MQ), linked through the function's Handler and CodeUri. The location is the
 * handler definition in code; when the code cannot be found it is the function's declaration and
 * {@link #idempotency} is unresolved with the reason.
 *
 * <p>A message listener in application code (Spring {@code @SqsListener}, {@code @KafkaListener},
 * {@code @RabbitListener}, {@code @JmsListener}, a {@code MessageListener} implementation) is an
 * event handler too: it has no function ({@link #function} is null), its location is the listener
 * annotation (or the {@code onMessage} method) and {@link #framework} says how it listens.
 */
public final class EventHandler extends Resource {
  public final String function;
  public final String trigger;
  public final Location functionLocation;
  public final Location triggerLocation;

  /**
   * The idempotency mechanism found (Powertools idempotency, conditional write, FIFO
   * deduplication), or absent.
   */
  public Value<String> idempotency = Value.absent();

  /**
   * For a message listener: how it listens, e.g. "Spring Kafka @KafkaListener"; null for a Lambda
   * handler.
   */
  public String framework;

  /** For a message listener: the queues, topics or destinations named literally (may be empty). */
  public java.util.List<String> sources = java.util.List.of();

  /** For a message listener: Class.method. */
  public String listenerMethod;

  public EventHandler(
      String file,
      String handler,
      String function,
      String trigger,
      Location location,
      Location functionLocation,
      Location triggerLocation) {
    super(file, handler + ":" + location.line(), "code:event-handler", location);
    this.function = function;
    this.trigger = trigger;
    this.functionLocation = functionLocation;
    this.triggerLocation = triggerLocation;
  }

  /** A message listener in application code, fed by {@code trigger} (SQS, KAFKA, RABBITMQ, JMS). */
  public static EventHandler listener(
      String file,
      String method,
      String framework,
      String trigger,
      java.util.List<String> sources,
      Location location) {
    EventHandler h = new EventHandler(file, method, null, trigger, location, location, location);
    h.framework = framework;
    h.listenerMethod = method;
    h.sources = java.util.List.copyOf(sources);
    return h;
  }

  public boolean isListener() {
    return framework != null;
  }

  /**
   * Code names (functions, classes) say nothing about the environment: no production judgement from
   * them.
   */
  @Override
  public String identityText() {
    return "";
  }
}
