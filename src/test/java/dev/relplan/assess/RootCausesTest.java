package dev.relplan.assess;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Findings with one cause on one resource are grouped under the finding that names the cause. */
class RootCausesTest {
  private static Assessment orders() throws IOException {
    return Pipeline.run(
            new Pipeline.Request(
                List.of(Path.of("examples/orders-platform")),
                null,
                new Context(null, null, null, List.of()),
                List.of()))
        .assessment();
  }

  private static String idOf(Assessment a, String rule, String resource) {
    return a.findings().stream()
        .filter(
            f -> f.finding().rule().id().equals(rule) && f.finding().resource().equals(resource))
        .findFirst()
        .orElseThrow()
        .id();
  }

  @Test
  void minEqualsMaxIsTheCauseOfFixedComputeAndOfTheMissingScalingPolicy() throws IOException {
    Assessment a = orders();
    Assessment.RootCause fixed =
        RootCauses.of(a.findings()).stream()
            .filter(g -> g.cause().equals("fixed capacity"))
            .findFirst()
            .orElseThrow();
    assertThat(fixed.primary()).isEqualTo(idOf(a, "REL-ASG-MIN-EQUALS-MAX", "ReportingGroup"));
    assertThat(fixed.related())
        .containsExactlyInAnyOrder(
            idOf(a, "REL-COMPUTE-FIXED", "ReportingGroup"),
            idOf(a, "REL-SCALING-NO-POLICY", "ReportingGroup"));
  }

  @Test
  void aFindingAloneOnItsResourceIsInNoGroup() throws IOException {
    Assessment a = orders();
    String single = idOf(a, "REL-COMPUTE-FIXED", "BatchRunner");
    assertThat(RootCauses.of(a.findings()))
        .noneMatch(g -> g.primary().equals(single) || g.related().contains(single));
  }

  @Test
  void theCauseIsFixedByOneActionThatListsEveryFindingItExplains() throws IOException {
    Assessment a = orders();
    String primary = idOf(a, "REL-ASG-MIN-EQUALS-MAX", "ReportingGroup");
    String related = idOf(a, "REL-COMPUTE-FIXED", "ReportingGroup");
    assertThat(a.plan()).filteredOn(x -> x.findings().contains(related)).hasSize(1);
    assertThat(a.plan())
        .filteredOn(x -> x.findings().contains(related))
        .first()
        .satisfies(x -> assertThat(x.findings()).contains(primary));
  }

  @Test
  void aRelatedFindingPointsToThePrimaryFindingsFingerprintAndKeepsItsFlag() throws IOException {
    Assessment a = orders();
    String primary = idOf(a, "REL-ASG-MIN-EQUALS-MAX", "ReportingGroup");
    String related = idOf(a, "REL-COMPUTE-FIXED", "ReportingGroup");
    String primaryFingerprint =
        a.findings().stream()
            .filter(f -> f.id().equals(primary))
            .findFirst()
            .orElseThrow()
            .fingerprint();
    assertThat(a.rootCauseFingerprint(related)).isEqualTo(primaryFingerprint);
    assertThat(a.rootCauseFingerprint(primary)).isNull();
    assertThat(
            a.findings().stream()
                .filter(f -> f.id().equals(related))
                .findFirst()
                .orElseThrow()
                .finding()
                .flag())
        .isEqualTo("FT-FIXED-COMPUTE");
    assertThat(a.rootCauseCount()).isEqualTo(a.findings().size() - 2);
  }
}
