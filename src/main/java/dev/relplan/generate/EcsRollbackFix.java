package dev.relplan.generate;

import dev.relplan.model.ComputeGroup;
import dev.relplan.model.Resource;
import dev.relplan.parse.MapNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * REL-DEPLOY-NO-AUTO-ROLLBACK and REL-DEPLOY-ALL-AT-ONCE on an ECS service of a CloudFormation
 * template: DeploymentConfiguration's DeploymentCircuitBreaker {Enable: true, Rollback: true}, and
 * MinimumHealthyPercent 100 (with MaximumPercent 200, room for the new tasks) where it was 0 (AWS
 * CloudFormation, "AWS::ECS::Service DeploymentConfiguration" and "DeploymentCircuitBreaker"); in
 * Terraform the aws_ecs_service's deployment_circuit_breaker block and
 * deployment_minimum_healthy_percent / deployment_maximum_percent.
 */
final class EcsRollbackFix implements MechanicalFix {
  static final String COST =
      "nothing to pay for the circuit breaker; a deployment whose tasks keep failing to start or"
          + " to pass health checks now stops and returns to the last completed deployment instead"
          + " of retrying; it does not catch a release that starts but misbehaves (add"
          + " DeploymentConfiguration Alarms on the service's error alarms for that)";
  static final String OVERLAP_COST =
      "while a deployment runs, new tasks start before old ones stop (up to twice the task count:"
          + " Fargate bills the overlap, an EC2 cluster needs room for it)";

  @Override
  public Set<String> rules() {
    return Set.of("REL-DEPLOY-NO-AUTO-ROLLBACK", "REL-DEPLOY-ALL-AT-ONCE");
  }

  @Override
  public boolean edits(Resource r) {
    return EcsScalingFix.ecsService(r);
  }

  @Override
  public FixOutcome apply(FixTarget t) throws YamlTemplate.NotEditable {
    ComputeGroup g = (ComputeGroup) t.subject;
    if (Fixes.inTerraformModule(g)) return Fixes.leftInModule(t);
    boolean breaker = !(g.circuitBreakerEnabled.isTrue() && g.circuitBreakerRollback.isTrue());
    boolean keepTasks = g.minHealthyPercent.present() && g.minHealthyPercent.get() == 0;
    if (Fixes.inTerraform(g))
      return TerraformCompute.circuitBreaker(t, g, fixed(breaker, keepTasks, true));
    YamlTemplate template = t.file().template();
    MapNode props = template.properties(g.id);
    if (props == null) throw new YamlTemplate.NotEditable("its Properties are not in block style");
    MapNode.Entry config = props.entry("DeploymentConfiguration");
    if (config == null) {
      List<String> lines = new ArrayList<>(List.of("DeploymentConfiguration:"));
      lines.addAll(breakerLines("  "));
      return FixOutcome.edited(fixed(true, false, false), template.firstProperties(g.id, lines));
    }
    MapNode block = TemplateNodes.block(template, config.value());
    if (block == null)
      return FixOutcome.left(
          "its DeploymentConfiguration is set by an expression or in flow style: give it"
              + " DeploymentCircuitBreaker {Enable: true, Rollback: true} where its value comes"
              + " from");
    List<UnifiedDiff.Insertion> edits = new ArrayList<>();
    if (breaker) {
      MapNode.Entry cb = block.entry("DeploymentCircuitBreaker");
      if (cb == null) {
        edits.add(TemplateNodes.firstEntries(template, block, breakerLines("")));
      } else {
        MapNode cbBlock = TemplateNodes.block(template, cb.value());
        UnifiedDiff.Insertion enable =
            cbBlock == null ? null : setTrue(template, cbBlock, "Enable");
        UnifiedDiff.Insertion rollback =
            cbBlock == null ? null : setTrue(template, cbBlock, "Rollback");
        if (enable == null || rollback == null)
          return FixOutcome.left(
              "its DeploymentCircuitBreaker is set by an expression: make Enable and Rollback"
                  + " true where their values come from");
        if (!g.circuitBreakerEnabled.isTrue()) edits.add(enable);
        if (!g.circuitBreakerRollback.isTrue()) edits.add(rollback);
      }
    }
    if (keepTasks) {
      UnifiedDiff.Insertion min =
          TemplateNodes.replace(template, block, block.entry("MinimumHealthyPercent"), "100");
      if (min == null)
        return FixOutcome.left(
            "its MinimumHealthyPercent is set by an expression: make it 100 where its value comes"
                + " from");
      edits.add(min);
      MapNode.Entry max = block.entry("MaximumPercent");
      if (max == null) {
        edits.add(TemplateNodes.firstEntries(template, block, List.of("MaximumPercent: 200")));
      } else if (g.maxPercent.present() && g.maxPercent.get() < 200) {
        UnifiedDiff.Insertion raised = TemplateNodes.replace(template, block, max, "200");
        if (raised == null)
          return FixOutcome.left(
              "its MaximumPercent is set by an expression: make it 200 with MinimumHealthyPercent"
                  + " 100 where their values come from");
        edits.add(raised);
      }
    }
    return FixOutcome.edited(
        fixed(breaker, keepTasks, false), edits.toArray(UnifiedDiff.Insertion[]::new));
  }

  private static List<String> breakerLines(String indent) {
    return List.of(
        indent + "DeploymentCircuitBreaker:",
        indent + "  Enable: true",
        indent + "  Rollback: true");
  }

  /** The entry's literal value replaced by true (unchanged text when already true), or null. */
  private static UnifiedDiff.Insertion setTrue(YamlTemplate t, MapNode block, String key) {
    MapNode.Entry e = block.entry(key);
    if (e == null) return TemplateNodes.firstEntries(t, block, List.of(key + ": true"));
    return TemplateNodes.replace(t, block, e, "true");
  }

  private static String fixed(boolean breaker, boolean keepTasks, boolean terraform) {
    List<String> parts = new ArrayList<>();
    List<String> costs = new ArrayList<>();
    if (breaker) {
      parts.add(
          terraform
              ? "deployment_circuit_breaker enable = true, rollback = true"
              : "DeploymentCircuitBreaker Enable: true, Rollback: true");
      costs.add(COST);
    }
    if (keepTasks) {
      parts.add(
          terraform
              ? "deployment_minimum_healthy_percent = 100 (maximum 200)"
              : "MinimumHealthyPercent: 100 (MaximumPercent 200)");
      costs.add(OVERLAP_COST);
    }
    return String.join("; ", parts) + ". Cost: " + String.join("; ", costs) + ".";
  }
}
