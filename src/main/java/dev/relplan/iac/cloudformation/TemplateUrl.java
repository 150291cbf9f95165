package dev.relplan.iac.cloudformation;

import dev.relplan.discover.SourceFile;
import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;
import dev.relplan.parse.SeqNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The path a nested stack's remote {@code TemplateURL} ends with, read without evaluating it: a
 * literal URL, or the literal tail of a {@code Fn::Sub} or {@code Fn::Join} (the bucket and Region
 * are usually computed, the key's end is not). A template in the scanned paths whose path ends the
 * same way is the one the pipeline uploaded ("upload then reference").
 */
final class TemplateUrl {
  private TemplateUrl() {}

  /** A scanned template matched by the URL's path, or why none was: ambiguity or no tail. */
  record Match(SourceFile template, List<SourceFile> candidates) {
    boolean ambiguous() {
      return template == null && candidates.size() > 1;
    }
  }

  /**
   * The path segments the URL is known to end with ("stacks", "network.yaml"), empty when no
   * literal tail names a file.
   */
  static List<String> knownPath(Node url) {
    String fn = Template.intrinsicName(url);
    if (fn == null)
      return url instanceof ScalarNode s && s.text() != null ? ofUrl(s.text()) : List.of();
    Node arg = Template.intrinsicArgument(url);
    return switch (fn) {
      case "Fn::Sub" -> ofSub(arg);
      case "Fn::Join" -> ofJoin(arg);
      default -> List.of();
    };
  }

  /** A literal URL's path: after the scheme and host (s3://bucket/key: after the bucket). */
  static List<String> ofUrl(String url) {
    String path = withoutQuery(url);
    int scheme = path.indexOf("://");
    if (scheme >= 0) {
      int slash = path.indexOf('/', scheme + 3);
      path = slash < 0 ? "" : path.substring(slash);
    }
    return segments(path, false);
  }

  /** The literal text after the last ${...} of a Fn::Sub string. */
  private static List<String> ofSub(Node arg) {
    Node template = arg instanceof SeqNode seq && !seq.items().isEmpty() ? seq.items().get(0) : arg;
    if (!(template instanceof ScalarNode s) || s.text() == null) return List.of();
    String text = s.text();
    int end = text.lastIndexOf('}');
    if (end < 0) return ofUrl(text);
    return segments(withoutQuery(text.substring(end + 1)), true);
  }

  /** The literal items at the end of a Fn::Join, joined with its delimiter. */
  private static List<String> ofJoin(Node arg) {
    if (!(arg instanceof SeqNode seq)
        || seq.items().size() != 2
        || !(seq.items().get(0) instanceof ScalarNode delimiter)
        || !(seq.items().get(1) instanceof SeqNode items)) return List.of();
    String joiner = delimiter.text() == null ? "" : delimiter.text();
    List<String> tail = new ArrayList<>();
    boolean computedBefore = false;
    for (int i = items.items().size() - 1; i >= 0; i--) {
      Node item = items.items().get(i);
      if (!(item instanceof ScalarNode s)
          || Template.intrinsicName(s) != null
          || s.text() == null) {
        computedBefore = true;
        break;
      }
      tail.add(0, s.text());
    }
    String text = String.join(joiner, tail);
    if (computedBefore) text = joiner + text;
    return computedBefore ? segments(withoutQuery(text), true) : ofUrl(text);
  }

  private static String withoutQuery(String url) {
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q);
  }

  /**
   * Non-empty segments; after a computed part, text before the first slash is the rest of a
   * computed segment (a host, a prefix) and not a path segment of its own.
   */
  private static List<String> segments(String path, boolean afterComputed) {
    if (afterComputed && !path.startsWith("/")) {
      int slash = path.indexOf('/');
      path = slash < 0 ? "" : path.substring(slash);
    }
    List<String> out = new ArrayList<>();
    for (String s : path.split("/")) if (!s.isEmpty()) out.add(s);
    return out;
  }

  /**
   * The scanned template whose path shares the longest ending with the URL's path (its file name at
   * least); two equally good candidates are ambiguous and none is chosen.
   */
  static Match match(List<String> urlPath, SourceFile parent, Collection<SourceFile> templates) {
    if (urlPath.isEmpty()) return new Match(null, List.of());
    int best = 0;
    List<SourceFile> bestFiles = new ArrayList<>();
    for (SourceFile t : templates) {
      if (t == parent) continue;
      int shared = sharedEnding(urlPath, Arrays.asList(t.display().split("/")));
      if (shared == 0 || shared < best) continue;
      if (shared > best) bestFiles.clear();
      best = shared;
      bestFiles.add(t);
    }
    return new Match(bestFiles.size() == 1 ? bestFiles.get(0) : null, List.copyOf(bestFiles));
  }

  private static int sharedEnding(List<String> a, List<String> b) {
    int n = 0;
    while (n < a.size() && n < b.size() && a.get(a.size() - 1 - n).equals(b.get(b.size() - 1 - n)))
      n++;
    return n;
  }
}
