package dev.relplan.portfolio;

import java.util.List;

/**
 * What the portfolio reads of one JSON report relplan wrote: the few fields it aggregates, each as
 * the report states it.
 *
 * @param file the report file as given on the command line
 * @param workload the report's {@code workload.name}
 * @param date the report's {@code date} (YYYY-MM-DD), or null when it recorded none
 * @param tier the business tier ({@code workload.tier}), or null
 * @param availabilityTarget the availability target in percent as the report writes it, or null
 * @param counts active findings by risk: critical, high, medium, low
 * @param cannotDetermine the number of Cannot Determine items
 * @param maturity the report's maturity level (1-5)
 * @param scores the scorecard: one score per domain, in the report's order
 * @param findings the active findings (suppressed ones are not read)
 * @param undeterminedRules the rule of each Cannot Determine item
 */
public record WorkloadReport(
    String file,
    String workload,
    String date,
    String tier,
    String availabilityTarget,
    RiskCounts counts,
    int cannotDetermine,
    int maturity,
    List<DomainScore> scores,
    List<Finding> findings,
    List<String> undeterminedRules) {

  public WorkloadReport {
    scores = List.copyOf(scores);
    findings = List.copyOf(findings);
    undeterminedRules = List.copyOf(undeterminedRules);
  }

  /** One scorecard row: a domain's score, 1-5. */
  public record DomainScore(String domain, int score) {}

  /** Active findings by risk. */
  public record RiskCounts(int critical, int high, int medium, int low) {
    public int total() {
      return critical + high + medium + low;
    }

    /** The count of one risk by its title (Critical, High, Medium, Low). */
    public int of(String risk) {
      return switch (risk) {
        case "Critical" -> critical;
        case "High" -> high;
        case "Medium" -> medium;
        case "Low" -> low;
        default -> 0;
      };
    }
  }

  /**
   * One finding as the portfolio shows it: where its first evidence line is ({@code file} null and
   * {@code line} 0 for a finding about something absent from the whole repository).
   */
  public record Finding(
      String id,
      String fingerprint,
      String rule,
      String title,
      String risk,
      String resource,
      String root,
      String file,
      int line) {

    /** "file:line", or "-" without evidence. */
    public String location() {
      return file == null ? "-" : file + ":" + line;
    }
  }

  /** The score of a domain, or null when the report has no row for it. */
  public Integer score(String domain) {
    for (DomainScore s : scores) if (s.domain().equals(domain)) return s.score();
    return null;
  }
}
