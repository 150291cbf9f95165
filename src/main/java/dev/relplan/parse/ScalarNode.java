package dev.relplan.parse;

import dev.relplan.source.Location;

/**
 * A scalar: {@code text} is null for a YAML/JSON null; {@code quoted} is true for quoted strings.
 */
public record ScalarNode(Location location, String tag, String text, Kind kind) implements Node {
  public enum Kind {
    STRING,
    PLAIN,
    NUMBER,
    BOOLEAN,
    NULL
  }

  public boolean isNull() {
    return kind == Kind.NULL;
  }
}
