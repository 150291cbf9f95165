package dev.relplan.portfolio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The portfolio as one self-contained HTML page, like the dashboard: its styles (the dashboard's
 * {@code dashboard.css} and {@code portfolio.css}) and script ({@code portfolio.js}) inline, no
 * network access (a Content-Security-Policy forbids it). The tables and inline SVG charts are
 * written here, so the page reads without JavaScript; the script adds a workload filter and
 * sortable columns, and reads both from the address ({@code #workload=…&sort=table:key:dir}).
 */
public final class PortfolioHtml implements PortfolioRenderer {
  private static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:";

  @Override
  public String format() {
    return "html";
  }

  @Override
  public void render(Portfolio p, Writer out) throws IOException {
    int reports = p.workloads().stream().mapToInt(w -> w.reports().size()).sum();
    out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.write("<meta http-equiv=\"Content-Security-Policy\" content=\"");
    out.write(CONTENT_SECURITY_POLICY);
    out.write("\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.write(
        "<link rel=\"icon\" href=\"data:,\">\n<title>Reliability Portfolio</title>\n<style>\n");
    out.write(Assets.CSS);
    out.write("</style>\n</head>\n<body data-state=\"loading\" data-errors=\"0\">\n");
    out.write("<header class=\"top\"><h1>Reliability Portfolio</h1><p>");
    out.write(
        p.workloads().size()
            + " workload(s) from "
            + reports
            + " report(s); each workload is shown from its latest report.");
    out.write("</p></header>\n<main>\n");
    out.write(
        "<div class=\"filters\"><label>Workload<input id=\"workload-filter\" type=\"search\""
            + " placeholder=\"name contains\"></label></div>\n");
    PortfolioTables tables = new PortfolioTables(p, out);
    out.write("<section id=\"workloads\"><h2>Workloads</h2>\n");
    PortfolioCharts.findingsByWorkload(p, out);
    tables.workloads();
    out.write("</section>\n<section id=\"gaps\"><h2>Most Frequent Gaps</h2>\n");
    PortfolioCharts.gaps(p, out);
    tables.gaps();
    out.write("</section>\n<section id=\"critical\"><h2>Critical Findings</h2>\n");
    tables.criticals();
    out.write("</section>\n<section id=\"targets\"><h2>Availability Targets</h2>\n");
    tables.targets();
    out.write("</section>\n<section id=\"trends\"><h2>Trends</h2>\n");
    tables.trends();
    out.write("</section>\n</main>\n<script>\n");
    out.write(Assets.JS);
    out.write("</script>\n</body>\n</html>\n");
  }

  /** The page's styles and script, read once from the resources. */
  static final class Assets {
    /** The dashboard's styles, then the portfolio's own. */
    static final String CSS =
        read("/dev/relplan/report/dashboard.css") + read("/dev/relplan/portfolio/portfolio.css");

    static final String JS = read("/dev/relplan/portfolio/portfolio.js");

    private Assets() {}

    private static String read(String name) {
      try (InputStream in = PortfolioHtml.class.getResourceAsStream(name)) {
        if (in == null) throw new IllegalStateException("missing resource " + name);
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        // Inline in <style> and <script> elements: nothing in them may close the element.
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("</script") || lower.contains("</style"))
          throw new IllegalStateException(name + " must not close its element");
        return text;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Cells of one table row, each with the value it sorts by. */
  static final class Row {
    private final List<String> cells = new ArrayList<>();

    Row text(String text) {
      return cell(text, Cells.html(text));
    }

    Row number(int n) {
      return cell(String.valueOf(n), String.valueOf(n));
    }

    /** A cell showing {@code html} that sorts by {@code key}. */
    Row cell(String key, String html) {
      cells.add("<td data-sort=\"" + Cells.html(key) + "\">" + html + "</td>");
      return this;
    }

    String html(String workloads) {
      return "<tr data-workload=\""
          + Cells.html(workloads)
          + "\">"
          + String.join("", cells)
          + "</tr>\n";
    }
  }
}
