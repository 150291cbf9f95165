package dev.relplan.parse.javascript;

import dev.relplan.parse.treesitter.TreeSitterNatives;
import org.treesitter.TSLanguage;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TreeSitterJavascript;
import org.treesitter.TreeSitterTsx;
import org.treesitter.TreeSitterTypescript;

/**
 * Parses JavaScript and TypeScript with tree-sitter, the grammar chosen by the file name: the one
 * entry point of the code scanner and of the IaC formats written in TypeScript (AWS CDK apps).
 */
public final class JsParser {
  private JsParser() {}

  /** The tree-sitter tree of a file; a new parser each time (parsers are not shared by threads). */
  public static TSTree tree(String name, String content) {
    TSParser parser = TreeSitterNatives.newParser();
    TSLanguage grammar =
        name.endsWith(".tsx")
            ? new TreeSitterTsx()
            : isTypeScript(name) ? new TreeSitterTypescript() : new TreeSitterJavascript();
    parser.setLanguage(grammar);
    return parser.parseString(null, content);
  }

  /** "TypeScript" for a .ts or .tsx file, "JavaScript" otherwise. */
  public static String language(String name) {
    return isTypeScript(name) ? "TypeScript" : "JavaScript";
  }

  private static boolean isTypeScript(String name) {
    return name.endsWith(".ts") || name.endsWith(".tsx");
  }
}
