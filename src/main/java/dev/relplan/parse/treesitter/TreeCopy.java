package dev.relplan.parse.treesitter;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.treesitter.TSNode;
import org.treesitter.TSTreeCursor;

/**
 * One copy of a tree-sitter tree into a language's {@link SyntaxNode}s. Every call into the native
 * tree crosses JNI (and the bindings add a null check, one more crossing, to each node method), so
 * the copy makes as few as it can, which halves its cost on Python and C# files:
 *
 * <ul>
 *   <li>a node's symbol and offsets are read without the bindings' per-method null check ({@link
 *       NodeReads});
 *   <li>a cursor walks the tree: indexing children one by one costs time proportional to the
 *       child's position (quadratic on a module with thousands of statements) and a crossing more
 *       per child;
 *   <li>a node's type name, whether it is named and a field's name are the same for every node of a
 *       grammar symbol or field id, so each is asked once per copy and kept (a type name as one
 *       shared string instead of a new one per node);
 *   <li>the 1-based line comes from the byte offset and the file's line starts, not from a point
 *       object made per node (tree-sitter counts rows by {@code \n} alone, as the line starts do; a
 *       quarter of the copy's cost).
 * </ul>
 */
final class TreeCopy<N extends SyntaxNode<N>> {
  private final byte[] source;
  private final SyntaxNode.Factory<N> factory;
  private final int[] lineStarts;
  private final Map<Integer, String> typeNames = new HashMap<>();
  private final Map<Integer, Boolean> namedSymbols = new HashMap<>();
  private final Map<Integer, String> fieldNames = new HashMap<>();

  TreeCopy(byte[] source, SyntaxNode.Factory<N> factory) {
    this.source = source;
    this.factory = factory;
    this.lineStarts = lineStarts(source);
  }

  /** The copy of the named nodes under {@code root}, up to {@link SyntaxNode#MAX_DEPTH}. */
  N copy(TSNode root) {
    N top = node(root, root.getSymbol(), null); // the public call: it checks the root is a node
    TSTreeCursor cursor = new TSTreeCursor(root);
    ArrayDeque<N> parents = new ArrayDeque<>(); // the copies of the cursor node's ancestors
    N current = top; // the copy of the cursor node; null for an anonymous node (not copied)
    while (true) {
      if (current != null && parents.size() < SyntaxNode.MAX_DEPTH && cursor.gotoFirstChild()) {
        parents.push(current);
      } else {
        while (!cursor.gotoNextSibling()) {
          if (parents.isEmpty() || !cursor.gotoParent()) return top;
          parents.pop();
          if (parents.isEmpty()) return top; // back at the root
        }
      }
      TSNode n = cursor.currentNode();
      int symbol = NodeReads.symbol(n);
      if (isNamed(n, symbol)) {
        current = node(n, symbol, fieldName(cursor));
        current.parent = parents.peek();
        parents.peek().children.add(current);
      } else {
        current = null;
      }
    }
  }

  private N node(TSNode n, int symbol, String field) {
    int start = NodeReads.startByte(n);
    return factory.create(
        typeName(n, symbol), field, line(start), start, NodeReads.endByte(n), source);
  }

  private String typeName(TSNode n, int symbol) {
    String name = typeNames.get(symbol);
    if (name == null) {
      name = n.getType();
      typeNames.put(symbol, name);
    }
    return name;
  }

  private boolean isNamed(TSNode n, int symbol) {
    Boolean named = namedSymbols.get(symbol);
    if (named == null) {
      named = n.isNamed();
      namedSymbols.put(symbol, named);
    }
    return named;
  }

  /** The field name of the cursor's node in its parent, or null (field id 0: none). */
  private String fieldName(TSTreeCursor cursor) {
    int id = cursor.currentFieldId();
    if (id == 0) return null;
    String name = fieldNames.get(id);
    if (name == null) {
      name = cursor.currentFieldName();
      fieldNames.put(id, name);
    }
    return name;
  }

  /** The 1-based line holding a byte offset. */
  private int line(int offset) {
    int at = Arrays.binarySearch(lineStarts, offset);
    return at >= 0 ? at + 1 : -at - 1;
  }

  /**
   * Offsets at which lines start, counted as tree-sitter counts them: the bindings drop every
   * U+FEFF (a byte order mark, bytes EF BB BF) from the text they hand to tree-sitter, so its byte
   * offsets are those of the text without them.
   */
  private static int[] lineStarts(byte[] source) {
    int count = 1;
    for (byte b : source) if (b == '\n') count++;
    int[] out = new int[count];
    int k = 1;
    int dropped = 0;
    for (int i = 0; i < source.length; i++) {
      if (isByteOrderMark(source, i)) {
        dropped += 3;
        i += 2;
      } else if (source[i] == '\n') {
        out[k++] = i + 1 - dropped;
      }
    }
    return out;
  }

  private static boolean isByteOrderMark(byte[] source, int i) {
    return source[i] == (byte) 0xEF
        && i + 2 < source.length
        && source[i + 1] == (byte) 0xBB
        && source[i + 2] == (byte) 0xBF;
  }
}
