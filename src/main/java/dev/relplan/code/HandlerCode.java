package dev.relplan.code;

import dev.relplan.model.Value;
import dev.relplan.source.Location;

/** A handler function found in code, and the idempotency mechanism it uses (absent when none). */
public record HandlerCode(Location definition, Value<String> idempotency) {}
