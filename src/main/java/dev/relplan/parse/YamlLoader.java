package dev.relplan.parse;

import dev.relplan.source.Location;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Builds located {@link Node} trees from YAML using snakeyaml-engine's event stream. Building from
 * events (instead of the recursive composer) lets us bound depth without recursion, share aliased
 * nodes instead of copying them, and reject alias bombs by their expanded size. CloudFormation
 * short-form tags such as {@code !Ref} stay as node tags.
 */
public final class YamlLoader {
  private YamlLoader() {}

  /**
   * One set of parser settings for every file: building them sets up a schema (about as long as
   * parsing a small template), and they are immutable. The file's name is not among them: it only
   * labels snakeyaml's marks, which our messages do not quote (they give the line).
   */
  private static final LoadSettings SETTINGS =
      LoadSettings.builder()
          .setCodePointLimit((int) Limits.MAX_FILE_BYTES)
          .setMaxAliasesForCollections(Limits.MAX_ALIASES)
          .build();

  /** Parses every document of a YAML stream. */
  public static List<Node> loadAll(String file, String content) throws ParseException {
    Builder b = new Builder(file);
    try {
      for (Event e : new Parse(SETTINGS).parseString(content)) b.accept(e);
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
      throw new ParseException(
          "invalid YAML: " + firstLine(e.getProblem()) + " (line " + line + ")", line);
    } catch (YamlEngineException e) {
      throw new ParseException("invalid YAML: " + firstLine(e.getMessage()), 0);
    }
    return b.documents;
  }

  /**
   * A problem found while building nodes; the reason names its line, as snakeyaml's own errors do.
   */
  private static ParseException located(String problem, int line) {
    return new ParseException("invalid YAML: " + problem + " (line " + line + ")", line);
  }

  private static String firstLine(String s) {
    if (s == null) return "unreadable";
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).trim();
  }

  /** Turns the event stream into nodes with an explicit stack. */
  private static final class Builder {
    private final String file;
    private final List<Node> documents = new ArrayList<>();
    private final Deque<Frame> stack = new ArrayDeque<>();
    private final Map<String, Node> anchors = new HashMap<>();
    private final Map<Node, Long> expandedSize = new IdentityHashMap<>();
    private long documentSize;
    private int aliases;

    Builder(String file) {
      this.file = file;
    }

    void accept(Event e) throws ParseException {
      switch (e.getEventId()) {
        case DocumentStart -> {
          anchors.clear();
          documentSize = 0;
          aliases = 0;
        }
        case MappingStart, SequenceStart -> {
          if (stack.size() >= Limits.MAX_DEPTH) {
            throw located("document nests deeper than " + Limits.MAX_DEPTH + " levels", line(e));
          }
          CollectionStartEvent c = (CollectionStartEvent) e;
          stack.push(
              new Frame(
                  e.getEventId() == Event.ID.MappingStart,
                  location(e),
                  tag(c.getTag()),
                  anchor(c)));
        }
        case MappingEnd, SequenceEnd -> {
          Frame f = stack.pop();
          Node n =
              f.isMap
                  ? new MapNode(f.location, f.tag, List.copyOf(f.entries))
                  : new SeqNode(f.location, f.tag, List.copyOf(f.items));
          if (f.isMap && f.pendingKey != null)
            throw located("mapping key without value", f.location.line());
          expandedSize.put(n, f.size);
          if (f.anchor != null) anchors.put(f.anchor, n);
          add(n, f.size);
        }
        case Scalar -> {
          ScalarEvent s = (ScalarEvent) e;
          Node n = scalar(s);
          expandedSize.put(n, 1L);
          String a = anchor(s);
          if (a != null) anchors.put(a, n);
          add(n, 1);
        }
        case Alias -> {
          String name = ((AliasEvent) e).getAlias().getValue();
          Node target = anchors.get(name);
          if (target == null) throw located("alias *" + name + " has no anchor", line(e));
          if (++aliases > Limits.MAX_ALIASES) {
            throw located(
                "more than " + Limits.MAX_ALIASES + " aliases (possible alias bomb)", line(e));
          }
          add(target, expandedSize.getOrDefault(target, 1L));
        }
        default -> {}
      }
    }

    private void add(Node n, long size) throws ParseException {
      documentSize += size;
      if (documentSize > Limits.MAX_EXPANDED_NODES) {
        throw located(
            "document expands to more than "
                + Limits.MAX_EXPANDED_NODES
                + " nodes (possible alias bomb)",
            n.location().line());
      }
      if (stack.isEmpty()) {
        documents.add(n);
        return;
      }
      Frame parent = stack.peek();
      parent.size += size;
      if (!parent.isMap) {
        parent.items.add(n);
      } else if (parent.pendingKey == null) {
        if (!(n instanceof ScalarNode k)) {
          throw located("mapping keys must be scalars", n.location().line());
        }
        String key = k.text() == null ? "" : k.text();
        Location first = parent.keyLines.putIfAbsent(key, n.location());
        if (first != null) {
          throw new ParseException(
              "duplicate key '"
                  + key
                  + "' (line "
                  + n.location().line()
                  + ", first at line "
                  + first.line()
                  + ")",
              n.location().line());
        }
        parent.pendingKey = k;
      } else {
        ScalarNode k = parent.pendingKey;
        parent.entries.add(new MapNode.Entry(k.text() == null ? "" : k.text(), k.location(), n));
        parent.pendingKey = null;
      }
    }

    private ScalarNode scalar(ScalarEvent s) {
      String tag = tag(s.getTag());
      String v = s.getValue();
      ScalarNode.Kind kind;
      if (!s.isPlain() || (tag != null && !tag.startsWith("!!"))) {
        kind = ScalarNode.Kind.STRING;
      } else if (tag != null) {
        kind =
            switch (tag) {
              case "!!int", "!!float" -> ScalarNode.Kind.NUMBER;
              case "!!bool" -> ScalarNode.Kind.BOOLEAN;
              case "!!null" -> ScalarNode.Kind.NULL;
              default -> ScalarNode.Kind.STRING;
            };
      } else if (v.isEmpty() || v.equals("~") || v.equalsIgnoreCase("null")) {
        kind = ScalarNode.Kind.NULL;
      } else if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
        kind = ScalarNode.Kind.BOOLEAN;
      } else if (CoreSchemaNumbers.isNumber(v)) {
        kind = ScalarNode.Kind.NUMBER;
      } else {
        kind = ScalarNode.Kind.PLAIN;
      }
      return new ScalarNode(location(s), tag, kind == ScalarNode.Kind.NULL ? null : v, kind);
    }

    private String tag(Optional<String> t) {
      return t.filter(x -> !x.isEmpty())
          .map(x -> x.startsWith("tag:yaml.org,2002:") ? "!!" + x.substring(18) : x)
          .orElse(null);
    }

    private String anchor(NodeEvent e) {
      return e.getAnchor().map(a -> a.getValue()).orElse(null);
    }

    private Location location(Event e) {
      return new Location(file, line(e));
    }

    private int line(Event e) {
      return e.getStartMark().map(Mark::getLine).orElse(0) + 1;
    }
  }

  private static final class Frame {
    final boolean isMap;
    final Location location;
    final String tag;
    final String anchor;
    final List<MapNode.Entry> entries = new ArrayList<>();

    /** Where each key of a mapping was first seen: a hash lookup keeps duplicate checks linear. */
    final Map<String, Location> keyLines = new HashMap<>();

    final List<Node> items = new ArrayList<>();
    ScalarNode pendingKey;
    long size = 1;

    Frame(boolean isMap, Location location, String tag, String anchor) {
      this.isMap = isMap;
      this.location = location;
      this.tag = tag;
      this.anchor = anchor;
    }
  }
}
