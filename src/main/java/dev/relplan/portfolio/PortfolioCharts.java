package dev.relplan.portfolio;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/** The page's inline SVG charts: findings by risk per workload, and the most frequent gaps. */
final class PortfolioCharts {
  private static final List<String> RISKS = List.of("Critical", "High", "Medium", "Low");
  private static final int LABEL = 300;
  private static final int BAR = 520;
  private static final int ROW = 22;
  private static final int TOP_GAPS = 10;

  private PortfolioCharts() {}

  /** One stacked bar per workload, its segments the latest report's findings by risk. */
  static void findingsByWorkload(Portfolio p, Writer out) throws IOException {
    int max = 1;
    for (Portfolio.Workload w : p.workloads()) max = Math.max(max, w.latest().counts().total());
    int height = ROW * p.workloads().size() + 4;
    out.write("<div class=\"legend\">");
    for (String risk : RISKS) out.write("<span class=\"" + risk + "\">" + risk + "</span>");
    out.write("</div>\n");
    open(out, "Findings by risk per workload", height);
    int y = 2;
    for (Portfolio.Workload w : p.workloads()) {
      WorkloadReport.RiskCounts counts = w.latest().counts();
      out.write("<g class=\"bar\" data-workload=\"" + Cells.html(w.name()) + "\">");
      label(out, w.name(), y);
      double x = LABEL;
      for (String risk : RISKS) {
        int n = counts.of(risk);
        if (n == 0) continue;
        double width = (double) BAR * n / max;
        out.write(
            String.format(
                Locale.ROOT,
                "<rect class=\"seg %s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\"><title>%s: %d"
                    + " %s</title></rect>",
                risk,
                x,
                y,
                width,
                ROW - 6,
                Cells.html(w.name()),
                n,
                risk));
        x += width;
      }
      value(out, counts.total(), x, y);
      out.write("</g>\n");
      y += ROW;
    }
    out.write("</svg>\n");
  }

  /** One bar per gap among the ten most frequent: how many workloads have it. */
  static void gaps(Portfolio p, Writer out) throws IOException {
    List<Portfolio.Gap> top = p.gaps().subList(0, Math.min(TOP_GAPS, p.gaps().size()));
    if (top.isEmpty()) return;
    int max = p.workloads().size();
    open(out, "Workloads with each of the most frequent gaps", ROW * top.size() + 4);
    int y = 2;
    for (Portfolio.Gap g : top) {
      out.write("<g class=\"bar\">");
      label(out, g.rule(), y);
      double width = (double) BAR * g.workloads().size() / max;
      out.write(
          String.format(
              Locale.ROOT,
              "<rect class=\"seg gap\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\"><title>%s: %d"
                  + " of %d workloads</title></rect>",
              LABEL,
              y,
              width,
              ROW - 6,
              Cells.html(g.rule()),
              g.workloads().size(),
              max));
      value(out, g.workloads().size(), LABEL + width, y);
      out.write("</g>\n");
      y += ROW;
    }
    out.write("</svg>\n");
  }

  private static void open(Writer out, String title, int height) throws IOException {
    int width = LABEL + BAR + 50;
    out.write(
        "<svg class=\"chart\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\" width=\""
            + width
            + "\" height=\""
            + height
            + "\" viewBox=\"0 0 "
            + width
            + " "
            + height
            + "\"><title>"
            + Cells.html(title)
            + "</title>\n");
  }

  private static void label(Writer out, String text, int y) throws IOException {
    String shown = text.length() > 38 ? text.substring(0, 37) + "…" : text;
    out.write(
        "<text x=\""
            + (LABEL - 6)
            + "\" y=\""
            + (y + ROW - 10)
            + "\" text-anchor=\"end\">"
            + Cells.html(shown)
            + "</text>");
  }

  private static void value(Writer out, int n, double x, int y) throws IOException {
    out.write(
        String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%d</text>", x + 4, y + ROW - 10, n));
  }
}
