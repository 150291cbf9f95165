package dev.relplan.iac.kubernetes.helm;

import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.SeqNode;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * The values files one chart's templates see, highest precedence first, each a located tree with
 * the key prefix under which it holds this chart's values (a parent chart holds a subchart's under
 * the subchart's name or alias). Answers which line supplied a values path: the line of the key in
 * the highest-precedence file that sets it, as Helm's merge takes it from there.
 */
final class ValuesSources {
  /** One file's tree and the prefix of this chart's values in it. */
  record Source(Node root, List<Object> prefix) {}

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
      out.add(new Source(s.root(), prefix));
    }
    if (subchartValues != null) out.add(new Source(subchartValues, List.of()));
    return new ValuesSources(out);
  }

  /** The line that supplied {@code path} (keys and list indexes); null when no file sets it. */
  Location locate(List<Object> path) {
    for (Source s : sources) {
      List<Object> full = new ArrayList<>(s.prefix());
      full.addAll(path);
      Location found = locate(s.root(), full);
      if (found != null) return found;
    }
    return null;
  }

  private static Location locate(Node root, List<Object> path) {
    Node node = root;
    Location line = null;
    for (Object step : path) {
      if (step instanceof String key && node instanceof MapNode map) {
        MapNode.Entry e = map.entry(key);
        if (e == null) return null;
        line = e.keyLocation();
        node = e.value();
      } else if (step instanceof Integer index
          && node instanceof SeqNode seq
          && index < seq.items().size()) {
        node = seq.items().get(index);
        line = node.location();
      } else return null;
    }
    return line;
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
