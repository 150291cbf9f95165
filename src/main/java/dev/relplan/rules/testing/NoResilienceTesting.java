package dev.relplan.rules.testing;

import dev.relplan.model.ComputeGroup;
import dev.relplan.model.EvidenceKind;
import dev.relplan.model.FisExperiment;
import dev.relplan.model.Function;
import dev.relplan.model.Workload;
import dev.relplan.rules.BaseRule;
import dev.relplan.rules.Context;
import dev.relplan.rules.Dialect;
import dev.relplan.rules.Domain;
import dev.relplan.rules.Findings;
import dev.relplan.rules.Fix;
import dev.relplan.rules.Impact;
import dev.relplan.rules.InputFormat;
import dev.relplan.rules.Likelihood;
import dev.relplan.rules.RuleMeta;
import dev.relplan.rules.Tier;
import java.util.ArrayList;
import java.util.List;

/** No chaos experiments and no load tests: the design's reliability claims are untested. */
public final class NoResilienceTesting extends BaseRule {
  public NoResilienceTesting() {
    super(
        RuleMeta.builder("REL-NO-RESILIENCE-TESTING")
            .domain(Domain.TESTING)
            .title("No load tests or fault-injection experiments")
            .bestPractices("REL12-BP03", "REL12-BP04", "REL07-BP04", "REL08-BP03")
            .impact(
                Impact.MODERATE,
                "Scaling limits and failure handling are discovered by users during real incidents.")
            .likelihood(
                Likelihood.MEDIUM,
                "Untested failure paths and capacity limits commonly behave differently than designed.")
            .tier(Tier.STRATEGIC)
            .effort("Weeks: load test scripts in CI and a first FIS experiment")
            .services("AWS FIS", "Distributed Load Testing on AWS")
            .remediation(
                "Keep load test scripts (k6, Locust, Artillery, JMeter) in the repository and run them before releases; add AWS FIS experiment templates for instance, AZ and dependency failures and run them on a schedule.")
            .advice(
                Fix.in(
                        Dialect.KUBERNETES,
                        "Keep load test scripts (k6, Locust, Artillery, JMeter) in the repository and run them against a staging namespace before releases; add fault-injection experiments for pod, node and zone failures (AWS FIS aws:eks:pod-delete and node-group actions, or Chaos Mesh / LitmusChaos resources) and run them on a schedule.")
                    .forRepositoryGap()
                    .effort("Weeks: load test scripts in CI and a first pod-deletion experiment")
                    .involving("EKS", "AWS FIS"))
            .formats(InputFormat.CLOUDFORMATION, InputFormat.TERRAFORM, InputFormat.KUBERNETES)
            .build());
  }

  @Override
  public void check(Workload w, Context ctx, Findings out) {
    List<FisExperiment> fis = w.all(FisExperiment.class);
    List<String> load = w.repositoryEvidence.getOrDefault(EvidenceKind.LOAD_TEST, List.of());
    List<String> chaos =
        w.repositoryEvidence.getOrDefault(EvidenceKind.CHAOS_EXPERIMENT, List.of());
    if (!fis.isEmpty())
      out.strength(
          this,
          "Fault injection is defined as code (" + fis.size() + " AWS FIS experiment template(s))",
          fis.stream().map(f -> f.location).toList());
    if (!load.isEmpty())
      out.strength(
          this, "Load tests are kept in the repository: " + String.join(", ", load), List.of());
    if (!chaos.isEmpty())
      out.strength(
          this,
          "Chaos or game-day material is kept in the repository: " + String.join(", ", chaos),
          List.of());
    List<String> missing = new ArrayList<>();
    if (fis.isEmpty() && chaos.isEmpty())
      missing.add("fault-injection experiments (AWS FIS templates, chaos or game-day files)");
    if (load.isEmpty()) missing.add("load tests (k6, Locust, Artillery, JMeter, Gatling files)");
    boolean hasCompute = !w.all(ComputeGroup.class).isEmpty() || !w.all(Function.class).isEmpty();
    if (missing.isEmpty() || !hasCompute) return;
    out.reportAbsence(
        this,
        w,
        "No "
            + String.join(
                " and no ", missing.stream().map(m -> m.substring(0, m.indexOf(" ("))).toList()),
        "Searched the templates and the repository's file names for "
            + String.join(" and ", missing)
            + ": none found.");
  }
}
