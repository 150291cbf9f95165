package dev.relplan.parse.treesitter;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.treesitter.TSNode;
import org.treesitter.TSParser;

/**
 * A node's symbol, start and end byte read with as few JNI crossings as the bindings allow, for the
 * tree copy's inner loop (a quarter of a code-heavy run's CPU went there). In the bindings each
 * {@link TSNode} method first asks native code whether the node is null, and every native call
 * taking a node rebuilds it from the Java object by looking up its six fields by name: three
 * crossings and a dozen field lookups for {@code getSymbol} and {@code getStartByte} together. Here
 * the start byte is the node's first context word, which is exactly what tree-sitter's {@code
 * ts_node_start_byte} returns, read from the Java object; the symbol and end byte call the
 * bindings' natives directly (reachable from a subclass of {@link TSParser}, which declares them
 * protected), skipping the null check: the nodes come from a cursor, which never yields a null
 * node. {@code NodeReadsTest} holds these against the public methods on every node of real files.
 */
final class NodeReads extends TSParser {
  private static final VarHandle START_BYTE = startByte();

  /** Never made: the class exists for its access to the bindings' protected natives. */
  private NodeReads() {}

  /** The node's grammar symbol, as {@link TSNode#getSymbol}. */
  static int symbol(TSNode node) {
    return ts_node_symbol(node);
  }

  /** The node's start byte, as {@link TSNode#getStartByte}. */
  static int startByte(TSNode node) {
    return (int) START_BYTE.get(node);
  }

  /** The node's end byte, as {@link TSNode#getEndByte}. */
  static int endByte(TSNode node) {
    return ts_node_end_byte(node);
  }

  private static VarHandle startByte() {
    try {
      return MethodHandles.privateLookupIn(TSNode.class, MethodHandles.lookup())
          .findVarHandle(TSNode.class, "context0", int.class);
    } catch (ReflectiveOperationException e) {
      // The pinned bindings have the field; a different version must be checked before use.
      throw new IllegalStateException("tree-sitter bindings without TSNode.context0", e);
    }
  }
}
