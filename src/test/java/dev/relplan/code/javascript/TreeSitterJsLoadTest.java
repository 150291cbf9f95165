package dev.relplan.code.javascript;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.parse.treesitter.TreeSitterNatives;
import org.junit.jupiter.api.Test;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TreeSitterJavascript;
import org.treesitter.TreeSitterTypescript;

/**
 * The JavaScript and TypeScript grammars' natives load on this platform and parse with the pinned
 * runtime.
 */
class TreeSitterJsLoadTest {
  @Test
  void javascriptGrammarLoadsAndParses() {
    TSParser parser = TreeSitterNatives.newParser();
    assertThat(parser.setLanguage(new TreeSitterJavascript())).isTrue();
    TSTree tree =
        parser.parseString(
            null,
            "import axios from 'axios';\naxios.get('https://a.example.com', { timeout: 5 });\n");
    assertThat(tree.getRootNode().getType()).isEqualTo("program");
    assertThat(tree.getRootNode().hasError()).isFalse();
  }

  @Test
  void typescriptGrammarLoadsAndParses() {
    TSParser parser = TreeSitterNatives.newParser();
    assertThat(parser.setLanguage(new TreeSitterTypescript())).isTrue();
    TSTree tree =
        parser.parseString(
            null,
            "import { S3Client } from '@aws-sdk/client-s3';\nconst s3: S3Client = new S3Client({ maxAttempts: 1 });\n");
    TSNode root = tree.getRootNode();
    assertThat(root.getType()).isEqualTo("program");
    assertThat(root.hasError()).isFalse();
  }
}
