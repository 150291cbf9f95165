package dev.relplan.generate;

import dev.relplan.model.ComputeGroup;
import dev.relplan.model.Resource;
import dev.relplan.parse.MapNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * REL-LB-HEALTH-CHECK on an Auto Scaling group of a CloudFormation template registered with a load
 * balancer: HealthCheckType ELB, and a HealthCheckGracePeriod of 300 seconds when none is set (AWS
 * CloudFormation, "AWS::AutoScaling::AutoScalingGroup": HealthCheckType EC2 | ELB | ...,
 * HealthCheckGracePeriod in seconds, default 0 when created through CloudFormation); in Terraform
 * health_check_type = "ELB" (the provider's health_check_grace_period defaults to 300).
 */
final class AsgHealthCheckFix implements MechanicalFix {
  static final int GRACE_SECONDS = 300;
  static final String COST =
      "nothing to pay; an instance that fails the target group's health check is now terminated"
          + " and replaced, so check that the health check path answers only when the instance"
          + " can serve and that the grace period covers its start-up (a failing dependency behind"
          + " the path would cycle every instance)";

  @Override
  public Set<String> rules() {
    return Set.of("REL-LB-HEALTH-CHECK");
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
    if (Fixes.inTerraform(g))
      return TerraformCompute.asgHealthCheck(t, "health_check_type = \"ELB\". Cost: " + COST + ".");
    YamlTemplate template = t.file().template();
    UnifiedDiff.Insertion type =
        CloudFormationFixes.setProperty(template, g.id, "HealthCheckType", "ELB");
    if (type == null)
      return FixOutcome.left(
          "its HealthCheckType is set by an expression: make it ELB where its value comes from");
    List<UnifiedDiff.Insertion> edits = new ArrayList<>(List.of(type));
    MapNode props = template.properties(g.id);
    boolean grace = props == null || props.entry("HealthCheckGracePeriod") == null;
    if (grace) {
      // Added with the type: one insertion of both lines when neither exists.
      if (props != null && props.entry("HealthCheckType") == null)
        edits.set(
            0,
            template.firstProperties(
                g.id, List.of("HealthCheckType: ELB", "HealthCheckGracePeriod: " + GRACE_SECONDS)));
      else
        edits.add(
            template.firstProperties(g.id, List.of("HealthCheckGracePeriod: " + GRACE_SECONDS)));
    }
    return FixOutcome.edited(
        "HealthCheckType: ELB"
            + (grace ? " with HealthCheckGracePeriod: " + GRACE_SECONDS : "")
            + ". Cost: "
            + COST
            + ".",
        edits.toArray(UnifiedDiff.Insertion[]::new));
  }
}
