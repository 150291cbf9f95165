package dev.relplan.generate;

import dev.relplan.model.Cache;
import dev.relplan.model.ComputeGroup;
import dev.relplan.model.Database;
import dev.relplan.model.Resource;
import dev.relplan.model.Subnet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The FIS scenario library's "AZ Availability: Power Interruption"
 * (https://docs.aws.amazon.com/fis/latest/userguide/az-availability-scenario.html) cut to what one
 * template or module defines, as one experiment template whose zone is an input: stop its instances
 * in the zone and start them again after the interruption, no new capacity there for its Auto
 * Scaling groups, its subnets in the zone lose connectivity, its Aurora clusters fail over and its
 * ElastiCache replication groups lose the zone's nodes. Like the scenario, an action whose target
 * has nothing in the zone is skipped rather than failing the experiment. Action ids, parameters,
 * target types and filters: the FIS actions reference
 * (https://docs.aws.amazon.com/fis/latest/userguide/fis-actions-reference.html) and targets
 * (https://docs.aws.amazon.com/fis/latest/userguide/targets.html).
 */
final class AzPowerInterruption {
  /** How long the zone is out: the scenario's default interruption. */
  static final String DURATION = "PT30M";

  private static final FisTemplate.Value ZONE = new FisTemplate.Input(FisInput.AVAILABILITY_ZONE);
  private static final FisTemplate.Value MINUTES = new FisTemplate.Literal(DURATION);

  private AzPowerInterruption() {}

  /**
   * The experiment for these resources of one template or module, or null when none of them lives
   * in a zone.
   *
   * @param asgArns whether the dialect can name an Auto Scaling group's ARN (Terraform's {@code
   *     arn} attribute; CloudFormation has no such return value), which the insufficient-capacity
   *     action targets
   */
  static FisTemplate of(
      String scopeName, List<Resource> resources, boolean asgArns, List<String> notes) {
    List<FisTemplate.Target> targets = new ArrayList<>();
    List<FisTemplate.Action> actions = new ArrayList<>();
    Set<String> policies = new TreeSet<>();
    Set<String> inline = new TreeSet<>();
    Set<String> parts = new LinkedHashSet<>();
    List<Resource> groups = kind(resources, ComputeGroup.Kind.AUTO_SCALING_GROUP);
    for (Resource group : groups) {
      String name = "AsgInstances" + CloudFormationFis.alphanumeric(group.id);
      targets.add(
          new FisTemplate.Target(
              name,
              "aws:ec2:instance",
              "ALL",
              List.of(),
              Map.of(FisExperiments.GROUP_TAG, new FisTemplate.Name(group)),
              Map.of(),
              List.of(FisExperiments.RUNNING, inZone("Placement.AvailabilityZone"))));
      // The group may replace a stopped instance: the action then completes instead of failing.
      actions.add(
          stop("Stop" + name, name, Map.of("completeIfInstancesTerminated", literal("true"))));
      policies.add("AWSFaultInjectionSimulatorEC2Access");
      parts.add("the Auto Scaling groups' instances there stopped, then started again");
    }
    if (!groups.isEmpty() && asgArns) {
      targets.add(arns("AutoScalingGroups", "aws:ec2:autoscaling-group", groups));
      Map<String, FisTemplate.Value> ice = new LinkedHashMap<>();
      ice.put("availabilityZoneIdentifiers", ZONE);
      ice.put("duration", MINUTES);
      ice.put("percentage", literal("100"));
      actions.add(
          new FisTemplate.Action(
              "PauseAsgLaunches",
              "aws:ec2:asg-insufficient-instance-capacity-error",
              ice,
              "AutoScalingGroups",
              "AutoScalingGroups"));
      inline.addAll(List.of("autoscaling:DescribeAutoScalingGroups", "ec2:InjectApiError"));
      parts.add("no new instances there for the groups");
    } else if (!groups.isEmpty())
      notes.add(
          scopeName
              + ": the Auto Scaling groups' insufficient-capacity action is left out of the AZ"
              + " power interruption: it targets a group by its ARN, which a CloudFormation"
              + " template cannot reference");
    List<Resource> instances = kind(resources, ComputeGroup.Kind.EC2_INSTANCE);
    if (!instances.isEmpty()) {
      FisTemplate.Target t = arns("Instances", "aws:ec2:instance", instances);
      targets.add(withFilters(t, FisExperiments.RUNNING, inZone("Placement.AvailabilityZone")));
      actions.add(stop("StopInstances", "Instances", Map.of()));
      policies.add("AWSFaultInjectionSimulatorEC2Access");
      parts.add("the EC2 instances there stopped, then started again");
    }
    List<Resource> subnets = of(resources, Subnet.class);
    if (!subnets.isEmpty()) {
      targets.add(
          withFilters(arns("Subnets", "aws:ec2:subnet", subnets), inZone("AvailabilityZone")));
      Map<String, FisTemplate.Value> disrupt = new LinkedHashMap<>();
      disrupt.put("duration", MINUTES);
      disrupt.put("scope", literal("all"));
      actions.add(
          new FisTemplate.Action(
              "DisruptSubnets", "aws:network:disrupt-connectivity", disrupt, "Subnets", "Subnets"));
      policies.add("AWSFaultInjectionSimulatorNetworkAccess");
      parts.add("the subnets there cut off");
    }
    List<Resource> aurora = new ArrayList<>();
    for (Resource r : resources)
      if (r instanceof Database d && d.kind == Database.Kind.CLUSTER && d.isAurora()) aurora.add(r);
    if (!aurora.isEmpty()) {
      targets.add(arns("AuroraClusters", "aws:rds:cluster", aurora));
      actions.add(
          new FisTemplate.Action(
              "FailoverAurora",
              "aws:rds:failover-db-cluster",
              Map.of(),
              "Clusters",
              "AuroraClusters"));
      policies.add("AWSFaultInjectionSimulatorRDSAccess");
      parts.add("the Aurora clusters failed over");
    }
    List<Resource> caches = replicatedCaches(resources, scopeName, notes);
    if (!caches.isEmpty()) {
      FisTemplate.Target t = arns("ReplicationGroups", "aws:elasticache:replicationgroup", caches);
      targets.add(
          new FisTemplate.Target(
              t.name(),
              t.resourceType(),
              t.selectionMode(),
              t.arns(),
              Map.of(),
              Map.of("availabilityZoneIdentifier", ZONE),
              List.of()));
      actions.add(
          new FisTemplate.Action(
              "InterruptCachePower",
              "aws:elasticache:replicationgroup-interrupt-az-power",
              Map.of("duration", MINUTES),
              "ReplicationGroups",
              "ReplicationGroups"));
      // No FIS managed policy covers ElastiCache: the permissions the actions reference lists.
      inline.addAll(
          List.of(
              "elasticache:DescribeReplicationGroups",
              "elasticache:InterruptClusterAzPower",
              "tag:GetResources"));
      parts.add("the ElastiCache replication groups' nodes there interrupted");
    }
    if (actions.isEmpty()) return null;
    return new FisTemplate(
        "azpower",
        "Zone",
        "AZ power interruption for 30 minutes in the zone given as an input ("
            + FisInput.AVAILABILITY_ZONE.cloudFormationName
            + " / "
            + FisInput.AVAILABILITY_ZONE.terraformName
            + "): "
            + String.join("; ", parts)
            + "; the other zones carry the load",
        targets,
        actions,
        policies,
        inline,
        true);
  }

  /** ElastiCache replication groups that can lose a zone; the others are noted. */
  private static List<Resource> replicatedCaches(
      List<Resource> resources, String scopeName, List<String> notes) {
    List<Resource> out = new ArrayList<>();
    for (Resource r : resources) {
      if (!(r instanceof Cache c) || c.kind != Cache.Kind.REPLICATION_GROUP) continue;
      // The action needs Multi-AZ with automatic failover: a replica in another zone to promote.
      if (c.multiAz.isTrue() && c.automaticFailover.isTrue()) out.add(r);
      else
        notes.add(
            scopeName
                + ": ElastiCache replication group "
                + r.id
                + " is not Multi-AZ with automatic failover, so the AZ power interruption leaves"
                + " it out");
    }
    return out;
  }

  private static FisTemplate.Action stop(
      String name, String target, Map<String, FisTemplate.Value> extra) {
    Map<String, FisTemplate.Value> parameters = new LinkedHashMap<>(extra);
    parameters.put("startInstancesAfterDuration", MINUTES);
    return new FisTemplate.Action(name, "aws:ec2:stop-instances", parameters, "Instances", target);
  }

  private static FisTemplate.Filter inZone(String path) {
    return new FisTemplate.Filter(path, List.of(ZONE));
  }

  private static FisTemplate.Target arns(
      String name, String resourceType, List<Resource> resources) {
    return FisExperiments.byArn(name, resourceType, resources.toArray(Resource[]::new));
  }

  private static FisTemplate.Target withFilters(
      FisTemplate.Target t, FisTemplate.Filter... filters) {
    return new FisTemplate.Target(
        t.name(),
        t.resourceType(),
        t.selectionMode(),
        t.arns(),
        t.tags(),
        t.parameters(),
        List.of(filters));
  }

  private static FisTemplate.Literal literal(String text) {
    return new FisTemplate.Literal(text);
  }

  private static List<Resource> kind(List<Resource> resources, ComputeGroup.Kind kind) {
    List<Resource> out = new ArrayList<>();
    for (Resource r : resources) if (r instanceof ComputeGroup g && g.kind == kind) out.add(r);
    return out;
  }

  private static List<Resource> of(List<Resource> resources, Class<? extends Resource> type) {
    List<Resource> out = new ArrayList<>();
    for (Resource r : resources) if (type.isInstance(r)) out.add(r);
    return out;
  }
}
