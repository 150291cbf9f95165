package dev.relplan.code.java;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code .properties} file read with the rules of {@code java.util.Properties.load(Reader)}
 * (comment lines starting with {@code #} or {@code !}, a key ending at the first unescaped {@code
 * =}, {@code :} or white space, lines continued by an odd number of trailing backslashes, escapes
 * such as {@code \t} and {@code \u0041}), keeping the line each entry starts on, which {@code
 * Properties} forgets. Later entries of the same key win, as with {@code Properties}.
 */
final class PropertiesFile {
  /** One key and its value, with the 1-based line its logical line starts on. */
  record Entry(String key, String value, int line) {}

  private PropertiesFile() {}

  static List<Entry> read(String content) {
    List<Entry> out = new ArrayList<>();
    List<String> lines = content.lines().toList();
    int i = 0;
    while (i < lines.size()) {
      int start = i;
      String line = stripLeading(lines.get(i));
      i++;
      if (line.isEmpty() || line.charAt(0) == '#' || line.charAt(0) == '!') continue;
      StringBuilder logical = new StringBuilder();
      while (endsInContinuation(line) && i < lines.size()) {
        logical.append(line, 0, line.length() - 1);
        line = stripLeading(lines.get(i));
        i++;
      }
      logical.append(endsInContinuation(line) ? line.substring(0, line.length() - 1) : line);
      out.add(entry(logical.toString(), start + 1));
    }
    return out;
  }

  /** Splits a logical line into its key and value, then unescapes both. */
  private static Entry entry(String logical, int line) {
    int keyEnd = 0;
    boolean escaped = false;
    while (keyEnd < logical.length()) {
      char c = logical.charAt(keyEnd);
      if (!escaped && (c == '=' || c == ':' || isBlank(c))) break;
      escaped = !escaped && c == '\\';
      keyEnd++;
    }
    int valueStart = keyEnd;
    while (valueStart < logical.length() && isBlank(logical.charAt(valueStart))) valueStart++;
    if (valueStart < logical.length()
        && (logical.charAt(valueStart) == '=' || logical.charAt(valueStart) == ':')) valueStart++;
    while (valueStart < logical.length() && isBlank(logical.charAt(valueStart))) valueStart++;
    return new Entry(
        unescape(logical.substring(0, keyEnd)), unescape(logical.substring(valueStart)), line);
  }

  private static boolean endsInContinuation(String line) {
    int backslashes = 0;
    for (int k = line.length() - 1; k >= 0 && line.charAt(k) == '\\'; k--) backslashes++;
    return backslashes % 2 == 1;
  }

  private static String stripLeading(String s) {
    int k = 0;
    while (k < s.length() && isBlank(s.charAt(k))) k++;
    return s.substring(k);
  }

  /** White space as Properties counts it: space, tab and form feed. */
  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\f';
  }

  private static String unescape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c != '\\' || k + 1 == s.length()) {
        out.append(c);
        continue;
      }
      char next = s.charAt(++k);
      switch (next) {
        case 't' -> out.append('\t');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 'f' -> out.append('\f');
        case 'u' -> {
          if (isHex(s, k + 1)) {
            out.append((char) Integer.parseInt(s.substring(k + 1, k + 5), 16));
            k += 4;
          } else {
            out.append('u');
          }
        }
        default -> out.append(next);
      }
    }
    return out.toString();
  }

  private static boolean isHex(String s, int from) {
    if (from + 4 > s.length()) return false;
    for (int k = from; k < from + 4; k++) if (Character.digit(s.charAt(k), 16) < 0) return false;
    return true;
  }
}
