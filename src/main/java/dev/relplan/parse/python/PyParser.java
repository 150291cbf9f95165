package dev.relplan.parse.python;

import dev.relplan.parse.treesitter.TreeSitterNatives;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TreeSitterPython;

/**
 * Parses Python with tree-sitter: the one entry point of the code scanner, the migration readers
 * and the IaC formats written in Python (AWS CDK apps).
 */
public final class PyParser {
  private PyParser() {}

  /**
   * The tree-sitter tree of a module; a new parser each time (parsers are not shared by threads,
   * and making one costs microseconds against milliseconds for a parse).
   */
  public static TSTree tree(String content) {
    TSParser parser = TreeSitterNatives.newParser();
    parser.setLanguage(new TreeSitterPython());
    return parser.parseString(null, content);
  }
}
