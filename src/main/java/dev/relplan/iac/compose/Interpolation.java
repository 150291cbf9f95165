package dev.relplan.iac.compose;

import dev.relplan.model.Value;
import dev.relplan.parse.ScalarNode;
import java.util.List;

/**
 * Compose's variable interpolation in a value ({@code $VAR}, {@code ${VAR}}, {@code
 * ${VAR:-default}}, {@code ${VAR-default}}, {@code ${VAR:?error}}, {@code $$}), read with a
 * character scanner. A variable with a default in the file takes that default; one without is
 * unresolved, because its value comes from the shell environment or an {@code .env} file when
 * Compose runs, and relplan reads neither. Compose Specification, "Interpolation".
 */
final class Interpolation {
  /** Nested defaults deeper than this are refused as unresolved. */
  private static final int MAX_DEPTH = 16;

  private Interpolation() {}

  /** The scalar's text with its variables interpolated, at the scalar's line. */
  static Value<String> of(ScalarNode scalar) {
    String unresolved = firstUnresolved(scalar.text(), 0);
    if (unresolved != null)
      return Value.unresolved(
          "set from the variable "
              + unresolved
              + " when Compose runs (the shell environment and .env files are not read)",
          List.of(scalar.location()));
    return Value.explicit(expand(scalar.text(), 0), List.of(scalar.location()));
  }

  /** The name of the first variable that has no default in the file, or null. */
  private static String firstUnresolved(String text, int depth) {
    if (depth > MAX_DEPTH) return "(nested too deeply)";
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c != '$' || i + 1 >= text.length()) {
        i++;
        continue;
      }
      char next = text.charAt(i + 1);
      if (next == '$') {
        i += 2;
      } else if (next == '{') {
        int close = closingBrace(text, i + 1);
        if (close < 0) return text.substring(i);
        Reference ref = Reference.parse(text.substring(i + 2, close));
        if (ref.fallback() == null) return ref.name();
        String nested = firstUnresolved(ref.fallback(), depth + 1);
        if (nested != null) return nested;
        i = close + 1;
      } else if (isNameStart(next)) {
        int end = i + 1;
        while (end < text.length() && isNamePart(text.charAt(end))) end++;
        return text.substring(i + 1, end);
      } else {
        i++;
      }
    }
    return null;
  }

  /** The text with every variable replaced by its default (only called when all have one). */
  private static String expand(String text, int depth) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '$') {
        out.append('$');
        i += 2;
      } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
        int close = closingBrace(text, i + 1);
        Reference ref = Reference.parse(text.substring(i + 2, close));
        out.append(depth > MAX_DEPTH ? "" : expand(ref.fallback(), depth + 1));
        i = close + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** The index of the brace closing the one at {@code open}, nested braces counted; -1 if none. */
  private static int closingBrace(String text, int open) {
    int depth = 0;
    for (int i = open; i < text.length(); i++) {
      if (text.charAt(i) == '{') depth++;
      else if (text.charAt(i) == '}' && --depth == 0) return i;
    }
    return -1;
  }

  private static boolean isNameStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean isNamePart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /**
   * One braced reference: its variable name and the text used when the variable is unset ({@code
   * :-} and {@code -}); null when the file gives none ({@code ${VAR}}, {@code :?}, {@code ?}) or
   * when the text is used only if the variable is set ({@code :+}, {@code +}).
   */
  private record Reference(String name, String fallback) {
    static Reference parse(String body) {
      int end = 0;
      while (end < body.length() && isNamePart(body.charAt(end))) end++;
      String name = body.substring(0, end);
      String rest = body.substring(end);
      if (rest.startsWith(":-")) return new Reference(name, rest.substring(2));
      if (rest.startsWith("-")) return new Reference(name, rest.substring(1));
      return new Reference(name, null);
    }
  }
}
