package dev.relplan.parse;

/** YAML the tool writes itself (relplan.yaml, generated templates, copied charts). */
public final class YamlText {
  private YamlText() {}

  /**
   * A double-quoted scalar (JSON string syntax, which YAML accepts): whatever the text holds, it is
   * read back as that one string.
   */
  public static String doubleQuoted(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') out.append('\\').append(c);
      else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
      else out.append(c);
    }
    return out.append('"').toString();
  }
}
