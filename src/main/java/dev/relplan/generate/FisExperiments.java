package dev.relplan.generate;

import dev.relplan.model.Alarm;
import dev.relplan.model.ComputeGroup;
import dev.relplan.model.Database;
import dev.relplan.model.Function;
import dev.relplan.model.Resource;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.Workload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The AWS FIS experiments the testing plan calls for that fit what one template or module defines:
 * instance termination in an Auto Scaling group, ECS task stops, Aurora cluster failover, Multi-AZ
 * instance reboot with failover, Lambda invocation errors, EKS node group instance termination;
 * each targets the resource through its own ARN, name or the tag AWS puts on its instances. The
 * zone-wide experiment is {@link AzPowerInterruption}.
 */
final class FisExperiments {
  /** The ECS cluster types whose name an ECS task target needs. */
  private static final Set<String> ECS_CLUSTERS = Set.of("AWS::ECS::Cluster", "aws_ecs_cluster");

  /** FIS allows at most five stop conditions per experiment template. */
  static final int MAX_STOP_CONDITIONS = 5;

  private FisExperiments() {}

  /** The experiments for these resources of one template or module, and notes for the others. */
  static List<FisTemplate> of(Workload w, List<Resource> resources, List<String> notes) {
    List<FisTemplate> out = new ArrayList<>();
    for (Resource r : resources) {
      if (r instanceof ComputeGroup g && g.kind == ComputeGroup.Kind.AUTO_SCALING_GROUP) {
        out.add(
            single(
                "terminate",
                r,
                "Terminate one running instance of Auto Scaling group "
                    + r.id
                    + ": the group replaces it and the load balancer stops routing to it",
                "aws:ec2:terminate-instances",
                Map.of(),
                new FisTemplate.Target(
                    "Instances",
                    "aws:ec2:instance",
                    "COUNT(1)",
                    List.of(),
                    Map.of(GROUP_TAG, new FisTemplate.Name(r)),
                    Map.of(),
                    List.of(RUNNING)),
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
        Map<String, FisTemplate.Value> taskParameters = new LinkedHashMap<>();
        taskParameters.put("cluster", new FisTemplate.Name(cluster));
        taskParameters.put("service", new FisTemplate.ServiceName(r));
        out.add(
            single(
                "stoptask",
                r,
                "Stop one task of ECS service "
                    + r.id
                    + ": the service starts a replacement and traffic moves to the healthy tasks",
                "aws:ecs:stop-task",
                Map.of(),
                new FisTemplate.Target(
                    "Tasks",
                    "aws:ecs:task",
                    "COUNT(1)",
                    List.of(),
                    Map.of(),
                    taskParameters,
                    List.of()),
                "AWSFaultInjectionSimulatorECSAccess"));
      } else if (r instanceof Database d && d.kind == Database.Kind.CLUSTER && d.isAurora()) {
        out.add(
            single(
                "failover",
                r,
                "Fail over Aurora cluster "
                    + r.id
                    + " to a replica: clients reconnect to the new writer within the RTO",
                "aws:rds:failover-db-cluster",
                Map.of(),
                byArn("Clusters", "aws:rds:cluster", r),
                RDS_POLICY));
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
            single(
                "failover",
                r,
                "Reboot Multi-AZ database "
                    + r.id
                    + " with failover: the standby takes over and clients reconnect within the RTO",
                "aws:rds:reboot-db-instances",
                Map.of("forceFailover", new FisTemplate.Literal("true")),
                byArn("DBInstances", "aws:rds:db", r),
                RDS_POLICY));
      } else if (r instanceof Function && LAMBDA.contains(r.writtenType())) {
        Map<String, FisTemplate.Value> parameters = new TreeMap<>();
        parameters.put("duration", new FisTemplate.Literal("PT10M"));
        parameters.put("invocationPercentage", new FisTemplate.Literal("25"));
        out.add(
            new FisTemplate(
                "lambdaerror",
                r.id,
                "Make a quarter of "
                    + r.id
                    + "'s invocations fail for 10 minutes: callers retry, fall back or dead-letter"
                    + " (needs the AWS FIS Lambda extension layer on the function)",
                List.of(byArn("Functions", "aws:lambda:function", r)),
                List.of(
                    new FisTemplate.Action(
                        "lambdaerror",
                        "aws:lambda:invocation-error",
                        parameters,
                        "Functions",
                        "Functions")),
                Set.of(),
                // No managed policy covers the Lambda actions: what FIS documents they need.
                Set.of("lambda:GetFunction", "tag:GetResources"),
                false));
      } else if (EKS_NODE_GROUPS.contains(r.writtenType())) {
        // aws:eks:terminate-nodegroup-instances, target type aws:eks:nodegroup (FIS actions
        // reference, https://docs.aws.amazon.com/fis/latest/userguide/fis-actions-reference.html).
        out.add(
            single(
                "nodes",
                r,
                "Terminate a quarter of EKS node group "
                    + r.id
                    + "'s instances: the group replaces them and their pods are rescheduled on"
                    + " the other nodes",
                "aws:eks:terminate-nodegroup-instances",
                Map.of("instanceTerminationPercentage", new FisTemplate.Literal("25")),
                byArn("Nodegroups", "aws:eks:nodegroup", r),
                "AWSFaultInjectionSimulatorEKSAccess"));
      }
    }
    return out;
  }

  /** The tag AWS puts on an Auto Scaling group's instances, naming the group. */
  static final String GROUP_TAG = "aws:autoscaling:groupName";

  /** Only running instances: a stopped one cannot be terminated or stopped again. */
  static final FisTemplate.Filter RUNNING =
      new FisTemplate.Filter("State.Name", List.of(new FisTemplate.Literal("running")));

  private static final String RDS_POLICY = "AWSFaultInjectionSimulatorRDSAccess";

  private static final Set<String> LAMBDA =
      Set.of("AWS::Lambda::Function", "AWS::Serverless::Function", "aws_lambda_function");

  private static final Set<String> EKS_NODE_GROUPS =
      Set.of("AWS::EKS::Nodegroup", "aws_eks_node_group");

  /** One action on one target, named like the action's target key. */
  private static FisTemplate single(
      String kind,
      Resource subject,
      String description,
      String actionId,
      Map<String, FisTemplate.Value> parameters,
      FisTemplate.Target target,
      String managedPolicy) {
    return new FisTemplate(
        kind,
        subject.id,
        description,
        List.of(target),
        List.of(new FisTemplate.Action(kind, actionId, parameters, target.name(), target.name())),
        Set.of(managedPolicy),
        Set.of(),
        false);
  }

  /** A target naming these resources by their ARNs. */
  static FisTemplate.Target byArn(String name, String resourceType, Resource... resources) {
    List<FisTemplate.Value> arns = new ArrayList<>();
    for (Resource r : resources) arns.add(new FisTemplate.Arn(r));
    return new FisTemplate.Target(name, resourceType, "ALL", arns, Map.of(), Map.of(), List.of());
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
