package dev.relplan.rules.change;

import dev.relplan.model.*;
import dev.relplan.rules.*;
import dev.relplan.source.Location;
import java.util.*;

/** Deployments that replace every instance, task or function version at once. */
public final class DeployAllAtOnce extends BaseRule {
  public DeployAllAtOnce() {
    super(
        RuleMeta.builder("REL-DEPLOY-ALL-AT-ONCE")
            .flag("CM-ALL-AT-ONCE")
            .domain(Domain.CHANGE)
            .title("Production deployment shifts all traffic at once")
            .bestPractices("REL08-BP05", "REL08-BP04")
            .impact(
                Impact.SEVERE,
                "A bad release reaches every user at the same moment, turning a defect into a full outage.")
            .likelihood(Likelihood.MEDIUM, "Any faulty release triggers it.")
            .tier(Tier.FOUNDATION)
            .effort("Days: canary or linear deployment with alarms")
            .services("CodeDeploy", "Lambda", "ECS")
            .remediation(
                "Deploy gradually: SAM DeploymentPreference (Canary10Percent5Minutes or Linear), CodeDeploy canary/linear or OneAtATime configurations, ECS rolling updates with MinimumHealthyPercent 100, gated by alarms.")
            .formats(InputFormat.CLOUDFORMATION, InputFormat.TERRAFORM)
            .build());
  }

  @Override
  public void check(Workload w, Context ctx, Findings out) {
    reportApprovalGates(w, out);
    Set<String> deployedFunctions = new HashSet<>();
    checkDeploymentGroups(w, out, deployedFunctions);
    addAliasDeployedFunctions(w, deployedFunctions);
    for (ComputeGroup s : w.all(ComputeGroup.class)) {
      checkEcsService(s, out);
      checkAutoScalingGroup(s, out);
    }
    checkFunctionsWithoutDeploymentGroup(w, out, deployedFunctions);
  }

  /** Manual approval gates in the delivery pipeline, a strength. */
  private void reportApprovalGates(Workload w, Findings out) {
    List<Location> gates =
        w.pipelineEvidence.stream()
            .filter(e -> e.kind().equals(Workload.PipelineEvidence.APPROVAL_GATE))
            .map(Workload.PipelineEvidence::location)
            .distinct()
            .limit(5)
            .toList();
    if (!gates.isEmpty())
      out.strength(this, "Deployments pass a manual approval gate in the delivery pipeline", gates);
  }

  /**
   * CodeDeploy deployment groups judged on their configuration; the functions they deploy are
   * collected into deployedFunctions.
   */
  private void checkDeploymentGroups(Workload w, Findings out, Set<String> deployedFunctions) {
    for (DeploymentGroup g : w.all(DeploymentGroup.class)) {
      if (g.targets.present())
        for (Object t : g.targets.get())
          if (t instanceof ResourceRef r) deployedFunctions.add(r.key());
      Value<String> cfg = g.deploymentConfig;
      if (cfg.unresolved()) {
        out.report(this, g, "", "", cfg);
        continue;
      }
      String name = cfg.orElse("");
      if (deploysAllAtOnce(w, name)) {
        out.report(
            this,
            g,
            "Deployment group " + g.id + " deploys all at once",
            "Deployment group "
                + g.id
                + " uses "
                + cfg
                + ": every target receives the new version simultaneously.",
            cfg);
      } else {
        out.strength(
            this,
            "Deployment group " + g.id + " deploys gradually (" + name.replace("ref:", "") + ")",
            Findings.evidence(g, cfg));
      }
    }
  }

  /**
   * A deployment configuration named AllAtOnce, or a custom one (a reference) that routes all
   * traffic at once or keeps no host healthy.
   */
  private static boolean deploysAllAtOnce(Workload w, String configName) {
    if (configName.startsWith("ref:")
        && w.get(configName.substring(4)) instanceof DeploymentConfig dc) {
      return "AllAtOnce".equals(dc.trafficRouting.orElse(""))
          || dc.minimumHealthyHostsValue.present() && dc.minimumHealthyHostsValue.get() == 0;
    }
    return configName.contains("AllAtOnce");
  }

  /**
   * Plain CloudFormation shifts Lambda traffic through the alias: UpdatePolicy
   * CodeDeployLambdaAliasUpdate names the deployment group, which is judged on its own
   * configuration.
   */
  private static void addAliasDeployedFunctions(Workload w, Set<String> deployedFunctions) {
    for (Alias a : w.all(Alias.class)) {
      Resource fn = w.resolve(a.function.get());
      if ((a.codeDeployGroup.present() || a.codeDeployGroup.unresolved()) && fn != null)
        deployedFunctions.add(fn.key());
    }
  }

  /**
   * An ECS-controlled service whose rolling update may stop every task (MinimumHealthyPercent 0).
   */
  private void checkEcsService(ComputeGroup s, Findings out) {
    if (s.kind != ComputeGroup.Kind.ECS_SERVICE
        || !"ECS".equals(s.deploymentController.orElse("ECS"))) return;
    if (s.minHealthyPercent.unresolved()) {
      out.report(this, s, "", "", s.minHealthyPercent); // Cannot Determine
    }
    if (s.minHealthyPercent.present() && s.minHealthyPercent.get() == 0) {
      out.report(
          this,
          s,
          "ECS service " + s.id + " stops every task before starting new ones",
          "MinimumHealthyPercent is 0 on "
              + s.id
              + ": a rolling update may stop all running tasks at once.",
          s.minHealthyPercent);
    }
  }

  /** An Auto Scaling group whose rolling update replaces every instance in one batch. */
  private void checkAutoScalingGroup(ComputeGroup s, Findings out) {
    if (s.kind != ComputeGroup.Kind.AUTO_SCALING_GROUP
        || !"ROLLING".equals(s.updatePolicy.orElse(""))) return;
    if (s.updateMaxBatchSize.unresolved() || s.max.unresolved()) {
      out.report(this, s, "", "", s.updateMaxBatchSize, s.max); // Cannot Determine
    }
    if (s.updateMaxBatchSize.present()
        && s.max.present()
        && s.updateMaxBatchSize.get() >= s.max.get()) {
      out.report(
          this,
          s,
          "Auto Scaling group " + s.id + " replaces all instances in one batch",
          "The rolling update's MaxBatchSize "
              + s.updateMaxBatchSize
              + " is at least the group's MaxSize "
              + s.max
              + ".",
          s.updateMaxBatchSize);
    }
  }

  /** Triggered functions that no deployment group or alias update policy shifts gradually. */
  private void checkFunctionsWithoutDeploymentGroup(
      Workload w, Findings out, Set<String> deployedFunctions) {
    for (Function f : w.all(Function.class)) {
      if (f.triggers.isEmpty() || deployedFunctions.contains(f.key())) continue;
      out.report(
          this,
          f,
          "Function " + f.id + " is deployed all at once",
          "No DeploymentPreference or CodeDeploy deployment group shifts traffic to new versions of "
              + f.id
              + " gradually: each update replaces the code for 100% of invocations immediately.");
    }
  }
}
