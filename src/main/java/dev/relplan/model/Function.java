package dev.relplan.model;

import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;

/** A Lambda function. */
public final class Function extends Resource {
  /** How the function is invoked; filled by the adapter (SAM events) and the linker. */
  public record Trigger(String kind, boolean async, Value<Object> source, Location location) {}

  public Value<Integer> timeoutSeconds = Value.absent();
  public Value<Integer> reservedConcurrency = Value.absent();
  public Value<Integer> provisionedConcurrency = Value.absent();
  public Value<Object> deadLetterTarget = Value.absent();
  public Value<String> runtime = Value.absent();
  public Value<String> handler = Value.absent();
  public Value<String> codeUri = Value.absent();

  /**
   * Handler code written in the template (ZipFile, InlineCode); its trace is the line of the code's
   * first line, so code locations are template lines.
   */
  public Value<String> inlineCode = Value.absent();

  /** SAM AutoPublishAlias or a separate alias resource. */
  public Value<String> alias = Value.absent();

  /** Filled by the linker from event invoke configs. */
  public Value<Object> onFailureDestination = Value.absent();

  public final List<Trigger> triggers = new ArrayList<>();

  public boolean invokedAsynchronously() {
    return triggers.stream().anyMatch(Trigger::async);
  }

  public boolean servesApi() {
    return triggers.stream().anyMatch(t -> t.kind().startsWith("API") || t.kind().equals("ALB"));
  }

  public Function(String scope, String id, String type, Location location) {
    super(scope, id, type, location);
  }
}
