package dev.relplan.parse.hcl;

import java.util.List;
import java.util.Objects;

/**
 * A block ({@code type "label" ... { body }}). Its range runs from the start of the type name to
 * just past the closing brace, so {@code range().endLine()} is the line of the closing brace.
 */
public record Block(String type, List<String> labels, Body body, SourceRange range)
    implements BodyItem {
  public Block {
    Objects.requireNonNull(type, "type");
    labels = List.copyOf(labels);
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(range, "range");
  }

  /** The label at {@code index}, or {@code null} if there are not that many labels. */
  public String label(int index) {
    return index >= 0 && index < labels.size() ? labels.get(index) : null;
  }

  /** The line of the closing brace. */
  public int endLine() {
    return range.endLine();
  }
}
