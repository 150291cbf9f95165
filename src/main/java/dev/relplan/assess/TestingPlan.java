package dev.relplan.assess;

import dev.relplan.model.Alarm;
import dev.relplan.model.ApiStage;
import dev.relplan.model.ComputeGroup;
import dev.relplan.model.Database;
import dev.relplan.model.DeploymentGroup;
import dev.relplan.model.EvidenceKind;
import dev.relplan.model.FisExperiment;
import dev.relplan.model.Function;
import dev.relplan.model.Queue;
import dev.relplan.model.Resource;
import dev.relplan.model.RestoreTestingPlan;
import dev.relplan.model.Workload;
import dev.relplan.rules.BackupCoverage;
import dev.relplan.rules.Dialect;
import dev.relplan.rules.Topology;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The testing plan of this workload: each test names the components it exercises (the
 * zone-redundant compute, the Multi-AZ databases, the stores of record with backups, the API stages
 * that throttle, the dead-letter queues, the alarms that page) and the evidence of it found in the
 * repository. A test is proposed only when the workload has something it can exercise.
 */
final class TestingPlan {
  /** At most this many components are named in one row; the count says the rest. */
  private static final int NAMED = 4;

  private TestingPlan() {}

  static List<Assessment.TestRow> of(Workload w, Roles roles) {
    List<FisExperiment> fis = w.all(FisExperiment.class);
    List<Assessment.TestRow> rows = new ArrayList<>();
    List<Resource> zoneRedundant = zoneRedundantCompute(w);
    if (!zoneRedundant.isEmpty())
      rows.add(
          test(
              "AZ failover",
              names(zoneRedundant) + " keep serving with one Availability Zone impaired",
              "Quarterly",
              "FIS",
              fisEvidence(fis, "aws:ec2:", "aws:network:", "aws:ecs:", "aws:arc:", "aws:eks:")));
    List<Resource> multiAzDatabases = multiAzDatabases(w);
    if (!multiAzDatabases.isEmpty())
      rows.add(
          test(
              "Database failover",
              names(multiAzDatabases)
                  + " fail over to the standby within about two minutes and clients reconnect",
              "Quarterly",
              "FIS",
              fisEvidence(fis, "aws:rds:")));
    List<Resource> records =
        BackupCoverage.dataStores(w).stream()
            .filter(r -> roles.of(r).data() != Roles.Data.TRANSIENT)
            .toList();
    if (!records.isEmpty())
      rows.add(
          test(
              "Backup restore",
              names(records) + " restored from backup within the RPO, data verified",
              "Monthly",
              records.stream().allMatch(r -> Dialect.of(r) == Dialect.KUBERNETES)
                  ? "Velero restore or VolumeSnapshot restore"
                  : "AWS Backup",
              restoreEvidence(w)));
    List<Resource> fronts = frontDoors(w);
    if (!fronts.isEmpty())
      rows.add(
          test(
              "Load test",
              names(fronts) + " at twice the expected peak: scaling keeps up, excess is throttled",
              "Before major releases",
              "Distributed Load Testing on AWS",
              repositoryEvidence(w, EvidenceKind.LOAD_TEST)));
    List<Resource> deployed = deployedCompute(w);
    if (!deployed.isEmpty())
      rows.add(
          test(
              "Deployment rollback",
              "A failing version of " + names(deployed) + " is rolled back automatically",
              "Every deploy",
              rollbackServices(deployed),
              rollbackEvidence(w)));
    kubernetesExperiments(w, fis, rows);
    List<Resource> deadLetters = deadLetterQueues(w);
    if (!deadLetters.isEmpty())
      rows.add(
          test(
              "Dead-letter redrive",
              "Messages in " + names(deadLetters) + " are inspected and redriven to their source",
              "Monthly",
              "SQS",
              List.of()));
    List<Resource> paging = notifyingAlarms(w);
    if (!paging.isEmpty())
      rows.add(
          test(
              "Alarm drill",
              names(paging) + " fire and reach the on-call (set-alarm-state)",
              "Quarterly",
              "CloudWatch",
              List.of()));
    return rows;
  }

  /**
   * Kubernetes workloads routed to by a Service: a pod deleted must not fail requests, and a node
   * drain must respect their disruption budgets.
   */
  private static void kubernetesExperiments(
      Workload w, List<FisExperiment> fis, List<Assessment.TestRow> rows) {
    List<Resource> served = new ArrayList<>();
    List<Resource> budgeted = new ArrayList<>();
    for (ComputeGroup g : w.all(ComputeGroup.class)) {
      if (g.kind != ComputeGroup.Kind.KUBERNETES_WORKLOAD || g.servedBy.isEmpty()) continue;
      served.add(g);
      if (!g.disruptionBudgets.isEmpty()) budgeted.add(g);
    }
    if (!served.isEmpty())
      rows.add(
          test(
              "Pod deletion",
              "Requests to "
                  + names(served)
                  + " keep succeeding while one pod is deleted and replaced",
              "Monthly",
              "FIS (aws:eks:pod-delete)",
              fisEvidence(fis, "aws:eks:")));
    if (!budgeted.isEmpty())
      rows.add(
          test(
              "Node drain",
              "Draining a node evicts "
                  + names(budgeted)
                  + " only as their disruption budgets allow, and they keep serving",
              "Quarterly",
              "EKS (managed node group update)",
              List.of()));
  }

  private static List<Resource> zoneRedundantCompute(Workload w) {
    List<Resource> out = new ArrayList<>();
    for (ComputeGroup g : w.all(ComputeGroup.class)) {
      var zones = Topology.zones(w, g);
      if (g.kind != ComputeGroup.Kind.EC2_INSTANCE
          && zones.present()
          && Topology.multiZone(zones.get())) out.add(g);
      else if (g.kind == ComputeGroup.Kind.KUBERNETES_WORKLOAD && g.zoneSpread.isTrue()) out.add(g);
    }
    // Lambda runs in several zones of its Region by itself: an AZ test exercises its VPC setup.
    return out;
  }

  private static List<Resource> multiAzDatabases(Workload w) {
    List<Resource> out = new ArrayList<>();
    for (Database db : w.all(Database.class)) {
      boolean instance = db.kind == Database.Kind.INSTANCE;
      if (instance && (db.cluster.present() || db.replicaSource.present())) continue;
      if (instance ? db.multiAz.isTrue() : db.members.size() >= 2) out.add(db);
    }
    return out;
  }

  private static List<Resource> frontDoors(Workload w) {
    List<Resource> out = new ArrayList<>(w.all(ApiStage.class));
    for (ComputeGroup g : w.all(ComputeGroup.class))
      if (g.targetGroups.present() && !g.targetGroups.get().isEmpty()) out.add(g);
    return out;
  }

  /** Functions and services a deployment changes (scheduled-only functions included). */
  private static List<Resource> deployedCompute(Workload w) {
    List<Resource> out = new ArrayList<>();
    for (ComputeGroup g : w.all(ComputeGroup.class))
      if (g.kind == ComputeGroup.Kind.ECS_SERVICE
          || g.kind == ComputeGroup.Kind.KUBERNETES_WORKLOAD
              && g.replication == ComputeGroup.Replication.COUNT) out.add(g);
    for (Function f : w.all(Function.class)) if (!f.triggers.isEmpty()) out.add(f);
    return out;
  }

  /** What rolls each kind of deployed compute back: AWS deployment services, or Kubernetes'. */
  private static String rollbackServices(List<Resource> deployed) {
    boolean kubernetes = false;
    boolean aws = false;
    for (Resource r : deployed) {
      if (r instanceof ComputeGroup g && g.kind == ComputeGroup.Kind.KUBERNETES_WORKLOAD)
        kubernetes = true;
      else aws = true;
    }
    String awsServices = "CodeDeploy / ECS deployment circuit breaker";
    String kubernetesServices = "Argo Rollouts / Flagger analysis";
    if (aws && kubernetes) return awsServices + "; " + kubernetesServices;
    return kubernetes ? kubernetesServices : awsServices;
  }

  private static List<Resource> deadLetterQueues(Workload w) {
    return w.all(Queue.class).stream()
        .filter(q -> !q.deadLetterSources.isEmpty())
        .map(q -> (Resource) q)
        .toList();
  }

  private static List<Resource> notifyingAlarms(Workload w) {
    return w.all(Alarm.class).stream().filter(a -> a.notifies(w)).map(a -> (Resource) a).toList();
  }

  private static String names(List<Resource> rs) {
    List<String> ids = rs.stream().map(r -> r.id).distinct().toList();
    String named = String.join(", ", ids.subList(0, Math.min(NAMED, ids.size())));
    return ids.size() > NAMED ? named + " and " + (ids.size() - NAMED) + " more" : named;
  }

  /** The FIS experiments with an action in one of these families. */
  private static List<Location> fisEvidence(List<FisExperiment> fis, String... actionPrefixes) {
    return fis.stream()
        .filter(
            f ->
                f.actionIds.stream()
                    .anyMatch(a -> Arrays.stream(actionPrefixes).anyMatch(a::startsWith)))
        .map(f -> f.location)
        .toList();
  }

  private static List<Location> repositoryEvidence(Workload w, EvidenceKind kind) {
    return w.repositoryEvidence.getOrDefault(kind, List.of()).stream()
        .map(p -> new Location(p, 1))
        .toList();
  }

  /** AWS Backup restore testing plans, then restore tests found in the repository. */
  private static List<Location> restoreEvidence(Workload w) {
    List<Location> restore =
        new ArrayList<>(w.all(RestoreTestingPlan.class).stream().map(r -> r.location).toList());
    restore.addAll(repositoryEvidence(w, EvidenceKind.RESTORE_TEST));
    return restore;
  }

  /** Deployment groups with automatic rollback, then ECS services with the circuit breaker. */
  private static List<Location> rollbackEvidence(Workload w) {
    List<Location> rollback = new ArrayList<>();
    for (DeploymentGroup g : w.all(DeploymentGroup.class))
      if (g.autoRollbackEnabled.isTrue()) rollback.add(g.location);
    for (ComputeGroup g : w.all(ComputeGroup.class))
      if (g.circuitBreakerRollback.isTrue()) rollback.add(g.location);
    return rollback;
  }

  private static Assessment.TestRow test(
      String name, String validates, String frequency, String service, List<Location> evidence) {
    return new Assessment.TestRow(
        name,
        validates,
        frequency,
        service,
        !evidence.isEmpty(),
        evidence.stream().limit(3).toList());
  }
}
