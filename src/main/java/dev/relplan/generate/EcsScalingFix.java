package dev.relplan.generate;

import dev.relplan.model.ComputeGroup;
import dev.relplan.model.Resource;
import dev.relplan.model.ScalingPolicy;
import dev.relplan.parse.MapNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * REL-COMPUTE-FIXED and REL-SCALING-NO-POLICY on an ECS service of a CloudFormation template: an
 * AWS::ApplicationAutoScaling::ScalableTarget on ecs:service:DesiredCount (at least 2 tasks, up to
 * 4 times that) and a target tracking AWS::ApplicationAutoScaling::ScalingPolicy keeping average
 * CPU at 60% (AWS CloudFormation resource reference for both types; Application Auto Scaling uses
 * its ECS service-linked role when RoleARN is left out).
 */
final class EcsScalingFix implements MechanicalFix {
  static final int FEWEST_TASKS = 2;
  static final int HEADROOM = 4;
  static final int CPU_TARGET = 60;

  @Override
  public Set<String> rules() {
    return Set.of("REL-COMPUTE-FIXED", "REL-SCALING-NO-POLICY");
  }

  @Override
  public boolean edits(Resource r) {
    return ecsService(r);
  }

  /** An ECS service of a template, a Terraform file, or a Terraform module (listed, not edited). */
  static boolean ecsService(Resource r) {
    if (!(r instanceof ComputeGroup g) || g.kind != ComputeGroup.Kind.ECS_SERVICE) return false;
    if (Fixes.inTerraform(r) || Fixes.inTerraformModule(r))
      return TerraformCompute.ECS_SERVICE.equals(r.writtenType());
    return Fixes.inTemplate(r) && "AWS::ECS::Service".equals(r.writtenType());
  }

  /** What scaling costs, for the fixed line of either dialect. */
  static String cost() {
    return "tasks are added only while average CPU stays above "
        + CPU_TARGET
        + "% and removed after it falls (each added task costs what a task costs now); the"
        + " maximum is a starting point: size it to peak load with one Availability Zone lost;"
        + " at least "
        + FEWEST_TASKS
        + " tasks run, which ECS spreads across the Availability Zones of the service's subnets.";
  }

  @Override
  public FixOutcome apply(FixTarget t) throws YamlTemplate.NotEditable {
    ComputeGroup g = (ComputeGroup) t.subject;
    if (Fixes.inTerraformModule(g)) return Fixes.leftInModule(t);
    int min = Math.max(FEWEST_TASKS, g.desired.present() ? g.desired.get() : FEWEST_TASKS);
    if (Fixes.inTerraform(g))
      return TerraformCompute.ecsScaling(t, g, min, min * HEADROOM, CPU_TARGET);
    YamlTemplate template = t.file().template();
    MapNode props = template.properties(g.id);
    if (props == null) throw new YamlTemplate.NotEditable("its Properties are not in block style");
    String condition = template.condition(g.id);
    List<UnifiedDiff.Insertion> edits = new ArrayList<>();
    String target;
    List<String> made = new ArrayList<>();
    if (g.scalableTarget == null) {
      String cluster = clusterName(props);
      if (cluster == null)
        return FixOutcome.left(
            "its Cluster is not a !Ref to a cluster of this template nor a cluster name: add an"
                + " AWS::ApplicationAutoScaling::ScalableTarget with ResourceId"
                + " service/CLUSTER/SERVICE by hand (the finding's advice)");
      target = template.free(g.id + "ScalableTarget", t.file().taken());
      List<String> lines = new ArrayList<>(List.of(target + ":"));
      lines.add("  Type: AWS::ApplicationAutoScaling::ScalableTarget");
      if (condition != null) lines.add("  Condition: " + condition);
      lines.addAll(
          List.of(
              "  Properties:",
              "    ServiceNamespace: ecs",
              "    ScalableDimension: ecs:service:DesiredCount",
              "    ResourceId: !Sub service/" + cluster + "/${" + g.id + ".Name}",
              "    MinCapacity: " + min,
              "    MaxCapacity: " + min * HEADROOM));
      edits.add(template.resources(lines));
      made.add("a scalable target " + target + " (" + min + " to " + min * HEADROOM + " tasks)");
      if (g.desired.present() && g.desired.get() < min) {
        MapNode.Entry desired = props.entry("DesiredCount");
        UnifiedDiff.Insertion raised =
            desired == null ? null : TemplateNodes.replace(template, props, desired, "" + min);
        if (raised != null) edits.add(raised);
      }
    } else if (!g.scalableTarget.location.file().equals(g.location.file())) {
      return FixOutcome.left(
          "its scalable target "
              + g.scalableTarget.id
              + " is declared in another template: attach a target tracking policy to it there");
    } else {
      target = g.scalableTarget.id;
    }
    if (g.scalingPolicies.stream().noneMatch(p -> dynamic(p))) {
      String policy = template.free(g.id + "CpuScaling", t.file().taken());
      edits.add(template.resources(policyLines(policy, target, condition)));
      made.add("a target tracking policy " + policy + " (average CPU " + CPU_TARGET + "%)");
    }
    if (made.isEmpty()) return FixOutcome.left("it already has a scalable target and a policy");
    return FixOutcome.edited(
        "Application Auto Scaling: " + String.join(" and ", made) + ". Cost: " + cost(),
        edits.toArray(UnifiedDiff.Insertion[]::new));
  }

  private static boolean dynamic(ScalingPolicy p) {
    return !"Scheduled".equals(p.policyType.orElse(""));
  }

  /**
   * The cluster part of the service's ResourceId: {@code ${Cluster}} for {@code !Ref Cluster} (Ref
   * of an AWS::ECS::Cluster is its name), a plain name as written, {@code default} when the service
   * names no cluster; null for an ARN or another expression.
   */
  private static String clusterName(MapNode props) {
    MapNode.Entry cluster = props.entry("Cluster");
    if (cluster == null) return "default";
    String ref = TemplateNodes.refTarget(cluster.value());
    if (ref != null) return "${" + ref + "}";
    String name = TemplateNodes.literal(cluster.value());
    if (name == null || name.isEmpty() || name.startsWith("arn:") || name.contains("$"))
      return null;
    return name;
  }

  private static List<String> policyLines(String name, String target, String condition) {
    List<String> lines = new ArrayList<>(List.of(name + ":"));
    lines.add("  Type: AWS::ApplicationAutoScaling::ScalingPolicy");
    if (condition != null) lines.add("  Condition: " + condition);
    lines.addAll(
        List.of(
            "  Properties:",
            "    PolicyName: " + name,
            "    PolicyType: TargetTrackingScaling",
            "    ScalingTargetId: !Ref " + target,
            "    TargetTrackingScalingPolicyConfiguration:",
            "      TargetValue: " + CPU_TARGET,
            "      ScaleInCooldown: 300",
            "      ScaleOutCooldown: 60",
            "      PredefinedMetricSpecification:",
            "        PredefinedMetricType: ECSServiceAverageCPUUtilization"));
    return lines;
  }
}
