package dev.relplan.report;

import dev.relplan.assess.Assessment;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The plan as a standalone HTML page: the Markdown plan's own structure (headings, lists, tables,
 * code spans, bold) turned into escaped HTML, so both formats always say the same thing.
 */
public final class HtmlRenderer implements Renderer {
  @Override
  public String format() {
    return "html";
  }

  @Override
  public String extension() {
    return "html";
  }

  @Override
  public void render(ReportInput input, Writer out) throws IOException {
    write(input.assessment(), input.date(), out);
  }

  /** The page of one assessment, with {@code date} as its date line. */
  public static String render(Assessment a, String date) {
    return Renderer.asText(out -> write(a, date, out));
  }

  /**
   * Streams the page to {@code out}, converting the Markdown plan line by line as it is laid out.
   */
  private static void write(Assessment a, String date, Writer out) throws IOException {
    StringBuilder head = new StringBuilder();
    head(head, "Reliability Improvement Plan: " + a.workload());
    out.write(head.toString());
    Body body = new Body(out);
    MarkdownRenderer.write(a, date, body);
    body.finish();
    out.write("</body>\n</html>\n");
  }

  private static void head(StringBuilder out, String title) {
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(escape(title))
        .append("</title>\n<style>\n")
        .append(
            "body{font-family:system-ui,sans-serif;max-width:1200px;margin:2em auto;padding:0 1em;line-height:1.45}\n")
        .append(
            "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top;text-align:left}\n")
        .append(
            "th{background:#f3f3f3}code{background:#f3f3f3;padding:0 3px}\n</style>\n</head>\n<body>\n");
  }

  /**
   * The Markdown plan converted line by line as it is written; a list or table stays open until a
   * line of another kind.
   */
  private static final class Body extends Writer {
    /** Converted HTML is passed on once this much is waiting. */
    private static final int PASS_ON_AT = 8192;

    private final Writer target;

    /** The Markdown line being written, up to its newline. */
    private final StringBuilder markdownLine = new StringBuilder();

    /**
     * HTML not yet passed on; its last {@link #ITEM_END} always stays, since a code block reopens
     * the list item it closed.
     */
    private final StringBuilder out = new StringBuilder();

    private boolean inList;
    private boolean inOrdered;
    private boolean inTable;
    private boolean inCode;
    private static final String ITEM_END = "</li>\n";
    private boolean codeInItem;

    Body(Writer target) {
      this.target = target;
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
      for (int i = offset; i < offset + length; i++) {
        if (chars[i] != '\n') {
          markdownLine.append(chars[i]);
          continue;
        }
        line(markdownLine.toString());
        markdownLine.setLength(0);
        if (out.length() > PASS_ON_AT) passOn(out.length() - ITEM_END.length());
      }
    }

    /** The text after the last newline is a line too (empty when the plan ends with a newline). */
    void finish() throws IOException {
      line(markdownLine.toString());
      markdownLine.setLength(0);
      closeBlocks(false, false, false);
      passOn(out.length());
    }

    private void passOn(int length) throws IOException {
      target.append(out, 0, length);
      out.delete(0, length);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    private void line(String line) {
      if (line.trim().startsWith("```") || inCode) {
        codeLine(line);
        return;
      }
      boolean tableRow = line.startsWith("|");
      boolean bullet = line.startsWith("- ") || line.startsWith("  - ");
      boolean ordered =
          !line.isEmpty() && Character.isDigit(line.charAt(0)) && line.matches("\\d+\\. .*");
      closeBlocks(bullet, ordered, tableRow);
      if (line.startsWith("#")) {
        heading(line);
      } else if (tableRow) {
        tableRow(line);
      } else if (bullet) {
        if (!inList) {
          out.append("<ul>\n");
          inList = true;
        }
        out.append("<li>").append(inline(line.substring(line.indexOf("- ") + 2))).append("</li>\n");
      } else if (ordered) {
        if (!inOrdered) {
          out.append("<ol>\n");
          inOrdered = true;
        }
        out.append("<li>").append(inline(line.substring(line.indexOf(". ") + 2))).append("</li>\n");
      } else if (!line.isBlank()) {
        out.append("<p>").append(inline(line)).append("</p>\n");
      }
    }

    /**
     * A fenced code block (a recommendation's fix snippet): kept verbatim in a pre element, inside
     * the list item it is indented under.
     */
    private void codeLine(String line) {
      String trimmed = line.trim();
      if (!inCode) {
        codeInItem =
            inList
                && line.startsWith("  ")
                && out.length() >= ITEM_END.length()
                && out.substring(out.length() - ITEM_END.length()).equals(ITEM_END);
        if (codeInItem) out.setLength(out.length() - ITEM_END.length());
        else closeBlocks(false, false, false);
        String language = trimmed.substring(3).trim();
        out.append("<pre><code")
            .append(language.isEmpty() ? "" : " class=\"language-" + escape(language) + "\"")
            .append('>');
        inCode = true;
      } else if (trimmed.equals("```")) {
        out.append("</code></pre>").append(codeInItem ? "</li>\n" : "\n");
        inCode = false;
      } else {
        out.append(escape(line.startsWith("  ") ? line.substring(2) : line)).append('\n');
      }
    }

    /** Closes each open block the current line does not continue. */
    private void closeBlocks(boolean bullet, boolean ordered, boolean tableRow) {
      if (inList && !bullet) {
        out.append("</ul>\n");
        inList = false;
      }
      if (inOrdered && !ordered) {
        out.append("</ol>\n");
        inOrdered = false;
      }
      if (inTable && !tableRow) {
        out.append("</table>\n");
        inTable = false;
      }
    }

    private void heading(String line) {
      int level = 0;
      while (level < line.length() && line.charAt(level) == '#') level++;
      out.append("<h")
          .append(level)
          .append('>')
          .append(inline(line.substring(level).trim()))
          .append("</h")
          .append(level)
          .append(">\n");
    }

    /** The first row of a table is its header; the separator row below it is dropped. */
    private void tableRow(String line) {
      boolean header = !inTable;
      if (header) {
        out.append("<table>\n");
        inTable = true;
      }
      if (line.matches("\\|[-| ]+\\|")) return;
      out.append("<tr>");
      for (String cell : cells(line)) {
        out.append(header ? "<th>" : "<td>")
            .append(inline(cell))
            .append(header ? "</th>" : "</td>");
      }
      out.append("</tr>\n");
    }
  }

  /** Cells of a Markdown table row, honouring the \| escapes the Markdown renderer writes. */
  private static List<String> cells(String row) {
    List<String> out = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    for (int i = 1; i < row.length(); i++) {
      char c = row.charAt(i);
      if (c == '\\' && i + 1 < row.length() && row.charAt(i + 1) == '|') {
        cell.append('|');
        i++;
      } else if (c == '|') {
        out.add(cell.toString().trim());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    return out;
  }

  /** Escapes the text, then renders `code` and **bold** spans. */
  private static String inline(String text) {
    StringBuilder out = new StringBuilder();
    boolean code = false;
    boolean bold = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!code && c == '\\' && i + 1 < text.length() && isAsciiPunctuation(text.charAt(i + 1))) {
        // A Markdown backslash escape (the renderer writes \< and \\): the next character as text.
        out.append(escape(String.valueOf(text.charAt(++i))));
      } else if (c == '`') {
        out.append(code ? "</code>" : "<code>");
        code = !code;
      } else if (!code && c == '*' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
        out.append(bold ? "</strong>" : "<strong>");
        bold = !bold;
        i++;
      } else {
        out.append(escape(String.valueOf(c)));
      }
    }
    if (code) out.append("</code>");
    if (bold) out.append("</strong>");
    return out.toString();
  }

  private static boolean isAsciiPunctuation(char c) {
    return c < 0x80 && !Character.isLetterOrDigit(c) && !Character.isWhitespace(c) && c > 0x20;
  }

  /** HTML-escaped, with control characters from scanned names shown as the replacement mark. */
  static String escape(String s) {
    StringBuilder visible = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      visible.append(c != '\n' && MarkdownRenderer.isUnsafeControl(c) ? '\uFFFD' : c);
    }
    return visible
        .toString()
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
