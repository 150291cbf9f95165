package dev.relplan.assess;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.model.CoverageGap;
import dev.relplan.model.CoverageGap.Cause;
import dev.relplan.model.CoverageGap.Kind;
import dev.relplan.model.Workload;
import dev.relplan.rules.Domain;
import dev.relplan.source.Location;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How incomplete coverage changes the plan's wording. */
class CompletenessTest {
  private static CoverageGap gap(Kind kind, String subject, int line) {
    return new CoverageGap(
        kind, subject, Cause.OUTSIDE_SCANNED_PATHS, "not in the scanned paths", at(line));
  }

  private static Location at(int line) {
    return new Location("main.tf", line);
  }

  private static Workload withGaps(CoverageGap... gaps) {
    Workload w = new Workload();
    w.coverageGaps.addAll(List.of(gaps));
    return w;
  }

  @Test
  void aWorkloadWithoutGapsIsComplete() {
    Coverage c = Completeness.of(new Workload(), false);
    assertThat(c.complete()).isTrue();
    assertThat(c.statement()).isNull();
  }

  @Test
  void gapsAreCountedByKindInThePartialStatement() {
    Coverage c =
        Completeness.of(
            withGaps(
                gap(Kind.HANDLER, "Worker", 9),
                gap(Kind.MODULE, "module.a", 1),
                gap(Kind.MODULE, "module.b", 5)),
            false);
    assertThat(c.statement())
        .isEqualTo(
            "Partial assessment: 2 modules and 1 handler could not be read — see Appendix D: Analysis Coverage.");
  }

  @Test
  void theSameGapSeenTwiceIsListedOnceInLocationOrder() {
    Coverage c =
        Completeness.of(
            withGaps(
                gap(Kind.MODULE, "module.b", 5),
                gap(Kind.MODULE, "module.a", 1),
                gap(Kind.MODULE, "module.b", 5)),
            false);
    assertThat(c.gaps()).extracting(CoverageGap::subject).containsExactly("module.a", "module.b");
  }

  @Test
  void gapsAloneSayNothingWasAssessed() {
    Coverage c = Completeness.of(withGaps(gap(Kind.MODULE, "module.app", 1)), true);
    assertThat(c.statement()).startsWith("Nothing was assessed: ").contains("1 module");
    assertThat(Completeness.maturityReason(c, "0 critical/high finding(s)."))
        .startsWith("nothing was assessed")
        .doesNotContain("finding");
  }

  @Test
  void thePartialMaturityReasonKeepsTheRatingAndSaysWhatWasNotRead() {
    Coverage c = Completeness.of(withGaps(gap(Kind.NESTED_STACK, "Network", 2)), false);
    assertThat(Completeness.maturityReason(c, "0 critical/high finding(s)."))
        .isEqualTo(
            "0 critical/high finding(s). Partial assessment: 1 nested stack could not be read, so this rating covers only what was read.");
  }

  @Test
  void noGapsFoundInAScorecardRowIsLimitedToWhatWasRead() {
    Coverage c = Completeness.of(withGaps(gap(Kind.MODULE, "module.app", 1)), false);
    List<Assessment.DomainScore> scores =
        List.of(
            new Assessment.DomainScore(Domain.RECOVERY, 5, "Backups", "No gaps found"),
            new Assessment.DomainScore(Domain.SCALING, 2, "None", "No autoscaling"));
    assertThat(Completeness.scorecard(c, scores))
        .extracting(Assessment.DomainScore::gap)
        .containsExactly("No gaps found in what was read", "No autoscaling");
  }
}
