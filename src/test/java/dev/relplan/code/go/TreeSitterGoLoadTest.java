package dev.relplan.code.go;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.parse.treesitter.TreeSitterNatives;
import org.junit.jupiter.api.Test;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TreeSitterGo;

/** The tree-sitter Go grammar's natives load on this platform and parse Go. */
class TreeSitterGoLoadTest {
  @Test
  void goGrammarLoadsAndParses() {
    TSParser parser = TreeSitterNatives.newParser();
    assertThat(parser.setLanguage(new TreeSitterGo())).isTrue();
    TSTree tree =
        parser.parseString(
            null,
            "package main\nimport \"net/http\"\nfunc main() { http.Get(\"https://a.example.com\") }\n");
    assertThat(tree.getRootNode().getType()).isEqualTo("source_file");
    assertThat(tree.getRootNode().hasError()).isFalse();
  }
}
