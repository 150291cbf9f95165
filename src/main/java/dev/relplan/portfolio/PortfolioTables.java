package dev.relplan.portfolio;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/** The HTML page's tables: sortable headers, rows marked with the workloads they concern. */
final class PortfolioTables {
  private static final List<String> RISKS = List.of("Critical", "High", "Medium", "Low");

  private final Portfolio p;
  private final Writer out;

  PortfolioTables(Portfolio p, Writer out) {
    this.p = p;
    this.out = out;
  }

  void workloads() throws IOException {
    StringBuilder head = new StringBuilder();
    head.append(th("workload", "Workload"))
        .append(th("date", "Date"))
        .append(th("target", "Target"))
        .append(th("maturity", "Maturity"));
    for (String r : RISKS) head.append(th(r.toLowerCase(Locale.ROOT), r));
    head.append(th("cannot-determine", "Cannot Determine"));
    for (int i = 0; i < p.domains().size(); i++)
      head.append(th("domain-" + (i + 1), p.domains().get(i)));
    open("workloads", head.toString());
    for (Portfolio.Workload w : p.workloads()) {
      WorkloadReport r = w.latest();
      PortfolioHtml.Row row =
          new PortfolioHtml.Row()
              .text(w.name())
              .text(r.date() == null ? "-" : r.date())
              .cell(
                  r.availabilityTarget() == null ? "" : r.availabilityTarget(),
                  Cells.html(Cells.target(r.availabilityTarget())))
              .cell(String.valueOf(r.maturity()), r.maturity() + "/5");
      for (String risk : RISKS) row.number(r.counts().of(risk));
      row.number(r.cannotDetermine());
      for (String d : p.domains()) {
        Integer score = r.score(d);
        row.cell(score == null ? "" : score.toString(), score == null ? "-" : score.toString());
      }
      out.write(row.html(w.name()));
    }
    close();
  }

  void gaps() throws IOException {
    if (p.gaps().isEmpty()) {
      out.write("<p class=\"empty\">No findings in any workload.</p>\n");
      return;
    }
    open(
        "gaps",
        th("rule", "Rule")
            + th("title", "Title")
            + th("workloads", "Workloads")
            + th("findings", "Findings"));
    for (Portfolio.Gap g : p.gaps())
      out.write(
          new PortfolioHtml.Row()
              .cell(g.rule(), "<code>" + Cells.html(g.rule()) + "</code>")
              .text(g.title() == null ? "-" : g.title())
              .cell(
                  String.valueOf(g.workloads().size()),
                  g.workloads().size()
                      + " <span class=\"note\">("
                      + Cells.html(String.join(", ", g.workloads()))
                      + ")</span>")
              .number(g.findings())
              .html(String.join("\n", g.workloads())));
    close();
  }

  void criticals() throws IOException {
    if (p.criticals().isEmpty()) {
      out.write("<p class=\"empty\">No Critical findings in any workload.</p>\n");
      return;
    }
    open(
        "critical",
        th("workload", "Workload")
            + th("id", "Id")
            + th("rule", "Rule")
            + th("resource", "Resource")
            + th("location", "Location"));
    for (Portfolio.Critical c : p.criticals())
      out.write(
          new PortfolioHtml.Row()
              .text(c.workload())
              .text(c.finding().id())
              .cell(c.finding().rule(), code(c.finding().rule()))
              .cell(c.finding().resource(), code(c.finding().resource()))
              .cell(c.finding().location(), code(c.finding().location()))
              .html(c.workload()));
    close();
  }

  void targets() throws IOException {
    out.write(
        "<p>"
            + p.missingTargets()
            + " of "
            + p.targets().size()
            + " workload(s) miss their availability target's requirements. A target of 99.99% or"
            + " more requires surviving a Regional outage (findings of"
            + " <code>REL-SINGLE-REGION-FOR-TARGET</code> and"
            + " <code>REL-BACKUP-NO-CROSS-REGION</code>); a lower target adds no requirement.</p>\n");
    open(
        "targets",
        th("workload", "Workload")
            + th("target", "Target")
            + th("tier", "Tier")
            + th("verdict", "Verdict")
            + th("findings", "Findings")
            + th("why", "Why"));
    for (TargetCheck t : p.targets())
      out.write(
          new PortfolioHtml.Row()
              .text(t.workload())
              .cell(t.target() == null ? "" : t.target(), Cells.html(Cells.target(t.target())))
              .text(t.tier() == null ? "-" : t.tier())
              .cell(
                  t.verdict().title,
                  "<span class=\"verdict "
                      + t.verdict().name().toLowerCase(Locale.ROOT)
                      + "\">"
                      + t.verdict().title
                      + "</span>")
              .text(
                  t.findings().isEmpty()
                      ? "-"
                      : String.join(
                          ", ", t.findings().stream().map(WorkloadReport.Finding::id).toList()))
              .text(t.reason())
              .html(t.workload()));
    close();
  }

  void trends() throws IOException {
    if (p.trends().isEmpty()) {
      out.write("<p class=\"empty\">No workload has reports of two dates.</p>\n");
      return;
    }
    StringBuilder head = new StringBuilder();
    head.append(th("workload", "Workload"))
        .append(th("then", "Then"))
        .append(th("now", "Now"))
        .append(th("maturity", "Maturity"));
    for (String r : RISKS) head.append(th(r.toLowerCase(Locale.ROOT), r));
    head.append(th("fixed", "Fixed")).append(th("new", "New"));
    open("trends", head.toString());
    for (Portfolio.Trend t : p.trends()) {
      PortfolioHtml.Row row =
          new PortfolioHtml.Row()
              .text(t.workload())
              .text(t.then().date() == null ? "-" : t.then().date())
              .text(t.now().date())
              .cell(
                  String.valueOf(t.now().maturity()),
                  Cells.html(Cells.change(t.then().maturity(), t.now().maturity())));
      for (String risk : RISKS)
        row.cell(
            String.valueOf(t.now().counts().of(risk)),
            Cells.html(Cells.change(t.then().counts().of(risk), t.now().counts().of(risk))));
      row.number(t.fixed().size()).number(t.added().size());
      out.write(row.html(t.workload()));
    }
    close();
    for (Portfolio.Trend t : p.trends()) changes(t);
  }

  /** One workload's fixed and new findings, folded. */
  private void changes(Portfolio.Trend t) throws IOException {
    out.write(
        "<details class=\"changes\" data-workload=\""
            + Cells.html(t.workload())
            + "\"><summary>"
            + Cells.html(t.workload())
            + ": "
            + t.fixed().size()
            + " fixed, "
            + t.added().size()
            + " new</summary>\n");
    findingList("Fixed", t.fixed());
    findingList("New", t.added());
    out.write("</details>\n");
  }

  private void findingList(String label, List<WorkloadReport.Finding> findings) throws IOException {
    if (findings.isEmpty()) return;
    out.write("<h3>" + label + "</h3>\n<ul>\n");
    for (WorkloadReport.Finding f : findings)
      out.write(
          "<li>"
              + Cells.html(f.id())
              + " <span class=\"risk "
              + Cells.html(f.risk())
              + "\">"
              + Cells.html(f.risk())
              + "</span> "
              + code(f.rule())
              + " "
              + code(f.resource())
              + " "
              + code(f.location())
              + "</li>\n");
    out.write("</ul>\n");
  }

  private void open(String table, String head) throws IOException {
    out.write(
        "<div class=\"scroll\"><table data-table=\""
            + table
            + "\"><thead><tr>"
            + head
            + "</tr></thead><tbody>\n");
  }

  private void close() throws IOException {
    out.write("</tbody></table></div>\n");
  }

  private static String th(String key, String title) {
    return "<th class=\"sortable\" data-key=\"" + key + "\">" + Cells.html(title) + "</th>";
  }

  private static String code(String text) {
    return "<code>" + Cells.html(text) + "</code>";
  }
}
