package dev.relplan.rules.change;

import dev.relplan.model.*;
import dev.relplan.rules.*;
import dev.relplan.source.Location;
import java.util.*;

/** Deployments that nothing rolls back automatically when health degrades. */
public final class DeployNoAutoRollback extends BaseRule {
  public DeployNoAutoRollback() {
    super(
        RuleMeta.builder("REL-DEPLOY-NO-AUTO-ROLLBACK")
            .flag("CM-NO-AUTO-ROLLBACK")
            .domain(Domain.CHANGE)
            .title("No automated rollback on failed health or alarms")
            .bestPractices("REL08-BP05", "REL11-BP03")
            .impact(
                Impact.SEVERE,
                "A failing release stays live until someone notices and rolls back by hand, extending the outage.")
            .likelihood(Likelihood.MEDIUM, "Any faulty release triggers it.")
            .tier(Tier.QUICK_WIN)
            .effort("Hours: enable rollback on failure and on alarm")
            .services("CodeDeploy", "ECS", "CloudWatch")
            .remediation(
                "Enable automatic rollback: CodeDeploy AutoRollbackConfiguration with DEPLOYMENT_FAILURE and DEPLOYMENT_STOP_ON_ALARM plus alarms, ECS DeploymentCircuitBreaker with Rollback: true (and deployment alarms).")
            .dependsOn("REL-MONITORING-ALARMS")
            .advice(
                Fix.in(
                        Dialect.CDK,
                        "Give the deployment group alarms and automatic rollback: alarms on the function's errors and latency, and autoRollback with deploymentInAlarm and failedDeployment on.",
                        """
                new codedeploy.LambdaDeploymentGroup(this, 'Deployment', {
                  alias: live,
                  deploymentConfig:
                    codedeploy.LambdaDeploymentConfig.CANARY_10PERCENT_5MINUTES,
                  alarms: [errorsAlarm],
                  autoRollback: { failedDeployment: true, deploymentInAlarm: true },
                });
                """)
                    .on("AWS::CodeDeploy::DeploymentGroup")
                    .involving("CodeDeploy", "CloudWatch"),
                Fix.in(
                        Dialect.SERVERLESS,
                        "Name the alarms that must roll the release back in the function's deploymentSettings alarms (logical ids of alarms under resources): the canary plugin's deployment group then rolls back on deployment failure and when an alarm fires.",
                        """
                functions:
                  placeOrder:
                    handler: src/orders.handler
                    deploymentSettings:
                      type: Canary10Percent5Minutes
                      alias: Live
                      alarms:
                        - PlaceOrderErrorsAlarm
                        - PlaceOrderLatencyAlarm
                """)
                    .on("AWS::CodeDeploy::DeploymentGroup")
                    .involving("CodeDeploy", "CloudWatch"),
                Fix.in(
                        Dialect.SAM,
                        "Give the function's DeploymentPreference Alarms (errors, latency): SAM's deployment group then rolls back on deployment failure and when an alarm fires.",
                        """
                DeploymentPreference:
                  Type: Canary10Percent5Minutes
                  Alarms:
                    - !Ref ErrorsAlarm
                    - !Ref LatencyAlarm
                """)
                    .on("AWS::CodeDeploy::DeploymentGroup")
                    .involving("CodeDeploy", "CloudWatch"),
                Fix.in(
                        Dialect.CLOUDFORMATION,
                        "Enable automatic rollback on the deployment group: AutoRollbackConfiguration Enabled: true with Events DEPLOYMENT_FAILURE and DEPLOYMENT_STOP_ON_ALARM, and an AlarmConfiguration naming the alarms to watch.",
                        """
                DeploymentGroup:
                  Type: AWS::CodeDeploy::DeploymentGroup
                  Properties:
                    AutoRollbackConfiguration:
                      Enabled: true
                      Events: [DEPLOYMENT_FAILURE, DEPLOYMENT_STOP_ON_ALARM]
                    AlarmConfiguration:
                      Enabled: true
                      Alarms:
                        - Name: !Ref ErrorsAlarm
                """)
                    .on("AWS::CodeDeploy::DeploymentGroup")
                    .involving("CodeDeploy", "CloudWatch"),
                Fix.in(
                        Dialect.CLOUDFORMATION,
                        "Roll failed ECS deployments back: DeploymentConfiguration DeploymentCircuitBreaker Enable: true and Rollback: true, and deployment Alarms with Rollback: true for releases that start but misbehave.",
                        """
                Service:
                  Type: AWS::ECS::Service
                  Properties:
                    DeploymentConfiguration:
                      DeploymentCircuitBreaker:
                        Enable: true
                        Rollback: true
                      Alarms:
                        AlarmNames: [!Ref ErrorsAlarm]
                        Enable: true
                        Rollback: true
                """)
                    .on("AWS::ECS::Service")
                    .involving("ECS", "CloudWatch"),
                Fix.in(
                        Dialect.TERRAFORM,
                        "Enable automatic rollback on the deployment group: auto_rollback_configuration with events DEPLOYMENT_FAILURE and DEPLOYMENT_STOP_ON_ALARM, and an alarm_configuration naming the alarms to watch.",
                        """
                resource "aws_codedeploy_deployment_group" "app" {
                  # ...
                  auto_rollback_configuration {
                    enabled = true
                    events  = ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"]
                  }
                  alarm_configuration {
                    enabled = true
                    alarms  = [aws_cloudwatch_metric_alarm.errors.alarm_name]
                  }
                }
                """)
                    .on("aws_codedeploy_deployment_group")
                    .involving("CodeDeploy", "CloudWatch"),
                Fix.in(
                        Dialect.TERRAFORM,
                        "Roll failed ECS deployments back: deployment_circuit_breaker { enable = true, rollback = true }, and an alarms block with rollback = true for releases that start but misbehave.",
                        """
                resource "aws_ecs_service" "api" {
                  # ...
                  deployment_circuit_breaker {
                    enable   = true
                    rollback = true
                  }
                  alarms {
                    alarm_names = [aws_cloudwatch_metric_alarm.errors.alarm_name]
                    enable      = true
                    rollback    = true
                  }
                }
                """)
                    .on("aws_ecs_service")
                    .involving("ECS", "CloudWatch"),
                Fix.in(
                        Dialect.KUBERNETES,
                        "Give the Rollout an analysis that aborts a failing release: for blueGreen, prePromotionAnalysis (or postPromotionAnalysis) with an AnalysisTemplate on error rate; for canary, an analysis in the steps or as a background analysis, so Argo Rollouts rolls back instead of waiting for a person.",
                        """
                spec:
                  strategy:
                    blueGreen:
                      activeService: api
                      previewService: api-preview
                      prePromotionAnalysis:
                        templates: [{templateName: error-rate}]
                """)
                    .on("Rollout")
                    .effort("Hours: an AnalysisTemplate on error rate and the Rollout's analysis")
                    .involving("EKS"),
                Fix.in(
                        Dialect.KUBERNETES,
                        "Release through a progressive-delivery controller that rolls back on failed analysis: an Argo Rollouts Rollout (workloadRef to the Deployment) with an AnalysisTemplate on error rate, or a Flagger Canary; or deploy with helm upgrade --atomic so a failed release is rolled back.",
                        """
                apiVersion: argoproj.io/v1alpha1
                kind: Rollout
                metadata:
                  name: api
                spec:
                  workloadRef: {apiVersion: apps/v1, kind: Deployment, name: api}
                  strategy:
                    canary:
                      analysis:
                        templates: [{templateName: error-rate}]
                      steps:
                        - setWeight: 20
                        - pause: {duration: 5m}
                """)
                    .effort("Days: a progressive-delivery controller and an analysis on error rate")
                    .involving("EKS"),
                Fix.in(
                        Dialect.CDK,
                        "Turn on the deployment circuit breaker with rollback on the service construct (circuitBreaker: { rollback: true }), or deploymentAlarms that roll back on alarm.",
                        """
                new ecsPatterns.ApplicationLoadBalancedFargateService(this, 'Web', {
                  // ...
                  circuitBreaker: { rollback: true },
                });
                """)
                    .on("AWS::ECS::Service"))
            .formats(
                InputFormat.CLOUDFORMATION,
                InputFormat.TERRAFORM,
                InputFormat.KUBERNETES,
                InputFormat.CDK)
            .build());
  }

  @Override
  public void check(Workload w, Context ctx, Findings out) {
    reportPipelineRollbackSteps(w, out);
    for (DeploymentGroup g : w.all(DeploymentGroup.class)) checkDeploymentGroup(g, out);
    boolean pipelineRollsBack =
        w.pipelineEvidence.stream()
            .anyMatch(e -> e.kind().equals(Workload.PipelineEvidence.ROLLBACK_STEP));
    for (ComputeGroup s : w.all(ComputeGroup.class)) {
      checkEcsService(s, out);
      // A delivery pipeline that rolls back (helm --atomic, kubectl rollout undo on failure)
      // covers the Kubernetes workloads it deploys: its strength is reported above.
      if (!pipelineRollsBack) checkKubernetesWorkload(s, out);
    }
  }

  /** Rollback jobs or steps in the delivery pipeline, a strength. */
  private void reportPipelineRollbackSteps(Workload w, Findings out) {
    List<Location> rollbackSteps =
        w.pipelineEvidence.stream()
            .filter(e -> e.kind().equals(Workload.PipelineEvidence.ROLLBACK_STEP))
            .map(Workload.PipelineEvidence::location)
            .distinct()
            .limit(5)
            .toList();
    if (!rollbackSteps.isEmpty())
      out.strength(this, "The delivery pipeline defines a rollback job or step", rollbackSteps);
  }

  /**
   * Automatic rollback on deployment failure, and on alarms so that clean-but-broken releases roll
   * back too.
   */
  private void checkDeploymentGroup(DeploymentGroup g, Findings out) {
    if (g.autoRollbackEnabled.unresolved()) {
      out.report(this, g, "", "", g.autoRollbackEnabled);
    } else if (!g.autoRollbackEnabled.isTrue()) {
      out.report(
          this,
          g,
          "Deployment group " + g.id + " has automatic rollback disabled",
          Property.AUTO_ROLLBACK.of(g)
              + " of "
              + g.id
              + " is "
              + g.autoRollbackEnabled
              + ": failed deployments are left in place.",
          g.autoRollbackEnabled);
    } else if (!g.alarms.present() || g.alarms.get().isEmpty()) {
      out.report(
          this,
          g,
          "Deployment group " + g.id + " rolls back only on deployment failure",
          "Automatic rollback is on, but no alarms watch the deployment: a release that deploys cleanly but breaks the service is not rolled back.",
          Impact.MODERATE,
          "Only releases that break health signals but not the deployment itself stay live.",
          Likelihood.MEDIUM,
          "Functional regressions usually deploy cleanly.",
          g.autoRollbackEnabled);
    } else {
      out.strength(
          this,
          "Deployment group " + g.id + " rolls back automatically on failure and on alarm",
          Findings.evidence(g, g.autoRollbackEnabled, g.alarms));
    }
  }

  /** A Deployment rolls back automatically only under Argo Rollouts analysis or Flagger. */
  private void checkKubernetesWorkload(ComputeGroup s, Findings out) {
    if (s.kind != ComputeGroup.Kind.KUBERNETES_WORKLOAD) return;
    Value<Boolean> rollback = s.analysisRollback;
    if (rollback.isTrue()) {
      out.strength(
          this,
          s.kubernetesName() + " is rolled back automatically on failed analysis",
          Findings.evidence(s, rollback));
    } else if (rollback.unresolved()) {
      out.report(this, s, "", "", rollback);
    } else if (rollback.isFalse() && gatedByReadiness(s)) {
      out.report(
          this,
          s,
          s.kubernetesName() + " has no automatic rollback",
          "Nothing rolls " + s.kubernetesName() + " back automatically: " + rollback.note() + ".",
          meta().impact(),
          meta().impactReason(),
          Likelihood.LOW,
          "A rolling update waits for new pods to pass their readiness probe, so a release whose"
              + " pods never become ready stalls with the old pods serving; only a release that"
              + " passes the probe and then fails stays live until someone rolls it back.",
          rollback,
          s.readinessCheck);
    } else if (rollback.isFalse()) {
      out.report(
          this,
          s,
          s.kubernetesName() + " has no automatic rollback",
          "Nothing rolls " + s.kubernetesName() + " back automatically: " + rollback.note() + ".",
          rollback);
    }
  }

  /**
   * A Deployment, StatefulSet or DaemonSet rolled pod by pod, whose pods have a readiness probe:
   * the controller replaces old pods only as new ones become ready (Kubernetes documentation,
   * "Deployments: Rolling Update Deployment" and "progressDeadlineSeconds").
   */
  private static boolean gatedByReadiness(ComputeGroup s) {
    return Set.of("Deployment", "StatefulSet", "DaemonSet").contains(s.type)
        && s.readinessCheck.isTrue()
        && !s.replacesAllAtOnce.isTrue();
  }

  /** An ECS-controlled service rolls back through the circuit breaker or deployment alarms. */
  private void checkEcsService(ComputeGroup s, Findings out) {
    if (s.kind != ComputeGroup.Kind.ECS_SERVICE
        || !"ECS".equals(s.deploymentController.orElse("ECS"))) return;
    if (s.circuitBreakerEnabled.isTrue() && s.circuitBreakerRollback.isTrue()
        || s.deploymentAlarmsRollback.isTrue()) {
      out.strength(
          this,
          "ECS service " + s.id + " rolls back failed deployments automatically",
          Findings.evidence(s, s.circuitBreakerRollback, s.deploymentAlarmsRollback));
    } else if (s.circuitBreakerEnabled.unresolved() || s.circuitBreakerRollback.unresolved()) {
      out.report(this, s, "", "", s.circuitBreakerEnabled, s.circuitBreakerRollback);
    } else {
      out.report(
          this,
          s,
          "ECS service " + s.id + " has no automatic rollback",
          "Service "
              + s.id
              + " has "
              + Property.CIRCUIT_BREAKER_ENABLE.of(s)
              + " "
              + s.circuitBreakerEnabled
              + ", "
              + Property.CIRCUIT_BREAKER_ROLLBACK.of(s)
              + " "
              + s.circuitBreakerRollback
              + " and no deployment alarms with rollback: a release whose tasks fail keeps retrying instead of returning to the last good version.",
          s.circuitBreakerEnabled,
          s.circuitBreakerRollback);
    }
  }
}
