package dev.relplan.generate;

import dev.relplan.model.ComputeGroup;
import dev.relplan.model.Resource;
import dev.relplan.model.ScalingPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * REL-ASG-MIN-EQUALS-MAX, REL-COMPUTE-FIXED and REL-SCALING-NO-POLICY on an Auto Scaling group of a
 * CloudFormation template: MaxSize raised to twice MinSize when they are equal, and a target
 * tracking AWS::AutoScaling::ScalingPolicy keeping average CPU at 60% (AWS CloudFormation,
 * "AWS::AutoScaling::ScalingPolicy" TargetTrackingConfiguration, PredefinedMetricType
 * ASGAverageCPUUtilization).
 */
final class AsgScalingFix implements MechanicalFix {
  static final int CPU_TARGET = 60;

  @Override
  public Set<String> rules() {
    return Set.of("REL-ASG-MIN-EQUALS-MAX", "REL-COMPUTE-FIXED", "REL-SCALING-NO-POLICY");
  }

  @Override
  public boolean edits(Resource r) {
    return Fixes.inTemplate(r)
        && r instanceof ComputeGroup g
        && g.kind == ComputeGroup.Kind.AUTO_SCALING_GROUP
        && "AWS::AutoScaling::AutoScalingGroup".equals(r.writtenType());
  }

  @Override
  public FixOutcome apply(FixTarget t) throws YamlTemplate.NotEditable {
    ComputeGroup g = (ComputeGroup) t.subject;
    YamlTemplate template = t.file().template();
    List<UnifiedDiff.Insertion> edits = new ArrayList<>();
    List<String> made = new ArrayList<>();
    List<String> costs = new ArrayList<>();
    if (g.min.present() && g.max.present() && g.min.get().equals(g.max.get())) {
      int max = Math.max(2, g.min.get() * 2);
      UnifiedDiff.Insertion raised =
          CloudFormationFixes.setProperty(template, g.id, "MaxSize", "\"" + max + "\"");
      if (raised == null)
        return FixOutcome.left(
            "its MaxSize is set by an expression: make it larger than MinSize ("
                + g.min.get()
                + ") where its value comes from");
      edits.add(raised);
      made.add("MaxSize: \"" + max + "\" (twice MinSize " + g.min.get() + ")");
      costs.add(
          "up to "
              + (max - g.min.get())
              + " more instance(s) of the launch template's type while load is high (a starting"
              + " point: size the maximum to peak load with one Availability Zone lost)");
    }
    if (g.scalingPolicies.stream().noneMatch(AsgScalingFix::dynamic)) {
      String policy = template.free(g.id + "CpuScaling", t.file().taken());
      edits.add(template.resources(policyLines(policy, g.id, template.condition(g.id))));
      made.add("a target tracking policy " + policy + " (average CPU " + CPU_TARGET + "%)");
      costs.add(
          "instances are added only while average CPU stays above "
              + CPU_TARGET
              + "% and removed after it falls; a DesiredCapacity written in the template can set"
              + " the count back when the group is updated, so consider removing it");
    }
    if (edits.isEmpty())
      return FixOutcome.left("its size or policies come from elsewhere: see the finding");
    return FixOutcome.edited(
        String.join(" and ", made) + ". Cost: " + String.join("; ", costs) + ".",
        edits.toArray(UnifiedDiff.Insertion[]::new));
  }

  private static boolean dynamic(ScalingPolicy p) {
    return !"Scheduled".equals(p.policyType.orElse(""));
  }

  private static List<String> policyLines(String name, String group, String condition) {
    List<String> lines = new ArrayList<>(List.of(name + ":"));
    lines.add("  Type: AWS::AutoScaling::ScalingPolicy");
    if (condition != null) lines.add("  Condition: " + condition);
    lines.addAll(
        List.of(
            "  Properties:",
            "    AutoScalingGroupName: !Ref " + group,
            "    PolicyType: TargetTrackingScaling",
            "    TargetTrackingConfiguration:",
            "      TargetValue: " + CPU_TARGET,
            "      PredefinedMetricSpecification:",
            "        PredefinedMetricType: ASGAverageCPUUtilization"));
    return lines;
  }
}
