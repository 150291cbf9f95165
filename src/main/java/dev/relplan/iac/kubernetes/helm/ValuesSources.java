package dev.relplan.iac.kubernetes.helm;

import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.SeqNode;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The values files one chart's templates see, highest precedence first, each a located tree with
 * the key prefix under which it holds this chart's values (a parent chart holds a subchart's under
 * the subchart's name or alias). Answers which line supplied a values path: the line of the key in
 * the highest-precedence file that sets it, as Helm's merge takes it from there.
 */
final class ValuesSources {
  /**
   * One file's tree, the prefix of this chart's values in it, and the prefix of the {@code global}
   * values this chart sees in it (Helm gives a subchart its parents' {@code global} block).
   */
  record Source(Node root, List<Object> prefix, List<Object> globalPrefix) {
    /** A file holding this chart's values at its top. */
    Source(Node root) {
      this(root, List.of(), List.of());
    }
  }

  /** A values path as one file sets it: the concrete path, its key line and its value. */
  record Match(List<Object> path, Location line, Node value) {}

  private final List<Source> sources;

  ValuesSources(List<Source> sources) {
    this.sources = List.copyOf(sources);
  }

  /** The sources of a subchart whose values key in this chart is {@code key}, over its own file. */
  ValuesSources forSubchart(String key, Node subchartValues) {
    List<Source> out = new ArrayList<>();
    for (Source s : sources) {
      List<Object> prefix = new ArrayList<>(s.prefix());
      prefix.add(key);
      out.add(new Source(s.root(), prefix, s.globalPrefix()));
    }
    if (subchartValues != null) out.add(new Source(subchartValues));
    return new ValuesSources(out);
  }

  /** The line that supplied {@code path} (keys and list indexes); null when no file sets it. */
  Location locate(List<Object> path) {
    List<Match> found = matches(path);
    return found.isEmpty() ? null : found.get(0).line();
  }

  /**
   * Where the files set {@code path}, whose steps may be {@link TemplateScopes#ANY} (any element of
   * a list or map): one match per concrete path, from the highest-precedence file setting it.
   */
  List<Match> matches(List<Object> path) {
    List<Match> out = new ArrayList<>();
    Set<List<Object>> seen = new HashSet<>();
    for (Source s : sources) {
      boolean global = !path.isEmpty() && path.get(0).equals("global");
      List<Object> prefix = global ? s.globalPrefix() : s.prefix();
      Node start = at(s.root(), prefix);
      if (start == null) continue;
      expand(start, path, 0, new ArrayList<>(), null, out, seen);
    }
    return out;
  }

  private static Node at(Node root, List<Object> prefix) {
    Node node = root;
    for (Object step : prefix) {
      if (!(node instanceof MapNode map) || map.entry((String) step) == null) return null;
      node = map.entry((String) step).value();
    }
    return node;
  }

  private static void expand(
      Node node,
      List<Object> path,
      int at,
      List<Object> concrete,
      Location line,
      List<Match> out,
      Set<List<Object>> seen) {
    if (at == path.size()) {
      if (line != null && seen.add(List.copyOf(concrete))) {
        out.add(new Match(List.copyOf(concrete), line, node));
      }
      return;
    }
    Object step = path.get(at);
    if (node instanceof MapNode map) {
      for (MapNode.Entry e : map.entries()) {
        if (!step.equals(TemplateScopes.ANY) && !step.equals(e.key())) continue;
        concrete.add(e.key());
        expand(e.value(), path, at + 1, concrete, e.keyLocation(), out, seen);
        concrete.remove(concrete.size() - 1);
      }
    } else if (node instanceof SeqNode seq) {
      for (int i = 0; i < seq.items().size(); i++) {
        if (!step.equals(TemplateScopes.ANY) && !step.equals(i)) continue;
        Node item = seq.items().get(i);
        concrete.add(i);
        expand(item, path, at + 1, concrete, item.location(), out, seen);
        concrete.remove(concrete.size() - 1);
      }
    }
  }

  /** {@code a.b.c} as path steps. */
  static List<Object> steps(String dotted) {
    List<Object> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= dotted.length(); i++) {
      if (i == dotted.length() || dotted.charAt(i) == '.') {
        if (i > start) out.add(dotted.substring(start, i));
        start = i + 1;
      }
    }
    return out;
  }
}
