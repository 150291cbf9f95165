package dev.relplan.parse.treesitter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.treesitter.TSLanguage;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSTreeCursor;
import org.treesitter.TreeSitterCSharp;
import org.treesitter.TreeSitterPython;
import org.treesitter.TreeSitterTypescript;

class NodeReadsTest {
  @Test
  void pythonNodesReadTheSymbolAndOffsetsThePublicMethodsGive() {
    String python =
        "import boto3\n\nclass A:\n    def f(self, x='é'):\n        return g(x, y=[1, 2])  # ünï\n";

    assertThat(reads(python, new TreeSitterPython()))
        .isEqualTo(publicReads(python, new TreeSitterPython()));
  }

  @Test
  void typeScriptNodesReadTheSymbolAndOffsetsThePublicMethodsGive() {
    String ts =
        "import * as cdk from 'aws-cdk-lib';\nexport class S extends cdk.Stack {\n"
            + "  constructor(a: any) { super(a); const t = `x${1 + 2}`; }\n}\n";

    assertThat(reads(ts, new TreeSitterTypescript()))
        .isEqualTo(publicReads(ts, new TreeSitterTypescript()));
  }

  @Test
  void nodesAfterByteOrderMarksReadTheOffsetsThePublicMethodsGive() {
    String csharp = "\uFEFFusing System;\r\n// a\uFEFFb\nclass Orders { int x = 1; }\n";

    assertThat(reads(csharp, new TreeSitterCSharp()))
        .isEqualTo(publicReads(csharp, new TreeSitterCSharp()));
  }

  /** Every node, named or not, in cursor order: symbol, start and end byte by {@link NodeReads}. */
  private static List<String> reads(String text, TSLanguage grammar) {
    List<String> out = new ArrayList<>();
    for (TSNode n : nodes(text, grammar))
      out.add(NodeReads.symbol(n) + " " + NodeReads.startByte(n) + "-" + NodeReads.endByte(n));
    return out;
  }

  private static List<String> publicReads(String text, TSLanguage grammar) {
    List<String> out = new ArrayList<>();
    for (TSNode n : nodes(text, grammar))
      out.add(n.getSymbol() + " " + n.getStartByte() + "-" + n.getEndByte());
    return out;
  }

  private static List<TSNode> nodes(String text, TSLanguage grammar) {
    TSParser parser = TreeSitterNatives.newParser();
    parser.setLanguage(grammar);
    TSNode root = parser.parseString(null, text).getRootNode();
    List<TSNode> out = new ArrayList<>();
    TSTreeCursor cursor = new TSTreeCursor(root);
    do {
      out.add(cursor.currentNode());
      if (cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return out;
      }
    } while (true);
  }
}
