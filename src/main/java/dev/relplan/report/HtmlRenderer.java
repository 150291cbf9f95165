package dev.relplan.report;

import dev.relplan.assess.Assessment;

/**
 * The plan as a standalone HTML page: the Markdown plan's own structure (headings, lists, tables,
 * code spans, bold) turned into escaped HTML, so both formats always say the same thing.
 */
public final class HtmlRenderer {
  private HtmlRenderer() {}

  public static String render(Assessment a, String date) {
    String md = MarkdownRenderer.render(a, date);
    StringBuilder out = new StringBuilder();
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(escape("Reliability Improvement Plan: " + a.workload())).append("</title>\n<style>\n")
        .append("body{font-family:system-ui,sans-serif;max-width:1200px;margin:2em auto;padding:0 1em;line-height:1.45}\n")
        .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top;text-align:left}\n")
        .append("th{background:#f3f3f3}code{background:#f3f3f3;padding:0 3px}\n</style>\n</head>\n<body>\n");
    String[] lines = md.split("\n", -1);
    boolean inList = false;
    boolean inOrdered = false;
    boolean inTable = false;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      boolean tableRow = line.startsWith("|");
      boolean bullet = line.startsWith("- ") || line.startsWith("  - ");
      boolean ordered = !line.isEmpty() && Character.isDigit(line.charAt(0)) && line.matches("\\d+\\. .*");
      if (inList && !bullet) { out.append("</ul>\n"); inList = false; }
      if (inOrdered && !ordered) { out.append("</ol>\n"); inOrdered = false; }
      if (inTable && !tableRow) { out.append("</table>\n"); inTable = false; }
      if (line.startsWith("#")) {
        int level = 0;
        while (level < line.length() && line.charAt(level) == '#') level++;
        out.append("<h").append(level).append('>').append(inline(line.substring(level).trim())).append("</h").append(level).append(">\n");
      } else if (tableRow) {
        boolean header = !inTable;
        if (header) { out.append("<table>\n"); inTable = true; }
        if (line.matches("\\|[-| ]+\\|")) continue; // the separator row
        out.append("<tr>");
        for (String cell : cells(line)) {
          out.append(header ? "<th>" : "<td>").append(inline(cell)).append(header ? "</th>" : "</td>");
        }
        out.append("</tr>\n");
      } else if (bullet) {
        if (!inList) { out.append("<ul>\n"); inList = true; }
        out.append("<li>").append(inline(line.substring(line.indexOf("- ") + 2))).append("</li>\n");
      } else if (ordered) {
        if (!inOrdered) { out.append("<ol>\n"); inOrdered = true; }
        out.append("<li>").append(inline(line.substring(line.indexOf(". ") + 2))).append("</li>\n");
      } else if (!line.isBlank()) {
        out.append("<p>").append(inline(line)).append("</p>\n");
      }
    }
    if (inList) out.append("</ul>\n");
    if (inOrdered) out.append("</ol>\n");
    if (inTable) out.append("</table>\n");
    return out.append("</body>\n</html>\n").toString();
  }

  /** Cells of a Markdown table row, honouring the \| escapes the Markdown renderer writes. */
  private static java.util.List<String> cells(String row) {
    java.util.List<String> out = new java.util.ArrayList<>();
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
      if (c == '`') {
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

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
