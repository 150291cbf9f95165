package dev.relplan.iac.kubernetes.helm;

import java.util.ArrayList;
import java.util.List;

/**
 * A small tokenizer for the {@code {{ ... }}} actions of a Go template (Helm's template language):
 * where each action starts and ends, and the words inside it outside string literals and comments
 * ({@link TemplateScopes} follows what they read). Enough to trace a rendered line back to the
 * values it read and to neutralise {@code lookup}; it does not evaluate anything.
 */
final class TemplateActions {
  /**
   * What relplan calls instead of {@code lookup}: a function of any arguments giving {@code {}}.
   */
  static final String EMPTY_LOOKUP = "pick (dict)";

  private static final String LOOKUP = "lookup";

  /**
   * One action: {@code start} is the offset of its {@code {{}, {@code end} the offset after its
   * {@code }}}, {@code body} the text between them (trim markers included).
   */
  record Action(int start, int end, String body) {}

  /** A word of an action outside strings and comments, at {@code offset} in the template text. */
  record Word(int offset, String text) {}

  private TemplateActions() {}

  /** Every action of {@code text}, in order; an action left open runs to the end of the text. */
  static List<Action> actions(String text) {
    List<Action> actions = new ArrayList<>();
    int at = text.indexOf("{{");
    while (at >= 0) {
      int close = closeOf(text, at + 2);
      int end = close < 0 ? text.length() : close + 2;
      actions.add(new Action(at, end, text.substring(at + 2, close < 0 ? text.length() : close)));
      at = text.indexOf("{{", end);
    }
    return actions;
  }

  /**
   * The offset of the {@code }}} closing an action whose body starts at {@code from}; -1 if none.
   */
  private static int closeOf(String text, int from) {
    int i = from;
    if (text.startsWith("/*", i) || text.startsWith("- /*", i)) {
      int comment = text.indexOf("*/", i);
      if (comment < 0) return -1;
      i = comment + 2;
    }
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"' || c == '\'') i = skipQuoted(text, i, c);
      else if (c == '`') i = skipRaw(text, i);
      else if (c == '}' && text.startsWith("}}", i)) return i;
      else i++;
    }
    return -1;
  }

  private static int skipQuoted(String text, int open, char quote) {
    int i = open + 1;
    while (i < text.length() && text.charAt(i) != quote && text.charAt(i) != '\n') {
      i += text.charAt(i) == '\\' ? 2 : 1;
    }
    return Math.min(i + 1, text.length());
  }

  private static int skipRaw(String text, int open) {
    int close = text.indexOf('`', open + 1);
    return close < 0 ? text.length() : close + 1;
  }

  /** The words of one action's body (offsets in {@code text}), strings and comments left out. */
  static List<Word> words(String text, Action action) {
    List<Word> words = new ArrayList<>();
    int bodyStart = action.start() + 2;
    int bodyEnd = bodyStart + action.body().length();
    int i = bodyStart;
    while (i < bodyEnd) {
      char c = text.charAt(i);
      if (c == '"' || c == '\'') i = skipQuoted(text, i, c);
      else if (c == '`') i = skipRaw(text, i);
      else if (c == '/' && text.startsWith("/*", i)) {
        int close = text.indexOf("*/", i + 2);
        i = close < 0 ? bodyEnd : close + 2;
      } else if (isWordChar(c)) {
        int start = i;
        while (i < bodyEnd && isWordChar(text.charAt(i))) i++;
        words.add(new Word(start, text.substring(start, i)));
      } else i++;
    }
    return words;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '$';
  }

  /**
   * {@code text} with every call of {@code lookup} replaced by a call giving an empty map, which is
   * what {@code helm template} makes {@code lookup} return; the library's template mode would
   * otherwise ask a cluster (docs/helm.md).
   */
  static String withoutLookup(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int copied = 0;
    for (Action action : actions(text)) {
      for (Word w : words(text, action)) {
        if (!w.text().equals(LOOKUP)) continue;
        out.append(text, copied, w.offset()).append(EMPTY_LOOKUP);
        copied = w.offset() + LOOKUP.length();
      }
    }
    return copied == 0 ? text : out.append(text, copied, text.length()).toString();
  }
}
