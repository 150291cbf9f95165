package dev.relplan.portfolio;

import static dev.relplan.portfolio.TinyReports.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relplan.portfolio.TinyReports.F;
import dev.relplan.portfolio.TinyReports.Undetermined;
import dev.relplan.source.InputError;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the portfolio makes of small reports: trends, duplicates and target verdicts. */
class PortfolioTest {
  @TempDir Path dir;

  @Test
  void aTrendTellsFixedFromNewFindingsByFingerprintNotById() throws IOException {
    WorkloadReport then =
        TinyReports.read(
            dir,
            "a.json",
            json(
                "shop",
                "2026-01-05",
                null,
                null,
                new F("F-001", "aaa", "REL-DB-SINGLE-AZ", "High"),
                new F("F-002", "bbb", "REL-NAT-SINGLE", "Medium")));
    WorkloadReport now =
        TinyReports.read(
            dir,
            "b.json",
            json(
                "shop",
                "2026-02-05",
                null,
                null,
                new F("F-001", "bbb", "REL-NAT-SINGLE", "Medium"),
                new F("F-002", "ccc", "REL-ASYNC-NO-DLQ", "High")));
    Portfolio.Trend t = Portfolio.of(List.of(now, then)).trends().get(0);
    assertThat(t.then().date()).isEqualTo("2026-01-05");
    assertThat(t.fixed()).extracting(WorkloadReport.Finding::fingerprint).containsExactly("aaa");
    assertThat(t.added()).extracting(WorkloadReport.Finding::fingerprint).containsExactly("ccc");
  }

  @Test
  void theLatestOfThreeReportsIsShownAndComparedWithTheOldest() throws IOException {
    WorkloadReport first = TinyReports.read(dir, "1.json", json("shop", "2026-01-01", null, null));
    WorkloadReport second = TinyReports.read(dir, "2.json", json("shop", "2026-02-01", null, null));
    WorkloadReport third = TinyReports.read(dir, "3.json", json("shop", "2026-03-01", null, null));
    Portfolio p = Portfolio.of(List.of(second, third, first));
    assertThat(p.workloads().get(0).latest().date()).isEqualTo("2026-03-01");
    assertThat(p.trends().get(0).then().date()).isEqualTo("2026-01-01");
  }

  @Test
  void twoReportsOfOneWorkloadAtOneDateAreAnInputError() throws IOException {
    WorkloadReport a = TinyReports.read(dir, "a.json", json("shop", "2026-01-05", null, null));
    WorkloadReport b = TinyReports.read(dir, "b.json", json("shop", "2026-01-05", null, null));
    assertThatThrownBy(() -> Portfolio.of(List.of(a, b)))
        .isInstanceOf(InputError.class)
        .hasMessageContaining("a.json")
        .hasMessageContaining("b.json")
        .hasMessageContaining("workload 'shop' dated 2026-01-05")
        .hasMessageContaining("--date");
  }

  @Test
  void aMultiRegionTargetWithoutRegionalFindingsIsMet() throws IOException {
    WorkloadReport r =
        TinyReports.read(
            dir, "a.json", json("shop", null, "99.995", null, new F("F-001", "a", "REL-X", "Low")));
    assertThat(TargetCheck.of(r).verdict()).isEqualTo(TargetCheck.Verdict.MEETS);
  }

  @Test
  void anUndeterminedCrossRegionCopyLeavesAMultiRegionTargetOpen() throws IOException {
    WorkloadReport r =
        TinyReports.read(
            dir,
            "a.json",
            json("shop", null, "99.99", null, new Undetermined("REL-BACKUP-NO-CROSS-REGION")));
    assertThat(TargetCheck.of(r).verdict()).isEqualTo(TargetCheck.Verdict.CANNOT_DETERMINE);
  }

  @Test
  void aCrossRegionFindingMissesAMultiRegionTargetButNotALowerOne() throws IOException {
    F copy = new F("F-001", "a", "REL-BACKUP-NO-CROSS-REGION", "High");
    WorkloadReport four = TinyReports.read(dir, "a.json", json("a", null, "99.99", null, copy));
    WorkloadReport three = TinyReports.read(dir, "b.json", json("b", null, "99.95", null, copy));
    assertThat(TargetCheck.of(four).verdict()).isEqualTo(TargetCheck.Verdict.MISSES);
    assertThat(TargetCheck.of(three).verdict()).isEqualTo(TargetCheck.Verdict.NO_REQUIREMENT);
  }

  @Test
  void aCriticalTierWithoutATargetCannotBeJudged() throws IOException {
    WorkloadReport r = TinyReports.read(dir, "a.json", json("shop", null, null, "critical"));
    TargetCheck check = TargetCheck.of(r);
    assertThat(check.verdict()).isEqualTo(TargetCheck.Verdict.CANNOT_DETERMINE);
    assertThat(check.reason()).contains("business tier critical without an availability target");
  }
}
