package dev.relplan.code.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.parse.treesitter.TreeSitterNatives;
import org.junit.jupiter.api.Test;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TreeSitterPython;

/** The tree-sitter natives bundled in the jars load on this platform and parse Python. */
class TreeSitterLoadTest {
  @Test
  void pythonGrammarLoadsAndParses() {
    TSParser parser = TreeSitterNatives.newParser();
    assertThat(parser.setLanguage(new TreeSitterPython())).isTrue();
    TSTree tree =
        parser.parseString(null, "import requests\nrequests.get('https://a.example.com')\n");
    assertThat(tree.getRootNode().getType()).isEqualTo("module");
    assertThat(tree.getRootNode().hasError()).isFalse();
  }
}
