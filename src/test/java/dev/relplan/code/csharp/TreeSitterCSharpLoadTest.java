package dev.relplan.code.csharp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.parse.treesitter.TreeSitterNatives;
import org.junit.jupiter.api.Test;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TreeSitterCSharp;

/** The tree-sitter C# grammar's natives load on this platform and parse C#. */
class TreeSitterCSharpLoadTest {
  @Test
  void csharpGrammarLoadsAndParses() {
    TSParser parser = TreeSitterNatives.newParser();
    assertThat(parser.setLanguage(new TreeSitterCSharp())).isTrue();
    TSTree tree =
        parser.parseString(
            null, "using System.Net.Http;\nclass A { void M() { var c = new HttpClient(); } }\n");
    assertThat(tree.getRootNode().getType()).isEqualTo("compilation_unit");
    assertThat(tree.getRootNode().hasError()).isFalse();
  }
}
