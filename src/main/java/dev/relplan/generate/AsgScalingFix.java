package dev.relplan.generate;

import dev.relplan.model.ComputeGroup;
import dev.relplan.model.Resource;
import dev.relplan.model.ScalingPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * REL-ASG-MIN-EQUALS-MAX, REL-COMPUTE-FIXED and REL-SCALING-NO-POLICY on an Auto Scaling group: its
 * maximum raised to twice its minimum when they are equal, and a target tracking policy keeping
 * average CPU at 60% (AWS CloudFormation "AWS::AutoScaling::ScalingPolicy"
 * TargetTrackingConfiguration with PredefinedMetricType ASGAverageCPUUtilization; Terraform
 * aws_autoscaling_policy target_tracking_configuration), in CloudFormation or Terraform.
 */
final class AsgScalingFix implements MechanicalFix {
  static final int CPU_TARGET = 60;

  @Override
  public Set<String> rules() {
    return Set.of("REL-ASG-MIN-EQUALS-MAX", "REL-COMPUTE-FIXED", "REL-SCALING-NO-POLICY");
  }

  @Override
  public boolean edits(Resource r) {
    if (!(r instanceof ComputeGroup g) || g.kind != ComputeGroup.Kind.AUTO_SCALING_GROUP)
      return false;
    return Fixes.writtenAs(r, "AWS::AutoScaling::AutoScalingGroup", TerraformCompute.ASG);
  }

  @Override
  public FixOutcome apply(FixTarget t) throws YamlTemplate.NotEditable {
    ComputeGroup g = (ComputeGroup) t.subject;
    boolean terraform = Fixes.inTerraform(g);
    String maxName = terraform ? "max_size" : "MaxSize";
    List<UnifiedDiff.Insertion> edits = new ArrayList<>();
    List<String> made = new ArrayList<>();
    List<String> costs = new ArrayList<>();
    if (g.min.present() && g.max.present() && g.min.get().equals(g.max.get())) {
      int max = Math.max(2, g.min.get() * 2);
      UnifiedDiff.Insertion raised =
          terraform
              ? TerraformFixes.setAttribute(
                  t.file().hcl(t.workload),
                  TerraformCompute.block(t, TerraformCompute.ASG),
                  maxName,
                  "" + max)
              : CloudFormationFixes.setProperty(
                  t.file().template(), g.id, maxName, "\"" + max + "\"");
      if (raised == null)
        return FixOutcome.left(
            "its "
                + maxName
                + " is set by an expression: make it larger than the minimum ("
                + g.min.get()
                + ") where its value comes from");
      edits.add(raised);
      made.add(maxName + " " + max + " (twice the minimum " + g.min.get() + ")");
      costs.add(
          "up to "
              + (max - g.min.get())
              + " more instance(s) of the group's type while load is high (a starting point:"
              + " size the maximum to peak load with one Availability Zone lost)");
    }
    if (g.scalingPolicies.stream().noneMatch(AsgScalingFix::dynamic)) {
      StringBuilder policy = new StringBuilder();
      UnifiedDiff.Insertion added;
      if (terraform) {
        added = TerraformCompute.asgPolicy(t, CPU_TARGET, policy);
        if (added == null)
          return FixOutcome.left(
              "it is created with count or for_each, whose instances each need their own policy:"
                  + " add them by hand");
      } else {
        YamlTemplate template = t.file().template();
        policy.append(template.free(g.id + "CpuScaling", t.file().taken()));
        added = template.resources(policyLines(policy.toString(), g.id, template.condition(g.id)));
      }
      edits.add(added);
      made.add("a target tracking policy " + policy + " (average CPU " + CPU_TARGET + "%)");
      costs.add(
          "instances are added only while average CPU stays above "
              + CPU_TARGET
              + "% and removed after it falls; a desired capacity written in the file can set"
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
