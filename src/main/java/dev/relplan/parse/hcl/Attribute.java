package dev.relplan.parse.hcl;

import java.util.Objects;

/**
 * An attribute ({@code name = expression}). Its range runs from the start of the name to the end of
 * the expression.
 */
public record Attribute(String name, Expr value, SourceRange range) implements BodyItem {
  public Attribute {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(range, "range");
  }
}
