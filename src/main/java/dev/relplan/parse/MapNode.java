package dev.relplan.parse;

import dev.relplan.source.Location;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A mapping with keys in document order. Keys are unique (parsers reject duplicates). Lookups by
 * key go through an index built on the first lookup of a large mapping, so resolving every
 * reference of a template with thousands of resources stays linear.
 */
public final class MapNode implements Node {
  /** Below this many entries a scan is as fast as hashing and allocates nothing. */
  private static final int INDEX_FROM = 8;

  public record Entry(String key, Location keyLocation, Node value) {}

  private final Location location;
  private final String tag;
  private final List<Entry> entries;

  /** Built on first use; volatile so a tree shared between threads sees a complete index. */
  private volatile Map<String, Entry> byKey;

  public MapNode(Location location, String tag, List<Entry> entries) {
    this.location = location;
    this.tag = tag;
    this.entries = entries;
  }

  @Override
  public Location location() {
    return location;
  }

  @Override
  public String tag() {
    return tag;
  }

  public List<Entry> entries() {
    return entries;
  }

  public Node get(String key) {
    Entry e = entry(key);
    return e == null ? null : e.value;
  }

  public Entry entry(String key) {
    if (entries.size() < INDEX_FROM) {
      for (Entry e : entries) if (e.key.equals(key)) return e;
      return null;
    }
    Map<String, Entry> index = byKey;
    if (index == null) byKey = index = index(entries);
    return index.get(key);
  }

  /** The first entry of each key, as a scan would find it. */
  private static Map<String, Entry> index(List<Entry> entries) {
    Map<String, Entry> index = new HashMap<>(entries.size() * 2);
    for (Entry e : entries) index.putIfAbsent(e.key, e);
    return index;
  }

  public boolean has(String key) {
    return get(key) != null;
  }

  /** The single key of a one-entry map, as used by {@code {"Fn::If": [...]}}, or null. */
  public String singleKey() {
    return entries.size() == 1 ? entries.get(0).key : null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MapNode m
        && Objects.equals(location, m.location)
        && Objects.equals(tag, m.tag)
        && entries.equals(m.entries);
  }

  @Override
  public int hashCode() {
    return Objects.hash(location, tag, entries);
  }

  @Override
  public String toString() {
    return "MapNode[location=" + location + ", tag=" + tag + ", entries=" + entries + "]";
  }
}
