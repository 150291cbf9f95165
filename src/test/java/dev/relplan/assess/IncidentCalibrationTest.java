package dev.relplan.assess;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.pipeline.Incidents;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import dev.relplan.rules.Incident;
import dev.relplan.rules.Likelihood;
import dev.relplan.source.InputError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Past incidents raise the likelihood of findings on the components they affected, and only those.
 */
class IncidentCalibrationTest {
  private static final Path ORDERS = Path.of("examples/orders-platform");

  private static Assessment assess(List<Incident> incidents) throws IOException {
    return Pipeline.run(
            new Pipeline.Request(
                List.of(ORDERS), null, new Context(null, null, null, incidents), List.of()))
        .assessment();
  }

  private static Likelihood likelihoodOf(Assessment a, String resource, String rule) {
    return a.findings().stream()
        .map(Assessment.NumberedFinding::finding)
        .filter(f -> f.resource().equals(resource) && f.rule().id().equals(rule))
        .findFirst()
        .orElseThrow()
        .likelihood();
  }

  @Test
  void findingOnAnAffectedComponentBecomesHighlyLikelyWithTheIncidentAsReason() throws IOException {
    Incident outage = new Incident("2026-10-02", "Reporting outage", "", List.of("ReportingGroup"));
    Assessment a = assess(List.of(outage));
    assertThat(likelihoodOf(a, "ReportingGroup", "REL-ASG-MIN-EQUALS-MAX"))
        .isEqualTo(Likelihood.HIGH);
    assertThat(
            a.findings().stream()
                .map(Assessment.NumberedFinding::finding)
                .filter(f -> f.resource().equals("ReportingGroup"))
                .findFirst()
                .orElseThrow()
                .likelihoodReason())
        .contains("Reporting outage");
  }

  @Test
  void findingsOnOtherComponentsKeepTheirLikelihood() throws IOException {
    Incident outage = new Incident("2026-10-02", "Reporting outage", "", List.of("ReportingGroup"));
    assertThat(likelihoodOf(assess(List.of(outage)), "OrdersCache", "REL-STATEFUL-NO-REPLICATION"))
        .isEqualTo(Likelihood.MEDIUM);
  }

  @Test
  void incidentsFileIsReadFromYaml(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("incidents.yaml");
    Files.writeString(
        f,
        "- date: 2026-01-05\n  title: Cache failover\n  affected components: OrdersCache, OrdersApi\n");
    List<Incident> incidents = Incidents.load(f);
    assertThat(incidents)
        .singleElement()
        .satisfies(i -> assertThat(i.affected()).containsExactly("OrdersCache", "OrdersApi"));
  }

  @Test
  void incidentsFileThatIsNotAListIsAnInputError(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("incidents.yaml");
    Files.writeString(f, "title: not a list\n");
    Assertions.assertThatThrownBy(() -> Incidents.load(f))
        .isInstanceOf(InputError.class)
        .hasMessageContaining("list of incidents");
  }
}
