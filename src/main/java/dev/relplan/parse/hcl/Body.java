package dev.relplan.parse.hcl;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An ordered list of attributes and blocks. Duplicate attribute names are kept as written (the
 * parser does not reject them); {@link #attribute(String)} returns the first.
 */
public record Body(List<BodyItem> items, SourceRange range) {
  public Body {
    items = List.copyOf(items);
    Objects.requireNonNull(range, "range");
  }

  public List<Attribute> attributes() {
    List<Attribute> out = new ArrayList<>();
    for (BodyItem item : items) {
      if (item instanceof Attribute a) {
        out.add(a);
      }
    }
    return out;
  }

  public List<Block> blocks() {
    List<Block> out = new ArrayList<>();
    for (BodyItem item : items) {
      if (item instanceof Block b) {
        out.add(b);
      }
    }
    return out;
  }

  /** The blocks of the given type, in order. */
  public List<Block> blocks(String type) {
    List<Block> out = new ArrayList<>();
    for (BodyItem item : items) {
      if (item instanceof Block b && b.type().equals(type)) {
        out.add(b);
      }
    }
    return out;
  }

  /** The first attribute with the given name. */
  public Optional<Attribute> attribute(String name) {
    for (BodyItem item : items) {
      if (item instanceof Attribute a && a.name().equals(name)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
