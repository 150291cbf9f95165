package dev.relplan.code.javascript;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.treesitter.TSNode;
import org.treesitter.TSTreeCursor;

/**
 * Whether a parsed file can use anything the scanner recognises, decided on the native tree before
 * it is copied: a module-level import or {@code require} of a recognised package, or a call of the
 * global {@code fetch}. Copying a large tree node by node is the expensive step, so files that
 * reference none of them are skipped.
 */
final class Relevance {
  /** Packages (or package prefixes, ending in / or -) whose use the scanner recognises. */
  private static final List<String> RECOGNISED =
      List.of(
          "axios",
          "axios-retry",
          "got",
          "node-fetch",
          "@aws-sdk/",
          "aws-sdk",
          "pg",
          "ioredis",
          "mongodb",
          "mongoose",
          "kafkajs",
          "amqplib",
          "@elastic/elasticsearch",
          "@opensearch-project/opensearch",
          "express",
          "fastify",
          "@nestjs/common",
          "opossum",
          "cockatiel",
          "p-retry",
          "async-retry",
          "@aws-lambda-powertools/",
          "@smithy/",
          "@grpc/grpc-js",
          "grpc");

  /**
   * Modules recognised by their exact name only: their names begin many other strings (every {@code
   * 'http://…'} URL), so the text test looks for them with both quotes.
   */
  private static final List<String> EXACT = List.of("http", "https", "node:http", "node:https");

  /** How deep into a module-level statement a require call is looked for. */
  private static final int REQUIRE_DEPTH = 6;

  private static final String FETCH = "fetch";

  private Relevance() {}

  /**
   * Whether the text may reference something recognised, tested before parsing: a quote followed by
   * a recognised module name (an exact one between quotes), or the word {@code fetch}. A strict
   * superset of what {@link #references} accepts: the module it matches is the content of a string
   * literal, which in the text follows its opening quote and starts with the recognised name, and
   * the fetch it matches is an identifier, whose neighbours in the text are not identifier
   * characters.
   */
  static boolean mayReference(String text) {
    for (String module : RECOGNISED)
      if (text.contains("'" + module) || text.contains("\"" + module)) return true;
    for (String module : EXACT)
      if (text.contains("'" + module + "'") || text.contains("\"" + module + "\"")) return true;
    for (int at = text.indexOf(FETCH); at >= 0; at = text.indexOf(FETCH, at + 1)) {
      int end = at + FETCH.length();
      if ((at == 0 || !isAsciiIdentifierChar(text.charAt(at - 1)))
          && (end == text.length() || !isAsciiIdentifierChar(text.charAt(end)))) return true;
    }
    return false;
  }

  /**
   * ASCII letters, digits, _ and $. Other characters count as separators, which only lets more
   * files through.
   */
  private static boolean isAsciiIdentifierChar(char c) {
    return c >= 'a' && c <= 'z'
        || c >= 'A' && c <= 'Z'
        || c >= '0' && c <= '9'
        || c == '_'
        || c == '$';
  }

  static boolean references(TSNode root, byte[] source) {
    TSTreeCursor top = new TSTreeCursor(root);
    if (top.gotoFirstChild()) {
      do {
        TSNode statement = top.currentNode();
        String type = statement.getType();
        if (type.equals("import_statement")) {
          TSNode from = statement.getChildByFieldName("source");
          if (from == null || from.isNull()) {
            // import x = require('m'): the source belongs to the require clause
            for (int k = 0; k < statement.getNamedChildCount(); k++) {
              TSNode clause = statement.getNamedChild(k);
              if (clause.getType().equals("import_require_clause"))
                from = clause.getChildByFieldName("source");
            }
          }
          if (recognised(stringValue(from, source))) return true;
        } else if (type.equals("lexical_declaration")
            || type.equals("variable_declaration")
            || type.equals("expression_statement")) {
          if (requiresRecognised(statement, source)) return true;
        }
      } while (top.gotoNextSibling());
    }
    return callsFetch(root, source);
  }

  private static boolean recognised(String module) {
    if (module == null) return false;
    if (EXACT.contains(module)) return true;
    for (String r : RECOGNISED) {
      if (module.equals(r) || r.endsWith("/") && module.startsWith(r) || module.startsWith(r + "/"))
        return true;
    }
    return false;
  }

  /** A {@code require('m')} of a recognised module within the statement. */
  private static boolean requiresRecognised(TSNode statement, byte[] source) {
    TSTreeCursor c = new TSTreeCursor(statement);
    int depth = 0;
    while (true) {
      if (depth < REQUIRE_DEPTH && c.gotoFirstChild()) {
        depth++;
      } else {
        while (!c.gotoNextSibling()) {
          if (depth == 0 || !c.gotoParent()) return false;
          depth--;
          if (depth == 0) return false;
        }
      }
      if (!"function".equals(c.currentFieldName())) continue;
      TSNode fn = c.currentNode();
      if (!fn.getType().equals("identifier") || !text(fn, source).equals("require")) continue;
      TSNode args = fn.getParent().getChildByFieldName("arguments");
      if (args != null
          && !args.isNull()
          && args.getNamedChildCount() > 0
          && recognised(stringValue(args.getNamedChild(0), source))) return true;
    }
  }

  /** A call whose callee is the identifier {@code fetch}, anywhere in the file. */
  private static boolean callsFetch(TSNode root, byte[] source) {
    TSTreeCursor c = new TSTreeCursor(root);
    while (true) {
      if (c.gotoFirstChild()) {
        // descend
      } else {
        while (!c.gotoNextSibling()) {
          if (!c.gotoParent()) return false;
        }
      }
      if (!"function".equals(c.currentFieldName())) continue;
      TSNode fn = c.currentNode();
      if (fn.getType().equals("identifier") && text(fn, source).equals(FETCH)) return true;
    }
  }

  private static String stringValue(TSNode string, byte[] source) {
    if (string == null || string.isNull() || !string.getType().equals("string")) return null;
    String t = text(string, source);
    return t.length() >= 2 ? t.substring(1, t.length() - 1) : null;
  }

  private static String text(TSNode n, byte[] source) {
    int s = Math.max(0, Math.min(n.getStartByte(), source.length));
    int e = Math.max(s, Math.min(n.getEndByte(), source.length));
    return new String(source, s, e - s, StandardCharsets.UTF_8);
  }
}
