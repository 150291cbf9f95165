package dev.relplan.portfolio;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/** The portfolio as Markdown: one section per question, tables sorted as {@link Portfolio} is. */
public final class PortfolioMarkdown implements PortfolioRenderer {
  private static final List<String> RISKS = List.of("Critical", "High", "Medium", "Low");

  @Override
  public String format() {
    return "md";
  }

  @Override
  public void render(Portfolio p, Writer out) throws IOException {
    Lines md = new Lines(out);
    md.line("# Reliability Portfolio");
    md.line("");
    int reports = p.workloads().stream().mapToInt(w -> w.reports().size()).sum();
    md.line(
        p.workloads().size()
            + " workload(s) from "
            + reports
            + " report(s); each workload is shown from its latest report.");
    workloads(p, md);
    gaps(p, md);
    criticals(p, md);
    targets(p, md);
    trends(p, md);
  }

  private static void workloads(Portfolio p, Lines md) throws IOException {
    md.section("Workloads");
    List<String> header = new ArrayList<>(List.of("Workload", "Date", "Target", "Maturity"));
    header.addAll(RISKS);
    header.add("Cannot Determine");
    header.addAll(p.domains());
    md.header(header);
    for (Portfolio.Workload w : p.workloads()) {
      WorkloadReport r = w.latest();
      List<String> row = new ArrayList<>();
      row.add(Cells.md(w.name()));
      row.add(date(r.date()));
      row.add(Cells.target(r.availabilityTarget()));
      row.add(r.maturity() + "/5");
      for (String risk : RISKS) row.add(String.valueOf(r.counts().of(risk)));
      row.add(String.valueOf(r.cannotDetermine()));
      for (String d : p.domains()) row.add(score(r.score(d)));
      md.row(row);
    }
    md.line("");
    md.line("Domain columns are the scorecard's scores, 1 (weakest) to 5.");
  }

  private static void gaps(Portfolio p, Lines md) throws IOException {
    md.section("Most Frequent Gaps");
    if (p.gaps().isEmpty()) {
      md.line("No findings in any workload.");
      return;
    }
    md.header(List.of("Rule", "Title", "Workloads", "Findings"));
    for (Portfolio.Gap g : p.gaps())
      md.row(
          List.of(
              Cells.code(g.rule()),
              g.title() == null ? "-" : Cells.md(g.title()),
              String.valueOf(g.workloads().size()),
              String.valueOf(g.findings())));
  }

  private static void criticals(Portfolio p, Lines md) throws IOException {
    md.section("Critical Findings");
    if (p.criticals().isEmpty()) {
      md.line("No Critical findings in any workload.");
      return;
    }
    md.header(List.of("Workload", "Id", "Rule", "Resource", "Location"));
    for (Portfolio.Critical c : p.criticals())
      md.row(
          List.of(
              Cells.md(c.workload()),
              c.finding().id(),
              Cells.code(c.finding().rule()),
              Cells.code(c.finding().resource()),
              Cells.code(c.finding().location())));
  }

  private static void targets(Portfolio p, Lines md) throws IOException {
    md.section("Availability Targets");
    md.line(
        p.missingTargets()
            + " of "
            + p.targets().size()
            + " workload(s) miss their availability target's requirements. A target of 99.99% or"
            + " more requires surviving a Regional outage (findings of REL-SINGLE-REGION-FOR-TARGET"
            + " and REL-BACKUP-NO-CROSS-REGION); a lower target adds no requirement.");
    md.line("");
    md.header(List.of("Workload", "Target", "Tier", "Verdict", "Findings", "Why"));
    for (TargetCheck t : p.targets())
      md.row(
          List.of(
              Cells.md(t.workload()),
              Cells.target(t.target()),
              t.tier() == null ? "-" : Cells.md(t.tier()),
              t.verdict().title,
              t.findings().isEmpty()
                  ? "-"
                  : String.join(
                      ", ", t.findings().stream().map(WorkloadReport.Finding::id).toList()),
              Cells.md(t.reason())));
  }

  private static void trends(Portfolio p, Lines md) throws IOException {
    md.section("Trends");
    if (p.trends().isEmpty()) {
      md.line("No workload has reports of two dates.");
      return;
    }
    List<String> header = new ArrayList<>(List.of("Workload", "Then", "Now", "Maturity"));
    header.addAll(RISKS);
    header.addAll(List.of("Fixed", "New"));
    md.header(header);
    for (Portfolio.Trend t : p.trends()) {
      List<String> row = new ArrayList<>();
      row.add(Cells.md(t.workload()));
      row.add(date(t.then().date()));
      row.add(date(t.now().date()));
      row.add(Cells.change(t.then().maturity(), t.now().maturity()));
      for (String risk : RISKS)
        row.add(Cells.change(t.then().counts().of(risk), t.now().counts().of(risk)));
      row.add(String.valueOf(t.fixed().size()));
      row.add(String.valueOf(t.added().size()));
      md.row(row);
    }
    for (Portfolio.Trend t : p.trends()) trend(t, p.domains(), md);
  }

  /** One workload's scores then and now, and the findings fixed and new by fingerprint. */
  private static void trend(Portfolio.Trend t, List<String> domains, Lines md) throws IOException {
    md.line("");
    md.line("### " + Cells.md(t.workload()));
    md.line("");
    List<String> scores = new ArrayList<>();
    for (String d : domains)
      scores.add(
          Cells.md(d) + " " + Cells.change(score(t.then().score(d)), score(t.now().score(d))));
    md.line("- **Scores**: " + String.join(", ", scores));
    findings(md, "Fixed", t.fixed());
    findings(md, "New", t.added());
  }

  private static void findings(Lines md, String label, List<WorkloadReport.Finding> findings)
      throws IOException {
    md.line("- **" + label + "** (" + findings.size() + ")" + (findings.isEmpty() ? "" : ":"));
    for (WorkloadReport.Finding f : findings)
      md.line(
          "  - "
              + f.id()
              + " "
              + f.risk()
              + " "
              + Cells.code(f.rule())
              + " "
              + Cells.code(f.resource())
              + " ("
              + Cells.code(f.location())
              + ")");
  }

  private static String date(String date) {
    return date == null ? "-" : date;
  }

  private static String score(Integer score) {
    return score == null ? "-" : score.toString();
  }

  /** Lines of Markdown written as they are laid out. */
  private record Lines(Writer out) {
    void line(String text) throws IOException {
      out.write(text);
      out.write('\n');
    }

    void section(String title) throws IOException {
      line("");
      line("## " + title);
      line("");
    }

    void header(List<String> cells) throws IOException {
      row(cells);
      line("|" + "---|".repeat(cells.size()));
    }

    void row(List<String> cells) throws IOException {
      line("| " + String.join(" | ", cells) + " |");
    }
  }
}
