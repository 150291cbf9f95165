package dev.relplan.generate;

import dev.relplan.model.ComputeGroup;
import dev.relplan.model.Resource;
import dev.relplan.model.Workload;
import dev.relplan.parse.hcl.Block;
import dev.relplan.parse.hcl.Expr;
import dev.relplan.parse.hcl.HclFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The compute edits of {@code generate fixes} in a Terraform file (AWS provider): an ECS service's
 * deployment_circuit_breaker and Application Auto Scaling, an Auto Scaling group's
 * health_check_type and target tracking policy. Each block is located with relplan's HCL parser.
 */
final class TerraformCompute {
  static final String ECS_SERVICE = "aws_ecs_service";
  static final String ASG = "aws_autoscaling_group";
  static final String SCALABLE_TARGET = "aws_appautoscaling_target";
  static final String APP_POLICY = "aws_appautoscaling_policy";
  static final String ASG_POLICY = "aws_autoscaling_policy";

  private TerraformCompute() {}

  /** The subject's resource block, which must span lines so that lines can go inside it. */
  static Block block(FixTarget t, String type) throws YamlTemplate.NotEditable {
    Block b =
        TerraformFixes.resourceBlock(t.file().hcl(t.workload), type, t.subject.location.line());
    if (b == null) throw new YamlTemplate.NotEditable("its resource block is not in the file");
    if (b.endLine() <= b.range().line())
      throw new YamlTemplate.NotEditable("its block is written on one line");
    return b;
  }

  /**
   * An attribute added by {@link TerraformFixes#setAttribute} put after a blank line, its own
   * group, so that terraform fmt aligns nothing around it; a replaced line is kept as it is.
   */
  static UnifiedDiff.Insertion ownGroup(UnifiedDiff.Insertion i) {
    if (i == null || i.replaced() > 0) return i;
    List<String> lines = new ArrayList<>(List.of(""));
    lines.addAll(i.lines());
    return new UnifiedDiff.Insertion(i.before(), lines);
  }

  static boolean counted(Block b) {
    return b.body().attribute("count").isPresent() || b.body().attribute("for_each").isPresent();
  }

  /** Lines (indented two spaces per level) added as the block's last items, after a blank line. */
  static UnifiedDiff.Insertion atEnd(HclFile hcl, Block b, List<String> lines) {
    String indent = TerraformFixes.indentOf(hcl, b);
    List<String> out = new ArrayList<>(List.of(""));
    for (String l : lines) out.add(l.isEmpty() ? l : indent + l);
    return new UnifiedDiff.Insertion(b.endLine() - 1, out);
  }

  /** A resource name of the type free in the module (its other files too) and in this run. */
  static String free(String type, String wanted, Workload w, Resource subject, Set<String> taken) {
    for (Resource r : w.resources())
      if (r.callChain.isEmpty() && r.id.startsWith(type + ".")) taken.add(r.id);
    return TerraformFixes.free(type + "." + wanted, taken).substring(type.length() + 1);
  }

  /** deployment_circuit_breaker with enable and rollback true: added, or its literals replaced. */
  static FixOutcome circuitBreaker(FixTarget t, ComputeGroup g, String fixed)
      throws YamlTemplate.NotEditable {
    HclFile hcl = t.file().hcl(t.workload);
    Block service = block(t, ECS_SERVICE);
    for (Block d : service.body().blocks("dynamic"))
      if ("deployment_circuit_breaker".equals(d.label(0)))
        return FixOutcome.left(
            "its deployment_circuit_breaker is a dynamic block: make enable and rollback true"
                + " where its content comes from");
    List<UnifiedDiff.Insertion> edits = new ArrayList<>();
    List<Block> breakers = service.body().blocks("deployment_circuit_breaker");
    if (breakers.isEmpty()) {
      edits.add(
          atEnd(
              hcl,
              service,
              List.of(
                  "deployment_circuit_breaker {", "  enable   = true", "  rollback = true", "}")));
    } else {
      Block cb = breakers.get(0);
      for (String name : List.of("enable", "rollback")) {
        boolean already =
            name.equals("enable")
                ? g.circuitBreakerEnabled.isTrue()
                : g.circuitBreakerRollback.isTrue();
        if (already) continue;
        UnifiedDiff.Insertion e = ownGroup(TerraformFixes.setAttribute(hcl, cb, name, "true"));
        if (e == null)
          return FixOutcome.left(
              "its deployment_circuit_breaker "
                  + name
                  + " is not a literal alone on its line (an expression, or a comment beside it):"
                  + " make it true where its value comes from");
        edits.add(e);
      }
    }
    if (g.minHealthyPercent.present() && g.minHealthyPercent.get() == 0) {
      UnifiedDiff.Insertion min =
          TerraformFixes.setAttribute(hcl, service, "deployment_minimum_healthy_percent", "100");
      if (min == null)
        return FixOutcome.left(
            "its deployment_minimum_healthy_percent is not a literal alone on its line (an"
                + " expression, or a comment beside it): make it 100 where its value comes from");
      edits.add(min);
      if (g.maxPercent.present() && g.maxPercent.get() < 200) {
        UnifiedDiff.Insertion max =
            TerraformFixes.setAttribute(hcl, service, "deployment_maximum_percent", "200");
        if (max == null)
          return FixOutcome.left(
              "its deployment_maximum_percent is set by an expression: make it 200 where its"
                  + " value comes from");
        edits.add(max);
      }
    }
    return FixOutcome.edited(fixed, edits.toArray(UnifiedDiff.Insertion[]::new));
  }

  /**
   * The cluster name for the target's resource_id: {@code aws_ecs_cluster.X.name} for a service
   * whose cluster is {@code aws_ecs_cluster.X.id} or {@code .arn}, a literal name as written,
   * "default" when it names none; null for anything else.
   */
  static String clusterName(Block service) {
    var cluster = service.body().attribute("cluster").orElse(null);
    if (cluster == null) return "default";
    if (cluster.value() instanceof Expr.ScopeTraversal s
        && s.root().equals("aws_ecs_cluster")
        && s.attributeNames().size() == 2
        && s.steps().size() == 2
        && List.of("id", "arn", "name").contains(s.attributeNames().get(1)))
      return "${aws_ecs_cluster." + s.attributeNames().get(0) + ".name}";
    if (cluster.value() instanceof Expr.TemplateExpr te
        && !te.heredoc()
        && te.parts().size() == 1
        && te.parts().get(0) instanceof dev.relplan.parse.hcl.TemplatePart.Literal lit
        && !lit.text().isEmpty()
        && !lit.text().startsWith("arn:")) return lit.text();
    return null;
  }

  /**
   * An aws_appautoscaling_target on the service's desired count and a target tracking
   * aws_appautoscaling_policy on average CPU, after the service's block; {@code min}, {@code max}
   * and {@code cpu} as the CloudFormation fix chooses them.
   */
  static FixOutcome ecsScaling(FixTarget t, ComputeGroup g, int min, int max, int cpu)
      throws YamlTemplate.NotEditable {
    Block service = block(t, ECS_SERVICE);
    if (counted(service))
      return FixOutcome.left(
          "it is created with count or for_each, whose instances each need their own scalable"
              + " target: add them by hand");
    String cluster = clusterName(service);
    if (cluster == null)
      return FixOutcome.left(
          "its cluster is neither aws_ecs_cluster.NAME.id nor a cluster name: add an"
              + " aws_appautoscaling_target with resource_id service/CLUSTER/SERVICE by hand");
    Set<String> taken = t.file().taken();
    String label = service.label(1);
    List<String> lines = new ArrayList<>();
    String target;
    List<String> made = new ArrayList<>();
    if (g.scalableTarget == null) {
      target = SCALABLE_TARGET + "." + free(SCALABLE_TARGET, label, t.workload, g, taken);
      lines.addAll(
          List.of(
              "",
              "resource \""
                  + SCALABLE_TARGET
                  + "\" \""
                  + target.substring(SCALABLE_TARGET.length() + 1)
                  + "\" {",
              "  service_namespace  = \"ecs\"",
              "  scalable_dimension = \"ecs:service:DesiredCount\"",
              "  resource_id        = \"service/"
                  + cluster
                  + "/${"
                  + ECS_SERVICE
                  + "."
                  + label
                  + ".name}\"",
              "  min_capacity       = " + min,
              "  max_capacity       = " + max,
              "}"));
      made.add("a scalable target " + target + " (" + min + " to " + max + " tasks)");
    } else if (g.scalableTarget.id.startsWith(SCALABLE_TARGET + ".")
        && g.scalableTarget.callChain.isEmpty()) {
      target = g.scalableTarget.id;
    } else {
      return FixOutcome.left(
          "its scalable target "
              + g.scalableTarget.id
              + " is declared elsewhere: attach a target"
              + " tracking aws_appautoscaling_policy to it there");
    }
    if (g.scalingPolicies.stream().allMatch(p -> "Scheduled".equals(p.policyType.orElse("")))) {
      String policy = free(APP_POLICY, label + "_cpu", t.workload, g, taken);
      lines.addAll(
          List.of(
              "",
              "resource \"" + APP_POLICY + "\" \"" + policy + "\" {",
              "  name               = \"" + policy + "\"",
              "  policy_type        = \"TargetTrackingScaling\"",
              "  service_namespace  = " + target + ".service_namespace",
              "  resource_id        = " + target + ".resource_id",
              "  scalable_dimension = " + target + ".scalable_dimension",
              "",
              "  target_tracking_scaling_policy_configuration {",
              "    target_value       = " + cpu,
              "    scale_in_cooldown  = 300",
              "    scale_out_cooldown = 60",
              "",
              "    predefined_metric_specification {",
              "      predefined_metric_type = \"ECSServiceAverageCPUUtilization\"",
              "    }",
              "  }",
              "}"));
      made.add(
          "a target tracking policy " + APP_POLICY + "." + policy + " (average CPU " + cpu + "%)");
    }
    if (made.isEmpty()) return FixOutcome.left("it already has a scalable target and a policy");
    List<UnifiedDiff.Insertion> edits = new ArrayList<>();
    if (g.desired.present() && g.desired.get() < min) {
      // The literal count raised too, so that an apply does not set the service below the minimum.
      UnifiedDiff.Insertion raised =
          TerraformFixes.setAttribute(t.file().hcl(t.workload), service, "desired_count", "" + min);
      if (raised != null) edits.add(raised);
    }
    edits.add(new UnifiedDiff.Insertion(service.endLine(), lines));
    return FixOutcome.edited(
        "Application Auto Scaling: "
            + String.join(" and ", made)
            + ". Cost: "
            + EcsScalingFix.cost(),
        edits.toArray(UnifiedDiff.Insertion[]::new));
  }

  /** health_check_type = "ELB" (the provider's health_check_grace_period defaults to 300). */
  static FixOutcome asgHealthCheck(FixTarget t, String fixed) throws YamlTemplate.NotEditable {
    Block group = block(t, ASG);
    UnifiedDiff.Insertion e =
        ownGroup(
            TerraformFixes.setAttribute(
                t.file().hcl(t.workload), group, "health_check_type", "\"ELB\""));
    if (e == null)
      return FixOutcome.left(
          "its health_check_type is set by an expression: make it \"ELB\" where its value comes"
              + " from");
    return FixOutcome.edited(fixed, e);
  }

  /** An aws_autoscaling_policy tracking average CPU after the group's block; null when counted. */
  static UnifiedDiff.Insertion asgPolicy(FixTarget t, int cpu, StringBuilder name)
      throws YamlTemplate.NotEditable {
    Block group = block(t, ASG);
    if (counted(group)) return null;
    String label = group.label(1);
    String policy = free(ASG_POLICY, label + "_cpu", t.workload, t.subject, t.file().taken());
    name.append(ASG_POLICY).append('.').append(policy);
    return new UnifiedDiff.Insertion(
        group.endLine(),
        List.of(
            "",
            "resource \"" + ASG_POLICY + "\" \"" + policy + "\" {",
            "  name                   = \"" + policy + "\"",
            "  autoscaling_group_name = " + ASG + "." + label + ".name",
            "  policy_type            = \"TargetTrackingScaling\"",
            "",
            "  target_tracking_configuration {",
            "    target_value = " + cpu,
            "",
            "    predefined_metric_specification {",
            "      predefined_metric_type = \"ASGAverageCPUUtilization\"",
            "    }",
            "  }",
            "}"));
  }
}
