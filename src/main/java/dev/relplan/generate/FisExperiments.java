package dev.relplan.generate;

import dev.relplan.model.Alarm;
import dev.relplan.model.ComputeGroup;
import dev.relplan.model.Database;
import dev.relplan.model.Function;
import dev.relplan.model.Resource;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The AWS FIS experiments the testing plan calls for that fit what one template or module defines:
 * instance termination in an Auto Scaling group, ECS task stops, Aurora cluster failover, Multi-AZ
 * instance reboot with failover, Lambda invocation errors; each targets the resource through its
 * own ARN, name or the tag AWS puts on its instances.
 */
final class FisExperiments {
  /** The ECS cluster types whose name an ECS task target needs. */
  private static final Set<String> ECS_CLUSTERS = Set.of("AWS::ECS::Cluster", "aws_ecs_cluster");

  /** FIS allows at most five stop conditions per experiment template. */
  static final int MAX_STOP_CONDITIONS = 5;

  /** How a target is selected: by ARNs, by a tag naming a resource, or by target parameters. */
  enum By {
    ARN,
    TAG,
    PARAMETERS
  }

  /**
   * One experiment template.
   *
   * @param kind short name ("terminate", "failover") used in ids
   * @param subject the resource it exercises
   * @param description what it validates, for the template's description
   * @param actionId the FIS action
   * @param actionParameters the action's parameters
   * @param targetKey the action's target key (Instances, Tasks, Clusters, DBInstances, Functions)
   * @param resourceType the FIS target resource type
   * @param selectionMode how many of the targets
   * @param by how the target names its resources
   * @param targetResources what the target names: the subject, or cluster then service for tasks
   * @param permission the FIS managed policy the role needs, or null for an inline policy
   */
  record Experiment(
      String kind,
      Resource subject,
      String description,
      String actionId,
      Map<String, String> actionParameters,
      String targetKey,
      String resourceType,
      String selectionMode,
      By by,
      List<Resource> targetResources,
      String permission) {}

  private FisExperiments() {}

  /** The experiments for these resources of one template or module, and notes for the others. */
  static List<Experiment> of(Workload w, List<Resource> resources, List<String> notes) {
    List<Experiment> out = new ArrayList<>();
    for (Resource r : resources) {
      if (r instanceof ComputeGroup g && g.kind == ComputeGroup.Kind.AUTO_SCALING_GROUP) {
        out.add(
            new Experiment(
                "terminate",
                r,
                "Terminate one running instance of Auto Scaling group "
                    + r.id
                    + ": the group replaces it and the load balancer stops routing to it",
                "aws:ec2:terminate-instances",
                Map.of(),
                "Instances",
                "aws:ec2:instance",
                "COUNT(1)",
                By.TAG,
                List.of(r),
                "AWSFaultInjectionSimulatorEC2Access"));
      } else if (r instanceof ComputeGroup g && g.kind == ComputeGroup.Kind.ECS_SERVICE) {
        Resource cluster = referenced(w, r, ECS_CLUSTERS);
        if (cluster == null) {
          notes.add(
              r.id
                  + ": its ECS cluster is not declared beside it, so the task target cannot name"
                  + " it; add the experiment by hand with the cluster's name");
          continue;
        }
        out.add(
            new Experiment(
                "stoptask",
                r,
                "Stop one task of ECS service "
                    + r.id
                    + ": the service starts a replacement and traffic moves to the healthy tasks",
                "aws:ecs:stop-task",
                Map.of(),
                "Tasks",
                "aws:ecs:task",
                "COUNT(1)",
                By.PARAMETERS,
                List.of(cluster, r),
                "AWSFaultInjectionSimulatorECSAccess"));
      } else if (r instanceof Database d && d.kind == Database.Kind.CLUSTER && d.isAurora()) {
        out.add(
            new Experiment(
                "failover",
                r,
                "Fail over Aurora cluster "
                    + r.id
                    + " to a replica: clients reconnect to the new writer within the RTO",
                "aws:rds:failover-db-cluster",
                Map.of(),
                "Clusters",
                "aws:rds:cluster",
                "ALL",
                By.ARN,
                List.of(r),
                "AWSFaultInjectionSimulatorRDSAccess"));
      } else if (r instanceof Database d && d.kind == Database.Kind.INSTANCE) {
        if (!d.multiAz.isTrue()) {
          if (!d.cluster.present())
            notes.add(
                r.id
                    + ": a single-AZ instance has no standby to fail over to; make it Multi-AZ"
                    + " before testing failover");
          continue;
        }
        out.add(
            new Experiment(
                "failover",
                r,
                "Reboot Multi-AZ database "
                    + r.id
                    + " with failover: the standby takes over and clients reconnect within the RTO",
                "aws:rds:reboot-db-instances",
                Map.of("forceFailover", "true"),
                "DBInstances",
                "aws:rds:db",
                "ALL",
                By.ARN,
                List.of(r),
                "AWSFaultInjectionSimulatorRDSAccess"));
      } else if (r instanceof Function && lambda(r)) {
        out.add(
            new Experiment(
                "lambdaerror",
                r,
                "Make a quarter of "
                    + r.id
                    + "'s invocations fail for 10 minutes: callers retry, fall back or dead-letter"
                    + " (needs the AWS FIS Lambda extension layer on the function)",
                "aws:lambda:invocation-error",
                new TreeMap<>(Map.of("duration", "PT10M", "invocationPercentage", "25")),
                "Functions",
                "aws:lambda:function",
                "ALL",
                By.ARN,
                List.of(r),
                null));
      }
    }
    return out;
  }

  /**
   * The alarms an experiment stops on: the template's or module's own alarms that say something is
   * wrong (not those that only drive scaling, which fire by design during an experiment).
   */
  static List<Resource> stopAlarms(Workload w, List<Resource> resources) {
    List<Resource> out = new ArrayList<>();
    for (Resource r : resources)
      if (r instanceof Alarm a && !a.onlyScales(w) && out.size() < MAX_STOP_CONDITIONS) out.add(r);
    return out;
  }

  private static boolean lambda(Resource r) {
    return Set.of("AWS::Lambda::Function", "AWS::Serverless::Function", "aws_lambda_function")
        .contains(r.writtenType());
  }

  /** The first resource of these types that r references in its own scope, or null. */
  private static Resource referenced(Workload w, Resource r, Set<String> types) {
    for (ResourceRef ref : r.references) {
      Resource target = w.get(ref.key());
      if (target != null && types.contains(target.type) && target.scope.equals(r.scope))
        return target;
    }
    return null;
  }
}
