package dev.relplan.parse;

import dev.relplan.source.Location;
import java.util.List;

/** A mapping with keys in document order. Keys are unique (parsers reject duplicates). */
public record MapNode(Location location, String tag, List<Entry> entries) implements Node {
  public record Entry(String key, Location keyLocation, Node value) {}

  public Node get(String key) {
    for (Entry e : entries) if (e.key.equals(key)) return e.value;
    return null;
  }

  public Entry entry(String key) {
    for (Entry e : entries) if (e.key.equals(key)) return e;
    return null;
  }

  public boolean has(String key) {
    return get(key) != null;
  }

  /** The single key of a one-entry map, as used by {@code {"Fn::If": [...]}}, or null. */
  public String singleKey() {
    return entries.size() == 1 ? entries.get(0).key : null;
  }
}
