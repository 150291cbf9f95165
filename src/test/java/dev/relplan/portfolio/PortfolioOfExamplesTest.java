package dev.relplan.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.relplan.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The portfolio of the JSON reports of every shipped example (written here by {@code relplan
 * assess}, dated 2026-12-01; orders-platform and resilient-web with a 99.99% target, terraform-shop
 * with 99.9%) and of two public repositories (reports committed under {@code portfolio/}:
 * spring-petclinic-microservices at 2023-12-28 and 2026-04-19 with a 99.9% target,
 * GoogleCloudPlatform/microservices-demo at 2026-08-11 with 99.99%). The expected figures were
 * computed by hand (a short Python script over the same JSON files), not by the code under test.
 */
class PortfolioOfExamplesTest {
  @TempDir static Path reports;
  static List<WorkloadReport> read;
  static Portfolio portfolio;

  @BeforeAll
  static void assessExamplesAndReadReports() throws IOException {
    try (Stream<Path> examples = Files.list(Path.of("examples"))) {
      for (Path example : examples.sorted().toList()) assess(example);
    }
    for (String name :
        List.of(
            "spring-petclinic-microservices-2023-12-28.json",
            "spring-petclinic-microservices-2026-04-19.json",
            "microservices-demo-2026-08-11.json"))
      Files.copy(Path.of("src/test/resources/portfolio", name), reports.resolve(name));
    read = new ArrayList<>();
    try (Stream<Path> files = Files.list(reports)) {
      for (Path f : files.sorted().toList()) read.add(ReportReader.read(f));
    }
    portfolio = Portfolio.of(read);
  }

  private static void assess(Path example) {
    String name = example.getFileName().toString();
    List<String> args =
        new ArrayList<>(
            List.of(
                "assess", example.toString(), "-q", "--date", "2026-12-01", "--format", "json"));
    args.addAll(List.of("-o", reports.resolve(name + ".json").toString()));
    if (name.equals("orders-platform") || name.equals("resilient-web"))
      args.addAll(List.of("--target", "99.99"));
    if (name.equals("terraform-shop")) args.addAll(List.of("--target", "99.9"));
    assertThat(Main.execute(args.toArray(String[]::new))).as("assess " + name).isZero();
  }

  @Test
  void twelveWorkloadsFromThirteenReports() {
    assertThat(read).hasSize(13);
    assertThat(portfolio.workloads())
        .extracting(Portfolio.Workload::name)
        .containsExactly(
            "cdk-orders",
            "cdk-python-payments",
            "k8s-helm-shop",
            "k8s-platform",
            "k8s-shop",
            "microservices-demo",
            "orders-platform",
            "orders-services",
            "resilient-web",
            "serverless-orders",
            "spring-petclinic-microservices",
            "terraform-shop");
  }

  @Test
  void eachWorkloadIsShownFromItsLatestReport() {
    WorkloadReport petclinic = workload("spring-petclinic-microservices").latest();
    assertThat(petclinic.date()).isEqualTo("2026-04-19");
    assertThat(petclinic.counts()).isEqualTo(new WorkloadReport.RiskCounts(0, 17, 3, 0));
    assertThat(petclinic.maturity()).isEqualTo(3);
    assertThat(petclinic.cannotDetermine()).isEqualTo(6);
  }

  @Test
  void maturityCountsAndDomainScoresAreTheReports() {
    WorkloadReport web = workload("resilient-web").latest();
    assertThat(web.maturity()).isEqualTo(4);
    assertThat(web.counts()).isEqualTo(new WorkloadReport.RiskCounts(0, 2, 1, 0));
    assertThat(web.scores())
        .extracting(WorkloadReport.DomainScore::score)
        .containsExactly(4, 5, 5, 2, 4, 4);
    WorkloadReport demo = workload("microservices-demo").latest();
    assertThat(demo.counts()).isEqualTo(new WorkloadReport.RiskCounts(0, 51, 14, 1));
    assertThat(demo.cannotDetermine()).isEqualTo(35);
    assertThat(demo.scores())
        .extracting(WorkloadReport.DomainScore::score)
        .containsExactly(1, 3, 1, 1, 1, 4);
    assertThat(portfolio.domains())
        .containsExactly(
            "Fault Tolerance",
            "Recovery & Backup",
            "Scaling & Capacity",
            "Resilience Patterns",
            "Change Management",
            "Testing & Validation");
  }

  @Test
  void mostFrequentGapsAreCountedByWorkloadsThenFindings() {
    assertThat(portfolio.gaps()).hasSize(35);
    assertThat(portfolio.gaps().subList(0, 6))
        .extracting(Portfolio.Gap::rule, g -> g.workloads().size(), Portfolio.Gap::findings)
        .containsExactly(
            tuple("REL-NO-RESILIENCE-TESTING", 12, 12),
            tuple("REL-RECOVERY-UNTESTED", 10, 10),
            tuple("REL-MONITORING-ALARMS", 9, 9),
            tuple("REL-COMPUTE-FIXED", 8, 33),
            tuple("REL-DEPLOY-ALL-AT-ONCE", 8, 17),
            tuple("REL-SCALING-NO-POLICY", 7, 20));
    assertThat(portfolio.gaps().get(0).title())
        .isEqualTo("No load tests or fault-injection experiments");
  }

  @Test
  void everyCriticalFindingIsListedWithWhereItIs() {
    assertThat(portfolio.criticals())
        .extracting(
            Portfolio.Critical::workload,
            c -> c.finding().id(),
            c -> c.finding().rule(),
            c -> c.finding().resource(),
            c -> c.finding().location())
        .containsExactly(
            tuple(
                "cdk-python-payments",
                "F-001",
                "REL-ASYNC-NO-DLQ",
                "WorkerStack/Settlements",
                "payments/worker_stack.py:18"),
            tuple(
                "cdk-python-payments",
                "F-002",
                "REL-BACKUP-NO-CROSS-REGION",
                "DataStack/Ledger",
                "payments/data_stack.py:16"),
            tuple(
                "cdk-python-payments",
                "F-003",
                "REL-BACKUP-NO-CROSS-REGION",
                "DataStack/Reporting",
                "payments/data_stack.py:29"),
            tuple("cdk-python-payments", "F-004", "REL-RECOVERY-UNTESTED", "workload", "-"),
            tuple(
                "orders-platform",
                "F-001",
                "REL-DYNAMODB-FIXED-CAPACITY",
                "IdempotencyTable",
                "data.yaml:121"));
  }

  @Test
  void workloadsWithAMultiRegionTargetAndRegionalGapsMissTheirTarget() {
    assertThat(portfolio.missingTargets()).isEqualTo(3);
    assertThat(portfolio.targets())
        .filteredOn(t -> t.verdict() == TargetCheck.Verdict.MISSES)
        .extracting(
            TargetCheck::workload,
            t -> t.findings().stream().map(WorkloadReport.Finding::id).toList())
        .containsExactly(
            tuple("microservices-demo", List.of("F-014")),
            tuple("orders-platform", List.of("F-010", "F-012", "F-013", "F-014")),
            tuple("resilient-web", List.of("F-001")));
  }

  @Test
  void aTargetBelowFourNinesAddsNoRequirementAndNoTargetIsSaidSo() {
    assertThat(portfolio.targets())
        .filteredOn(t -> t.verdict() == TargetCheck.Verdict.NO_REQUIREMENT)
        .extracting(TargetCheck::workload)
        .containsExactly("spring-petclinic-microservices", "terraform-shop");
    assertThat(portfolio.targets())
        .filteredOn(t -> t.verdict() == TargetCheck.Verdict.NO_TARGET)
        .hasSize(7);
  }

  @Test
  void theWorkloadReportedAtTwoDatesHasATrendByFingerprint() {
    assertThat(portfolio.trends()).hasSize(1);
    Portfolio.Trend t = portfolio.trends().get(0);
    assertThat(t.workload()).isEqualTo("spring-petclinic-microservices");
    assertThat(t.then().date()).isEqualTo("2023-12-28");
    assertThat(t.now().date()).isEqualTo("2026-04-19");
    assertThat(t.then().counts()).isEqualTo(new WorkloadReport.RiskCounts(0, 14, 1, 0));
    assertThat(t.now().counts()).isEqualTo(new WorkloadReport.RiskCounts(0, 17, 3, 0));
    assertThat(t.then().score("Resilience Patterns")).isEqualTo(3);
    assertThat(t.now().score("Resilience Patterns")).isEqualTo(1);
    assertThat(t.fixed()).isEmpty();
    assertThat(t.added())
        .extracting(WorkloadReport.Finding::id, WorkloadReport.Finding::rule)
        .containsExactly(
            tuple("F-006", "REL-COMPUTE-FIXED"),
            tuple("F-014", "REL-CODE-CALL-NO-TIMEOUT"),
            tuple("F-016", "REL-CODE-CALL-NO-TIMEOUT-OR-BREAKER"),
            tuple("F-018", "REL-CODE-CALL-NO-TIMEOUT"),
            tuple("F-019", "REL-CODE-CALL-NO-TIMEOUT-OR-BREAKER"));
  }

  @Test
  void theMarkdownStatesTheFiguresInItsTables() {
    String md = new PortfolioMarkdown().render(portfolio);
    assertThat(md)
        .contains("12 workload(s) from 13 report(s)")
        .contains(
            "| resilient-web | 2026-12-01 | 99.99% | 4/5 | 0 | 2 | 1 | 0 | 0 | 4 | 5 | 5 | 2 | 4 | 4 |")
        .contains("| `REL-COMPUTE-FIXED` | Compute runs with a fixed instance count | 8 | 33 |")
        .contains(
            "| orders-platform | F-001 | `REL-DYNAMODB-FIXED-CAPACITY` | `IdempotencyTable` |"
                + " `data.yaml:121` |")
        .contains("3 of 12 workload(s) miss their availability target's requirements")
        .contains(
            "| spring-petclinic-microservices | 2023-12-28 | 2026-04-19 | 3 | 0 | 14 → 17 | 1 → 3 |"
                + " 0 | 0 | 5 |");
  }

  @Test
  void theSameReportsInAnotherOrderGiveTheSameOutputInEveryFormat() {
    List<WorkloadReport> shuffled = new ArrayList<>(read);
    Collections.reverse(shuffled);
    Portfolio again = Portfolio.of(shuffled);
    for (PortfolioRenderer r : PortfolioRenderer.all())
      assertThat(r.render(again)).as(r.format()).isEqualTo(r.render(portfolio));
  }

  private static Portfolio.Workload workload(String name) {
    return portfolio.workloads().stream()
        .filter(w -> w.name().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
