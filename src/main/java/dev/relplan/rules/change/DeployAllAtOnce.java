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
    List<Location> gates =
        w.pipelineEvidence.stream()
            .filter(e -> e.kind().equals(Workload.PipelineEvidence.APPROVAL_GATE))
            .map(Workload.PipelineEvidence::location)
            .distinct()
            .limit(5)
            .toList();
    if (!gates.isEmpty())
      out.strength(this, "Deployments pass a manual approval gate in the delivery pipeline", gates);
    Set<String> deployedFunctions = new HashSet<>();
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
      boolean allAtOnce = name.contains("AllAtOnce");
      if (name.startsWith("ref:") && w.get(name.substring(4)) instanceof DeploymentConfig dc) {
        allAtOnce =
            "AllAtOnce".equals(dc.trafficRouting.orElse(""))
                || dc.minimumHealthyHostsValue.present() && dc.minimumHealthyHostsValue.get() == 0;
      }
      if (allAtOnce) {
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
    // Plain CloudFormation shifts Lambda traffic through the alias: UpdatePolicy
    // CodeDeployLambdaAliasUpdate names the
    // deployment group, which is judged above on its own configuration.
    for (Alias a : w.all(Alias.class)) {
      Resource fn = w.resolve(a.function.get());
      if ((a.codeDeployGroup.present() || a.codeDeployGroup.unresolved()) && fn != null)
        deployedFunctions.add(fn.key());
    }
    for (ComputeGroup s : w.all(ComputeGroup.class)) {
      if (s.kind == ComputeGroup.Kind.ECS_SERVICE
          && "ECS".equals(s.deploymentController.orElse("ECS"))
          && s.minHealthyPercent.unresolved()) {
        out.report(this, s, "", "", s.minHealthyPercent); // Cannot Determine
      }
      if (s.kind == ComputeGroup.Kind.ECS_SERVICE
          && "ECS".equals(s.deploymentController.orElse("ECS"))
          && s.minHealthyPercent.present()
          && s.minHealthyPercent.get() == 0) {
        out.report(
            this,
            s,
            "ECS service " + s.id + " stops every task before starting new ones",
            "MinimumHealthyPercent is 0 on "
                + s.id
                + ": a rolling update may stop all running tasks at once.",
            s.minHealthyPercent);
      }
      if (s.kind == ComputeGroup.Kind.AUTO_SCALING_GROUP
          && "ROLLING".equals(s.updatePolicy.orElse(""))
          && (s.updateMaxBatchSize.unresolved() || s.max.unresolved())) {
        out.report(this, s, "", "", s.updateMaxBatchSize, s.max); // Cannot Determine
      }
      if (s.kind == ComputeGroup.Kind.AUTO_SCALING_GROUP
          && "ROLLING".equals(s.updatePolicy.orElse(""))
          && s.updateMaxBatchSize.present()
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
