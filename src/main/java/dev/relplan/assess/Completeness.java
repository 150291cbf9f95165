package dev.relplan.assess;

import dev.relplan.model.CoverageGap;
import dev.relplan.model.Workload;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Decides whether the assessment covers everything the IaC refers to, and keeps the plan's clean-
 * result wording ("No gaps found", the maturity reason) from claiming more than was read.
 */
public final class Completeness {
  /** Where the plan lists each gap; the statements point there. */
  static final String APPENDIX = "Appendix D: Analysis Coverage";

  /** The scorecard's wording for a domain without findings but with strengths. */
  static final String NO_GAPS = "No gaps found";

  private Completeness() {}

  /**
   * The coverage of a workload.
   *
   * @param nothingElseAssessed whether no resource, outbound call or code file was read
   */
  public static Coverage of(Workload w, boolean nothingElseAssessed) {
    if (w.coverageGaps.isEmpty()) return Coverage.COMPLETE;
    List<CoverageGap> gaps = List.copyOf(new TreeSet<>(w.coverageGaps));
    String summary = summary(gaps);
    String statement =
        nothingElseAssessed
            ? "Nothing was assessed: the scanned files only refer to "
                + summary
                + " that could not be read — see "
                + APPENDIX
                + "."
            : "Partial assessment: " + summary + " could not be read — see " + APPENDIX + ".";
    return new Coverage(gaps, nothingElseAssessed, statement, summary);
  }

  /** "1 module", "2 nested stacks and 1 handler": the gaps counted by kind. */
  static String summary(List<CoverageGap> gaps) {
    Map<CoverageGap.Kind, Integer> counts = new EnumMap<>(CoverageGap.Kind.class);
    for (CoverageGap g : gaps) counts.merge(g.kind(), 1, Integer::sum);
    List<String> parts = new ArrayList<>();
    counts.forEach((kind, n) -> parts.add(n + " " + kind.noun + (n == 1 ? "" : "s")));
    int last = parts.size() - 1;
    return last == 0
        ? parts.get(0)
        : String.join(", ", parts.subList(0, last)) + " and " + parts.get(last);
  }

  /** The maturity reason, saying that nothing or only part of the workload was read. */
  public static String maturityReason(Coverage coverage, String reason) {
    if (coverage.complete()) return reason;
    if (coverage.nothingElseAssessed())
      return "nothing was assessed: the scanned files only refer to "
          + coverage.summary()
          + " that could not be read (see "
          + APPENDIX
          + ")";
    return reason
        + " Partial assessment: "
        + coverage.summary()
        + " could not be read, so this rating covers only what was read.";
  }

  /** Domain scores whose "No gaps found" would claim a clean result over unread parts. */
  public static List<Assessment.DomainScore> scorecard(
      Coverage coverage, List<Assessment.DomainScore> scores) {
    if (coverage.complete()) return scores;
    List<Assessment.DomainScore> out = new ArrayList<>();
    for (Assessment.DomainScore s : scores) {
      out.add(
          s.gap().equals(NO_GAPS)
              ? new Assessment.DomainScore(
                  s.domain(), s.score(), s.strength(), NO_GAPS + " in what was read")
              : s);
    }
    return out;
  }
}
