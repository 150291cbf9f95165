package dev.relplan.suppress;

import dev.relplan.parse.LineIndex;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;
import dev.relplan.parse.SeqNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.comments.CommentType;
import org.snakeyaml.engine.v2.events.CommentEvent;
import org.snakeyaml.engine.v2.events.Event;

/**
 * A YAML file's comments, from snakeyaml-engine's event stream with comments on (a {@code #} inside
 * a quoted or block scalar is text, not a comment), and its blocks from the located trees.
 */
final class YamlFile {
  private static final LoadSettings WITH_COMMENTS =
      LoadSettings.builder().setParseComments(true).build();

  private YamlFile() {}

  static List<Comment> comments(String content) {
    List<Comment> out = new ArrayList<>();
    for (Event e : new Parse(WITH_COMMENTS).parseString(content)) {
      if (!(e instanceof CommentEvent c) || c.getCommentType() == CommentType.BLANK_LINE) continue;
      int line = c.getStartMark().map(m -> m.getLine() + 1).orElse(0);
      if (line == 0) continue;
      boolean ownLine = c.getCommentType() != CommentType.IN_LINE;
      out.add(new Comment(line, line, ownLine, "#" + c.getValue()));
    }
    return out;
  }

  /** YAML's document markers and directives: neither content nor blank. */
  static boolean marker(LineIndex text, int line) {
    String s = text.text(line).strip();
    return s.equals("---") || s.startsWith("--- ") || s.equals("...") || s.startsWith("%");
  }

  /**
   * Every mapping entry's block (its key line to its value's last line) and every sequence item's;
   * a Kubernetes object's whole document declares its {@code kind:} line, where its resource is.
   */
  static List<Placement.Span> spans(List<Node> documents) {
    List<Placement.Span> spans = new ArrayList<>();
    Map<Node, Integer> ends = new IdentityHashMap<>();
    for (Node doc : documents) {
      if (doc == null) continue;
      int end = endLine(doc, ends);
      int declares = doc.location().line();
      if (doc instanceof MapNode m && m.has("apiVersion") && m.entry("kind") != null)
        declares = m.entry("kind").keyLocation().line();
      spans.add(new Placement.Span(doc.location().line(), end, declares));
      collect(doc, ends, spans);
    }
    return spans;
  }

  private static void collect(Node root, Map<Node, Integer> ends, List<Placement.Span> spans) {
    Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Node> todo = new ArrayDeque<>(List.of(root));
    while (!todo.isEmpty()) {
      Node n = todo.pop();
      if (!seen.add(n)) continue;
      if (n instanceof MapNode m) {
        for (MapNode.Entry e : m.entries()) {
          int start = e.keyLocation().line();
          int end = e.value() == null ? start : Math.max(start, endLine(e.value(), ends));
          spans.add(new Placement.Span(start, end, start));
          if (e.value() != null) todo.push(e.value());
        }
      } else if (n instanceof SeqNode s) {
        for (Node item : s.items()) {
          if (item == null) continue;
          if (!(item instanceof ScalarNode)) {
            int start = item.location().line();
            spans.add(new Placement.Span(start, endLine(item, ends), start));
          }
          todo.push(item);
        }
      }
    }
  }

  /** The last line any node under {@code node} starts on, computed once per node. */
  private static int endLine(Node node, Map<Node, Integer> ends) {
    Integer known = ends.get(node);
    if (known != null) return known;
    // Post-order without recursion: children first, then their parent.
    Deque<Node> todo = new ArrayDeque<>(List.of(node));
    Set<Node> expanded = Collections.newSetFromMap(new IdentityHashMap<>());
    while (!todo.isEmpty()) {
      Node n = todo.peek();
      if (ends.containsKey(n)) {
        todo.pop();
        continue;
      }
      List<Node> children = children(n);
      if (expanded.add(n)) {
        for (Node c : children) if (!ends.containsKey(c)) todo.push(c);
        continue;
      }
      todo.pop();
      int end = n.location().line();
      if (n instanceof MapNode m)
        for (MapNode.Entry e : m.entries()) end = Math.max(end, e.keyLocation().line());
      for (Node c : children) end = Math.max(end, ends.getOrDefault(c, c.location().line()));
      ends.put(n, end);
    }
    return ends.get(node);
  }

  private static List<Node> children(Node n) {
    List<Node> out = new ArrayList<>();
    if (n instanceof MapNode m) {
      for (MapNode.Entry e : m.entries()) if (e.value() != null) out.add(e.value());
    } else if (n instanceof SeqNode s) {
      for (Node item : s.items()) if (item != null) out.add(item);
    }
    return out;
  }
}
