package dev.relplan.parse.treesitter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TreeSitterCSharp;
import org.treesitter.TreeSitterPython;

class TreeCopyTest {
  /** A node type of the test's own, to copy into. */
  private static final class Copied extends SyntaxNode<Copied> {
    Copied(String type, String field, int line, int start, int end, byte[] source) {
      super(type, field, line, start, end, source);
    }
  }

  @Test
  void copyHoldsEveryNamedNodeWithTheTypeFieldLineAndOffsetsTreeSitterGives() {
    String python =
        "import boto3\n\nclass A:\n    def f(self, x):\n        return g(x, y=[1, 2])\n";
    TSNode root = parse(python, TreeSitterPython.class);

    Copied copy = copy(root, python);

    assertThat(describe(copy)).isEqualTo(describeNative(root));
  }

  @Test
  void linesFollowTreeSitterRowsWhenTheTextHoldsByteOrderMarks() {
    // The bindings drop every U+FEFF before tree-sitter sees the text, so its offsets skip them.
    String csharp = "\uFEFFusing System;\r\n\r\nnamespace N\n{\n  // a\uFEFFb\n  class A { }\n}\n";
    TSNode root = parse(csharp, TreeSitterCSharp.class);

    Copied copy = copy(root, csharp);

    assertThat(describe(copy)).isEqualTo(describeNative(root));
    assertThat(copy.all("class_declaration").get(0).line).isEqualTo(6);
  }

  @Test
  void nodeTextsAreTheWrittenTextWhenTheFileHoldsByteOrderMarks() {
    String csharp = "\uFEFFusing System;\n// a\uFEFFb\nclass Orders { }\n";
    TSNode root = parse(csharp, TreeSitterCSharp.class);

    Copied copy = copy(root, csharp);

    assertThat(copy.all("class_declaration").get(0).text()).isEqualTo("class Orders { }");
    assertThat(copy.all("using_directive").get(0).text()).isEqualTo("using System;");
  }

  private static TSNode parse(String text, Class<?> grammar) {
    TSParser parser = TreeSitterNatives.newParser();
    parser.setLanguage(
        grammar == TreeSitterCSharp.class ? new TreeSitterCSharp() : new TreeSitterPython());
    return parser.parseString(null, text).getRootNode();
  }

  private static Copied copy(TSNode root, String text) {
    return SyntaxNode.copyTree(root, text.getBytes(StandardCharsets.UTF_8), Copied::new);
  }

  private static List<String> describe(Copied n) {
    List<String> out = new ArrayList<>();
    describe(n, out);
    return out;
  }

  private static void describe(Copied n, List<String> out) {
    out.add(n.type + " " + n.field + " " + n.line + " " + n.start + "-" + n.end);
    for (Copied c : n.children) {
      assertThat(c.parent).isSameAs(n);
      describe(c, out);
    }
  }

  /** The same description read node by node through the bindings' own (slower) API. */
  private static List<String> describeNative(TSNode root) {
    List<String> out = new ArrayList<>();
    describeNative(root, null, out);
    return out;
  }

  private static void describeNative(TSNode n, String field, List<String> out) {
    out.add(
        n.getType()
            + " "
            + field
            + " "
            + (n.getStartPoint().getRow() + 1)
            + " "
            + n.getStartByte()
            + "-"
            + n.getEndByte());
    for (int i = 0; i < n.getChildCount(); i++) {
      if (n.getChild(i).isNamed()) describeNative(n.getChild(i), n.getFieldNameForChild(i), out);
    }
  }
}
