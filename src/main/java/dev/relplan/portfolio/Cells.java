package dev.relplan.portfolio;

/** Report text made safe for a Markdown table cell or for HTML. */
final class Cells {
  private Cells() {}

  /** One table cell: pipes escaped, line breaks and control characters replaced. */
  static String md(String s) {
    if (s == null) return "";
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '|') out.append("\\|");
      else if (c == '\\' || c == '*' || c == '_' || c == '`' || c == '<' || c == '[')
        out.append('\\').append(c);
      else if (c == '\n' || c == '\r') out.append(' ');
      else if (Character.isISOControl(c)) out.append('\uFFFD');
      else out.append(c);
    }
    return out.toString();
  }

  /** An identifier (resource, file:line) as inline code, or escaped text if it holds a backtick. */
  static String code(String s) {
    if (s == null || s.isEmpty()) return "";
    if (s.indexOf('`') >= 0 || s.indexOf('|') >= 0 || s.chars().anyMatch(Character::isISOControl))
      return md(s);
    return "`" + s + "`";
  }

  /** HTML text or attribute value. */
  static String html(String s) {
    if (s == null) return "";
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> out.append(c != '\n' && Character.isISOControl(c) ? '\uFFFD' : c);
      }
    }
    return out.toString();
  }

  /** "then → now", or the one value when it did not change. */
  static String change(Object then, Object now) {
    String a = then == null ? "-" : then.toString();
    String b = now == null ? "-" : now.toString();
    return a.equals(b) ? b : a + " → " + b;
  }

  /** "99.99%", or "-" without a target. */
  static String target(String target) {
    return target == null ? "-" : target + "%";
  }
}
