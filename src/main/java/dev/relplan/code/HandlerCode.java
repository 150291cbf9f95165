package dev.relplan.code;

import dev.relplan.model.Value;
import dev.relplan.source.Location;

/**
 * A handler function found in code, and the idempotency mechanism it uses (absent when none).
 * {@code name} is the function's name in the code when the handler setting does not say it (a Go
 * function's setting names its executable, {@code bootstrap}, not the function {@code lambda.Start}
 * runs); null when the setting names the function.
 */
public record HandlerCode(Location definition, Value<String> idempotency, String name) {
  public HandlerCode(Location definition, Value<String> idempotency) {
    this(definition, idempotency, null);
  }
}
