package dev.relplan.code.migration;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an SQL script into statements at top-level semicolons (and SQL Server {@code GO} lines),
 * respecting quoted strings and identifiers, dollar-quoted bodies and comments, so that each
 * statement can be handed to the SQL parser with the line it starts on. The statement text keeps
 * its comments; the line is that of its first token.
 */
final class SqlScript {
  /** One statement: its text (without the delimiter) and the 1-based line of its first token. */
  record Statement(String text, int line) {}

  private SqlScript() {}

  // One scanning loop on purpose: the line counter and the current statement's start are shared by
  // every branch.
  static List<Statement> split(String sql) {
    List<Statement> out = new ArrayList<>();
    int n = sql.length();
    int line = 1;
    int start = -1; // offset of the current statement's first token
    int startLine = 0;
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\n') {
        line++;
        i++;
        if (start < 0) continue;
        // A line holding only GO ends a batch (SQL Server scripts).
        int eol = lineEnd(sql, i);
        if (sql.substring(i, eol).strip().equalsIgnoreCase("go")) {
          out.add(new Statement(sql.substring(start, i), startLine));
          start = -1;
          i = eol;
        }
        continue;
      }
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        i = lineEnd(sql, i);
        continue;
      }
      if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        line += count(sql, i, end);
        i = end;
        continue;
      }
      if (c == ';') {
        if (start >= 0) out.add(new Statement(sql.substring(start, i), startLine));
        start = -1;
        i++;
        continue;
      }
      if (start < 0) {
        if (startOfGoLine(sql, i)) {
          i = lineEnd(sql, i);
          continue;
        }
        start = i;
        startLine = line;
      }
      int end = i + 1;
      if (c == '\'' || c == '"' || c == '`') {
        end = quoted(sql, i, c);
      } else if (c == '$') {
        int tagEnd = dollarTagEnd(sql, i);
        if (tagEnd > 0) {
          String tag = sql.substring(i, tagEnd);
          int close = sql.indexOf(tag, tagEnd);
          end = close < 0 ? n : close + tag.length();
        }
      }
      line += count(sql, i, end);
      i = end;
    }
    if (start >= 0 && !sql.substring(start).isBlank())
      out.add(new Statement(sql.substring(start), startLine));
    return out;
  }

  /** A GO line right at the start of a script (no statement before it). */
  private static boolean startOfGoLine(String sql, int i) {
    if (i + 2 > sql.length() || !sql.regionMatches(true, i, "go", 0, 2)) return false;
    int eol = lineEnd(sql, i);
    return sql.substring(i, eol).strip().equalsIgnoreCase("go")
        && (i == 0 || sql.charAt(i - 1) == '\n' || sql.substring(lineStart(sql, i), i).isBlank());
  }

  private static int lineStart(String sql, int i) {
    int s = sql.lastIndexOf('\n', i - 1);
    return s < 0 ? 0 : s + 1;
  }

  private static int lineEnd(String sql, int i) {
    int e = sql.indexOf('\n', i);
    return e < 0 ? sql.length() : e;
  }

  /**
   * End (exclusive) of a quoted token; a doubled quote is an escaped one, and a backslash escapes
   * in E'...' strings.
   */
  private static int quoted(String sql, int i, char q) {
    // Standard strings take no backslash escapes; PostgreSQL's E'...' strings do.
    boolean escapes = q == '\'' && i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e');
    int j = i + 1;
    while (j < sql.length()) {
      char d = sql.charAt(j);
      if (d == '\\' && escapes && j + 1 < sql.length()) {
        j += 2;
        continue;
      }
      if (d == q) {
        if (j + 1 < sql.length() && sql.charAt(j + 1) == q) {
          j += 2;
          continue;
        }
        return j + 1;
      }
      j++;
    }
    return sql.length();
  }

  /** End of a PostgreSQL dollar-quote tag ($$ or $tag$) starting at i, or -1. */
  private static int dollarTagEnd(String sql, int i) {
    if (i > 0 && (Character.isLetterOrDigit(sql.charAt(i - 1)) || sql.charAt(i - 1) == '_'))
      return -1;
    int j = i + 1;
    while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_'))
      j++;
    if (j < sql.length()
        && sql.charAt(j) == '$'
        && (j == i + 1 || !Character.isDigit(sql.charAt(i + 1)))) return j + 1;
    return -1;
  }

  private static int count(String s, int from, int to) {
    int k = 0;
    for (int i = from; i < to; i++) if (s.charAt(i) == '\n') k++;
    return k;
  }
}
