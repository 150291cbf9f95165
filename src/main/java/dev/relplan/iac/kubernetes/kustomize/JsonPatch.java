package dev.relplan.iac.kubernetes.kustomize;

import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.SeqNode;
import dev.relplan.source.FileGuard;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 6902 JSON patch (add, remove, replace, move, copy, test) over located trees, as kustomize
 * applies {@code patchesJson6902} and JSON-patch {@code patches}. A value added or replaced keeps
 * the patch's location. Any failing operation fails the whole patch, as in kustomize.
 */
final class JsonPatch {
  /** Longest JSON pointer accepted, in characters and in reference tokens. */
  static final int MAX_POINTER_CHARS = 4096;

  static final int MAX_POINTER_TOKENS = 128;

  private JsonPatch() {}

  /** True when the document is a JSON patch: a list of operations. */
  static boolean isJsonPatch(Node doc) {
    return doc instanceof SeqNode s
        && !s.items().isEmpty()
        && s.items().stream().allMatch(i -> Trees.text(i, "op") != null);
  }

  static MapNode apply(MapNode object, SeqNode operations) {
    Node doc = object;
    for (Node op : operations.items()) {
      FileGuard.checkTime();
      doc = applyOne(doc, op);
    }
    if (!(doc instanceof MapNode m) || Trees.text(m, "kind") == null)
      throw new PatchException("the patch leaves no object (no kind)");
    return m;
  }

  private static Node applyOne(Node doc, Node op) {
    String name = Trees.text(op, "op");
    List<String> path = pointer(Trees.text(op, "path"));
    Node value = op instanceof MapNode m ? m.get("value") : null;
    return switch (name == null ? "" : name) {
      case "add" -> add(doc, path, required(value, name));
      case "remove" -> remove(doc, path);
      case "replace" -> replace(doc, path, required(value, name));
      case "move" -> {
        List<String> from = pointer(Trees.text(op, "from"));
        Node moved = get(doc, from);
        yield add(remove(doc, from), path, moved);
      }
      case "copy" -> add(doc, path, get(doc, pointer(Trees.text(op, "from"))));
      case "test" -> {
        if (!Trees.sameData(get(doc, path), required(value, name)))
          throw new PatchException("test of " + Trees.text(op, "path") + " failed");
        yield doc;
      }
      default -> throw new PatchException("unknown JSON patch operation '" + name + "'");
    };
  }

  private static Node required(Node value, String op) {
    if (value == null) throw new PatchException("'" + op + "' without a value");
    return value;
  }

  /** The reference tokens of a JSON pointer, unescaped; bounded in length and depth. */
  static List<String> pointer(String text) {
    if (text == null) throw new PatchException("operation without a path");
    if (text.length() > MAX_POINTER_CHARS)
      throw new PatchException("JSON pointer longer than " + MAX_POINTER_CHARS + " characters");
    if (text.isEmpty()) return List.of();
    if (text.charAt(0) != '/') throw new PatchException("JSON pointer not starting with '/'");
    List<String> tokens = new ArrayList<>();
    int start = 1;
    while (true) {
      int slash = text.indexOf('/', start);
      String raw = slash < 0 ? text.substring(start) : text.substring(start, slash);
      tokens.add(raw.replace("~1", "/").replace("~0", "~"));
      if (tokens.size() > MAX_POINTER_TOKENS)
        throw new PatchException("JSON pointer deeper than " + MAX_POINTER_TOKENS + " levels");
      if (slash < 0) return tokens;
      start = slash + 1;
    }
  }

  static Node get(Node doc, List<String> path) {
    Node at = doc;
    for (String token : path) {
      if (at instanceof MapNode m && m.get(token) != null) at = m.get(token);
      else if (at instanceof SeqNode s) at = s.items().get(index(token, s.items().size() - 1));
      else throw missing(path);
    }
    return at;
  }

  private static Node add(Node doc, List<String> path, Node value) {
    if (path.isEmpty()) return value;
    return atParent(
        doc,
        path,
        0,
        (parent, token) -> {
          if (parent instanceof MapNode m) return Trees.put(m, token, value.location(), value);
          if (parent instanceof SeqNode s) {
            List<Node> items = new ArrayList<>(s.items());
            items.add(token.equals("-") ? items.size() : index(token, items.size()), value);
            return new SeqNode(s.location(), s.tag(), List.copyOf(items));
          }
          throw missing(path);
        });
  }

  private static Node remove(Node doc, List<String> path) {
    if (path.isEmpty()) throw new PatchException("cannot remove the whole object");
    return atParent(
        doc,
        path,
        0,
        (parent, token) -> {
          if (parent instanceof MapNode m && m.has(token)) return Trees.remove(m, token);
          if (parent instanceof SeqNode s) {
            List<Node> items = new ArrayList<>(s.items());
            items.remove(index(token, items.size() - 1));
            return new SeqNode(s.location(), s.tag(), List.copyOf(items));
          }
          throw missing(path);
        });
  }

  private static Node replace(Node doc, List<String> path, Node value) {
    if (path.isEmpty()) return value;
    return atParent(
        doc,
        path,
        0,
        (parent, token) -> {
          if (parent instanceof MapNode m && m.entry(token) != null)
            return Trees.put(m, token, m.entry(token).keyLocation(), value);
          if (parent instanceof SeqNode s) {
            List<Node> items = new ArrayList<>(s.items());
            items.set(index(token, items.size() - 1), value);
            return new SeqNode(s.location(), s.tag(), List.copyOf(items));
          }
          throw missing(path);
        });
  }

  private interface Leaf {
    Node apply(Node parent, String token);
  }

  /** The tree with the parent of the path's last token replaced by {@code leaf}'s result. */
  private static Node atParent(Node node, List<String> path, int i, Leaf leaf) {
    String token = path.get(i);
    if (i == path.size() - 1) return leaf.apply(node, token);
    if (node instanceof MapNode m && m.entry(token) != null) {
      MapNode.Entry e = m.entry(token);
      return Trees.put(m, token, e.keyLocation(), atParent(e.value(), path, i + 1, leaf));
    }
    if (node instanceof SeqNode s) {
      List<Node> items = new ArrayList<>(s.items());
      int at = index(token, items.size() - 1);
      items.set(at, atParent(items.get(at), path, i + 1, leaf));
      return new SeqNode(s.location(), s.tag(), List.copyOf(items));
    }
    throw missing(path);
  }

  /** A list index token, at most {@code max}. */
  private static int index(String token, int max) {
    int value;
    try {
      value = Integer.parseInt(token);
    } catch (NumberFormatException e) {
      throw new PatchException("'" + shortened(token) + "' is not a list index");
    }
    if (value < 0 || value > max)
      throw new PatchException("list index " + value + " is out of range");
    return value;
  }

  private static PatchException missing(List<String> path) {
    return new PatchException("path /" + shortened(String.join("/", path)) + " does not exist");
  }

  private static String shortened(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "…";
  }
}
