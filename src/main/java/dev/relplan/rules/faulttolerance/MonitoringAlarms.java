package dev.relplan.rules.faulttolerance;

import dev.relplan.model.*;
import dev.relplan.rules.*;
import java.util.*;

/** A workload with no alarms, or alarms that notify nobody. */
public final class MonitoringAlarms extends BaseRule {
  public MonitoringAlarms() {
    super(
        RuleMeta.builder("REL-MONITORING-ALARMS")
            .domain(Domain.FAULT_TOLERANCE)
            .title("Failures are not alarmed or alarms notify no one")
            .bestPractices("REL06-BP01", "REL06-BP03", "REL11-BP01")
            .impact(
                Impact.MODERATE,
                "Failures are noticed by users first, which lengthens every outage.")
            .likelihood(
                Likelihood.HIGH, "Every failure goes undetected by the team until reported.")
            .tier(Tier.QUICK_WIN)
            .effort("Hours: alarms on key metrics with an SNS action")
            .services("CloudWatch", "SNS")
            .remediation(
                "Define CloudWatch alarms on the workload's key health metrics (errors, latency, queue age, DLQ depth) with AlarmActions that page or notify the owning team.")
            .advice(
                Fix.in(
                        Dialect.CDK,
                        "Keep the alarm construct and add an action that notifies the owning team: addAlarmAction(new SnsAction(topic)), with a subscription that pages or posts to the team (the Alarm construct has no actions unless they are added).",
                        """
                const errors = new cloudwatch.Alarm(this, 'Errors', {
                  metric: fn.metricErrors(),
                  threshold: 1,
                  evaluationPeriods: 1,
                });
                errors.addAlarmAction(new actions.SnsAction(alertsTopic));
                errors.addOkAction(new actions.SnsAction(alertsTopic));
                """)
                    .on("AWS::CloudWatch::Alarm", "AWS::CloudWatch::CompositeAlarm"),
                Fix.in(
                        Dialect.CDK,
                        "Alarm on the workload's key metrics from the constructs themselves (fn.metricErrors(), fn.metricThrottles(), queue.metricApproximateAgeOfOldestMessage(), a load balancer's 5XX count) with cloudwatch.Alarm constructs whose SnsAction notifies the owning team.",
                        """
                const alerts = new sns.Topic(this, 'Alerts');
                fn.metricErrors()
                  .createAlarm(this, 'CheckoutErrors', {
                    threshold: 1,
                    evaluationPeriods: 1,
                  })
                  .addAlarmAction(new actions.SnsAction(alerts));
                """)
                    .forRepositoryGap()
                    .effort("Hours: alarms on key metrics with an SNS action")
                    .involving("CloudWatch", "SNS"),
                Fix.in(
                        Dialect.CLOUDFORMATION,
                        "Give the alarm AlarmActions that notify the owning team (an SNS topic with a subscription that pages or posts to the team).",
                        """
                Alarm:
                  Type: AWS::CloudWatch::Alarm
                  Properties:
                    AlarmActions: [!Ref AlertsTopic]
                    OKActions: [!Ref AlertsTopic]
                """)
                    .on("AWS::CloudWatch::Alarm", "AWS::CloudWatch::CompositeAlarm"),
                Fix.in(
                        Dialect.TERRAFORM,
                        "Give the alarm alarm_actions that notify the owning team (an aws_sns_topic with a subscription that pages or posts to the team).",
                        """
                resource "aws_cloudwatch_metric_alarm" "errors" {
                  # ...
                  alarm_actions = [aws_sns_topic.alerts.arn]
                  ok_actions    = [aws_sns_topic.alerts.arn]
                }
                """)
                    .on("aws_cloudwatch_metric_alarm", "aws_cloudwatch_composite_alarm"),
                Fix.in(
                        Dialect.KUBERNETES,
                        "Define Prometheus alerting rules (a PrometheusRule for the Prometheus Operator, or Amazon Managed Service for Prometheus rules) on the workload's error rate, latency, pod restarts and unavailable replicas, and route them through Alertmanager to the owning team's pager or channel.",
                        """
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata:
                  name: orders-alerts
                spec:
                  groups:
                    - name: orders
                      rules:
                        - alert: OrdersUnavailable
                          expr: kube_deployment_status_replicas_available{deployment="orders"} < 1
                          for: 5m
                          labels:
                            severity: page
                """)
                    .forRepositoryGap()
                    .effort("Hours: alerting rules on key metrics, routed through Alertmanager")
                    .involving("EKS", "Amazon Managed Service for Prometheus"))
            .formats(
                InputFormat.CLOUDFORMATION,
                InputFormat.TERRAFORM,
                InputFormat.KUBERNETES,
                InputFormat.CDK)
            .build());
  }

  @Override
  public void check(Workload w, Context ctx, Findings out) {
    List<Alarm> alarms = w.all(Alarm.class);
    boolean hasInfra =
        w.resources().stream()
            .anyMatch(
                r -> r instanceof ComputeGroup || r instanceof Function || r instanceof Database);
    if (alarms.isEmpty()) {
      if (hasInfra && onlyKubernetes(w)) {
        out.reportAbsence(
            this,
            w,
            "No alerting rules are defined",
            "No Prometheus alerting rule (PrometheusRule) or CloudWatch alarm was found in the scanned files.");
      } else if (hasInfra) {
        out.reportAbsence(
            this,
            w,
            "No CloudWatch alarms are defined",
            "No CloudWatch alarm was found in the scanned files (AWS::CloudWatch::Alarm in templates and serverless.yml resources, aws_cloudwatch_metric_alarm in Terraform, cloudwatch.Alarm constructs in CDK apps).");
      }
      return;
    }
    for (Alarm a : alarms) {
      if (a.actions.present() && !a.actions.get().isEmpty()) continue;
      if (a.actions.unresolved()) continue;
      if (isUsedByDeployments(w, a))
        continue; // deployment-gating alarms need no notification action
      out.report(
          this,
          a,
          "Alarm " + a.id + " has no alarm action",
          "Alarm "
              + a.id
              + " changes state without notifying anyone (no "
              + Property.ALARM_ACTIONS.of(a)
              + ").",
          Impact.MINOR,
          "The failure is recorded but nobody is told.",
          Likelihood.HIGH,
          "Every time the alarm fires.");
    }
    List<Alarm> notifying = alarms.stream().filter(a -> a.notifies(w)).toList();
    if (!notifying.isEmpty()) {
      out.strength(
          this,
          notifying.size() + " CloudWatch alarm(s) notify on failure",
          notifying.stream().map(a -> a.location).limit(5).toList());
    } else if (hasInfra && alarms.stream().allMatch(a -> a.actions.known())) {
      // Alarms without their own finding that still tell nobody: those that only drive scaling,
      // and those without actions that only gate deployments (CodeDeploy reads their state).
      List<Alarm> scaling = alarms.stream().filter(a -> a.onlyScales(w)).toList();
      List<Alarm> withoutActions =
          alarms.stream().filter(a -> !a.actions.present() || a.actions.get().isEmpty()).toList();
      List<Alarm> gating = withoutActions.stream().filter(a -> isUsedByDeployments(w, a)).toList();
      // An alarm without actions that gates nothing has its own finding, which says as much.
      if (gating.size() < withoutActions.size()) gating = List.of();
      List<String> silent = new ArrayList<>();
      if (!scaling.isEmpty())
        silent.add(
            scaling.size() + " alarm(s) with actions only drive scaling (" + ids(scaling) + ")");
      if (!gating.isEmpty())
        silent.add(
            gating.size()
                + " alarm(s) only roll deployments back and have no actions ("
                + ids(gating)
                + ")");
      if (!silent.isEmpty())
        out.reportAbsence(
            this,
            w,
            "No CloudWatch alarm notifies anyone",
            "The "
                + String.join("; the ", silent)
                + ": a failure "
                + (gating.isEmpty()
                    ? "changes capacity"
                    : scaling.isEmpty() ? "stops a release" : "changes capacity or stops a release")
                + " but nobody is told.");
    }
  }

  private static String ids(List<Alarm> alarms) {
    return String.join(", ", alarms.stream().map(a -> a.id).limit(5).toList());
  }

  private static boolean isUsedByDeployments(Workload w, Alarm a) {
    for (DeploymentGroup g : w.all(DeploymentGroup.class)) {
      if (g.alarms.present()
          && g.alarms.get().stream()
              .anyMatch(x -> x instanceof ResourceRef r && r.key().equals(a.key()))) return true;
    }
    return false;
  }

  /**
   * Compute that runs only as Kubernetes workloads or Compose services: its alerting would be
   * Prometheus rules, not CloudWatch alarms.
   */
  private static boolean onlyKubernetes(Workload w) {
    return w.all(Function.class).isEmpty()
        && w.all(Database.class).isEmpty()
        && w.all(ComputeGroup.class).stream().noneMatch(ComputeGroup::runsOnAws);
  }
}
