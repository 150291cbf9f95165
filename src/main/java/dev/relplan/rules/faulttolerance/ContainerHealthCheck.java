package dev.relplan.rules.faulttolerance;

import dev.relplan.model.ComputeGroup;
import dev.relplan.model.ContainerDependency;
import dev.relplan.model.TaskDefinition;
import dev.relplan.model.Value;
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
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Containers whose health nobody checks, outside a load balancer: a Compose service other services
 * wait for, or an ECS task running without a load balancer, whose hung process goes unnoticed; and
 * Compose services that start before the dependency they need is healthy.
 */
public final class ContainerHealthCheck extends BaseRule {
  public ContainerHealthCheck() {
    super(
        RuleMeta.builder("REL-CONTAINER-HEALTH-CHECK")
            .domain(Domain.FAULT_TOLERANCE)
            .title("Containers run without a health check that gates or replaces them")
            .bestPractices("REL11-BP01", "REL11-BP03", "REL06-BP01")
            .impact(
                Impact.MODERATE,
                "A container that hangs keeps running unnoticed, and services that need it start before it can serve, so their requests fail until someone restarts them.")
            .likelihood(
                Likelihood.MEDIUM,
                "One hung process, or one slow start of a dependency after a restart, is enough.")
            .tier(Tier.QUICK_WIN)
            .effort("Minutes: a health check command and a service_healthy condition")
            .services("ECS")
            .remediation(
                "Give every long-running container a health check that exercises it (an HTTP request to its health endpoint, pg_isready for PostgreSQL), make Compose dependents wait with condition: service_healthy, and give ECS containers run without a load balancer a healthCheck so ECS replaces tasks that stop answering.")
            .advice(
                Fix.in(
                        Dialect.COMPOSE,
                        "Give the service a healthcheck that exercises it, and let the services that need it wait until it passes (depends_on with condition: service_healthy).",
                        """
                services:
                  db:
                    image: postgres:16
                    healthcheck:
                      test: ["CMD-SHELL", "pg_isready -U app"]
                      interval: 10s
                      retries: 5
                  api:
                    depends_on:
                      db:
                        condition: service_healthy
                """)
                    .effort("Minutes: a healthcheck and a service_healthy condition"),
                Fix.in(
                        Dialect.ECS_TASK_DEFINITION,
                        "Give the essential container a healthCheck that exercises it, so ECS replaces a task whose container stops answering even when no load balancer checks it.",
                        """
                "healthCheck": {
                  "command": ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"],
                  "interval": 15,
                  "timeout": 5,
                  "retries": 3,
                  "startPeriod": 30
                }
                """)
                    .effort("Minutes: a healthCheck on the essential container")
                    .involving("ECS"))
            .formats(InputFormat.COMPOSE, InputFormat.ECS)
            .build());
  }

  @Override
  public void check(Workload w, Context ctx, Findings out) {
    List<ComputeGroup> compose =
        w.all(ComputeGroup.class).stream()
            .filter(g -> g.kind == ComputeGroup.Kind.COMPOSE_SERVICE)
            .toList();
    // Who waits for whom, indexed once (scope and service name → the waiting services and how
    // they wait, in the services' order), so each service's check does not scan them all.
    Map<String, List<Waiting>> waitingFor = new HashMap<>();
    for (ComputeGroup other : compose)
      for (ContainerDependency d : other.dependsOn)
        waitingFor
            .computeIfAbsent(other.scope + "\n" + d.service(), k -> new ArrayList<>())
            .add(new Waiting(other, d));
    for (ComputeGroup g : compose)
      checkDependency(g, waitingFor.getOrDefault(g.scope + "\n" + g.id, List.of()), out);
    for (TaskDefinition t : w.all(TaskDefinition.class)) checkTask(t, out);
  }

  /**
   * A Compose service others wait for needs a health check; with one, its dependents should wait
   * for it to pass rather than only for its container to start.
   */
  private void checkDependency(ComputeGroup g, List<Waiting> waiting, Findings out) {
    if (g.replication == ComputeGroup.Replication.BATCH) return;
    if (waiting.isEmpty()) return;
    String what = "Compose service " + g.id;
    if (g.healthCheck.unresolved() || g.healthCheck.isFalse()) {
      out.report(
          this,
          g,
          what + " has no health check, and other services wait for it",
          what
              + " is depended on by "
              + waiting.size()
              + " service(s) but runs no health check ("
              + (g.healthCheck.isFalse() ? "disabled, or none in its Dockerfile" : "")
              + "): they start as soon as its container starts, and nothing notices when it hangs.",
          g.healthCheck);
      return;
    }
    for (Waiting wait : waiting) {
      ComputeGroup other = wait.service();
      ContainerDependency d = wait.dependency();
      if (ContainerDependency.STARTED.equals(d.condition().orElse("")))
        out.report(
            this,
            other,
            "Compose service " + other.id + " starts before " + g.id + " is healthy",
            "Compose service "
                + other.id
                + " waits for "
                + g.id
                + " with condition "
                + d.condition()
                + ": it starts as soon as the container of "
                + g.id
                + " starts, before its health check passes, and its first requests to it fail.",
            Value.explicit(d.condition().get(), dependencyTrace(d)));
    }
  }

  /** A Compose service waiting for another, and how (its depends_on entry). */
  private record Waiting(ComputeGroup service, ContainerDependency dependency) {}

  private static List<Location> dependencyTrace(ContainerDependency d) {
    List<Location> trace = new ArrayList<>(List.of(d.location()));
    trace.addAll(d.condition().trace());
    return trace;
  }

  /**
   * An ECS task is replaced when an essential container exits, fails its health check, or (behind a
   * load balancer) fails the target group's check; without a load balancer and without a health
   * check on an essential container, a hung task runs on.
   */
  private void checkTask(TaskDefinition t, Findings out) {
    List<TaskDefinition.Container> essential = new ArrayList<>();
    for (TaskDefinition.Container c : t.containers) {
      if (c.essential().unresolved()) {
        out.report(this, t, "", "", c.essential());
        return;
      }
      if (c.essential().isTrue()) essential.add(c);
    }
    if (essential.stream().anyMatch(c -> c.healthCheck().isTrue())) return;
    if (t.loadBalancedBy != null
        || t.services.stream()
            .anyMatch(g -> g.targetGroups.present() && !g.targetGroups.get().isEmpty()))
      return; // the load balancer's health check replaces failing tasks (REL-LB-HEALTH-CHECK)
    String family = t.family.orElse(t.id);
    if (t.services.isEmpty()) {
      out.cannotDetermine(
          this,
          t,
          "no essential container of task definition "
              + family
              + " has a healthCheck, and no ECS service in the scanned CloudFormation or Terraform names the family: whether a load balancer health-checks its tasks is unknown",
          List.of(t.location));
      return;
    }
    List<Location> evidence = new ArrayList<>(List.of(t.location));
    for (TaskDefinition.Container c : essential) evidence.add(c.location());
    evidence.add(t.services.get(0).location);
    out.report(
        this,
        t,
        "ECS task definition " + family + " runs without a container health check or load balancer",
        "No essential container of "
            + family
            + " has a healthCheck ("
            + (essential.isEmpty()
                ? "no container is essential"
                : String.join(
                    ", ", essential.stream().map(TaskDefinition.Container::name).toList()))
            + ") and service "
            + t.services.get(0).id
            + " has no load balancer: ECS replaces a task only when an essential container exits, so a hung one keeps running.",
        Value.explicit(false, evidence));
  }
}
