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
            .advice(
                Fix.in(
                        Dialect.CDK,
                        "Shift traffic through an alias with CodeDeploy: a lambda.Alias on the function's currentVersion and a codedeploy.LambdaDeploymentGroup with a canary or linear deploymentConfig and the function's error alarm.",
                        """
                const live = new lambda.Alias(this, 'Live', {
                  aliasName: 'live',
                  version: fn.currentVersion,
                });
                new codedeploy.LambdaDeploymentGroup(this, 'Deployment', {
                  alias: live,
                  deploymentConfig:
                    codedeploy.LambdaDeploymentConfig.CANARY_10PERCENT_5MINUTES,
                  alarms: [errorsAlarm],
                });
                """)
                    .on("AWS::Lambda::Function")
                    .involving("Lambda", "CodeDeploy"),
                Fix.in(
                        Dialect.SERVERLESS,
                        "A canary cannot work for a job that only runs on a schedule: there is no steady traffic to shift. Alarm on the function's Errors under resources (the framework names the function <Name>LambdaFunction), keep the previous version to roll back to (versionFunctions, on by default), and make the job idempotent so a re-run after a rollback is safe.",
                        """
                resources:
                  Resources:
                    NightlyErrorsAlarm:
                      Type: AWS::CloudWatch::Alarm
                      Properties:
                        Namespace: AWS/Lambda
                        MetricName: Errors
                        Dimensions:
                          - Name: FunctionName
                            Value: !Ref NightlyLambdaFunction
                        Statistic: Sum
                        Period: 300
                        EvaluationPeriods: 1
                        Threshold: 1
                        ComparisonOperator: GreaterThanOrEqualToThreshold
                        AlarmActions: [!Ref AlertsTopic]
                """)
                    .involving("Lambda", "CloudWatch")
                    .when("scheduled-only function", DeployAllAtOnce::scheduledOnly)
                    .effort(
                        "Hours: an errors alarm, a version to roll back to and an idempotent job"),
                Fix.in(
                        Dialect.SERVERLESS,
                        "Shift traffic gradually with the serverless-plugin-canary-deployments plugin: deploymentSettings on the function with type Canary10Percent5Minutes (or a Linear type), an alias, and alarms (logical ids under resources) that stop and roll back the deployment.",
                        """
                plugins:
                  - serverless-plugin-canary-deployments
                functions:
                  placeOrder:
                    handler: src/orders.handler
                    deploymentSettings:
                      type: Canary10Percent5Minutes
                      alias: Live
                      alarms:
                        - PlaceOrderErrorsAlarm
                """)
                    .on("AWS::Lambda::Function")
                    .involving("Lambda", "CodeDeploy"),
                Fix.in(
                        Dialect.SAM,
                        "A canary cannot work for a job that only runs on a schedule: there is no steady traffic to shift. Publish a version behind an alias, alarm on the function's Errors, roll the alias back to the previous version when the alarm fires, and make the job idempotent so a re-run after rollback is safe.",
                        """
                Function:
                  Type: AWS::Serverless::Function
                  Properties:
                    AutoPublishAlias: live
                ErrorsAlarm:
                  Type: AWS::CloudWatch::Alarm
                  Properties:
                    Namespace: AWS/Lambda
                    MetricName: Errors
                    Dimensions:
                      - Name: FunctionName
                        Value: !Ref Function
                    Statistic: Sum
                    Period: 300
                    EvaluationPeriods: 1
                    Threshold: 1
                    ComparisonOperator: GreaterThanOrEqualToThreshold
                    AlarmActions: [!Ref AlertsTopic]
                """)
                    .involving("Lambda", "CloudWatch")
                    .when("scheduled-only function", DeployAllAtOnce::scheduledOnly)
                    .effort("Hours: an errors alarm, an alias to roll back and an idempotent job"),
                Fix.in(
                        Dialect.SAM,
                        "Shift traffic gradually with SAM's DeploymentPreference: AutoPublishAlias plus Type Canary10Percent5Minutes (or a Linear type) and Alarms that stop and roll back the deployment.",
                        """
                Function:
                  Type: AWS::Serverless::Function
                  Properties:
                    AutoPublishAlias: live
                    DeploymentPreference:
                      Type: Canary10Percent5Minutes
                      Alarms:
                        - !Ref ErrorsAlarm
                """)
                    .on("AWS::Serverless::Function")
                    .involving("Lambda", "CodeDeploy"),
                Fix.in(
                        Dialect.CLOUDFORMATION,
                        "A canary cannot work for a job that only runs on a schedule: there is no steady traffic to shift. Publish a version behind an alias, alarm on the function's Errors, roll the alias back to the previous version when the alarm fires, and make the job idempotent so a re-run after rollback is safe.",
                        """
                Alias:
                  Type: AWS::Lambda::Alias
                  Properties:
                    FunctionName: !Ref Function
                    FunctionVersion: !GetAtt Version.Version
                    Name: live
                ErrorsAlarm:
                  Type: AWS::CloudWatch::Alarm
                  Properties:
                    Namespace: AWS/Lambda
                    MetricName: Errors
                    Dimensions:
                      - Name: FunctionName
                        Value: !Ref Function
                    Statistic: Sum
                    Period: 300
                    EvaluationPeriods: 1
                    Threshold: 1
                    ComparisonOperator: GreaterThanOrEqualToThreshold
                    AlarmActions: [!Ref AlertsTopic]
                """)
                    .when("scheduled-only function", DeployAllAtOnce::scheduledOnly)
                    .effort("Hours: an errors alarm, an alias to roll back and an idempotent job"),
                Fix.in(
                        Dialect.CLOUDFORMATION,
                        "Shift traffic through an alias with CodeDeploy: an AWS::Lambda::Alias whose UpdatePolicy CodeDeployLambdaAliasUpdate names a deployment group with DeploymentConfigName CodeDeployDefault.LambdaCanary10Percent5Minutes (or a Linear configuration) and alarms.",
                        """
                Alias:
                  Type: AWS::Lambda::Alias
                  UpdatePolicy:
                    CodeDeployLambdaAliasUpdate:
                      ApplicationName: !Ref CodeDeployApp
                      DeploymentGroupName: !Ref DeploymentGroup
                  Properties:
                    FunctionName: !Ref Function
                    FunctionVersion: !GetAtt Version.Version
                    Name: live
                DeploymentGroup:
                  Type: AWS::CodeDeploy::DeploymentGroup
                  Properties:
                    ApplicationName: !Ref CodeDeployApp
                    ServiceRoleArn: !GetAtt CodeDeployRole.Arn
                    DeploymentConfigName: CodeDeployDefault.LambdaCanary10Percent5Minutes
                    DeploymentStyle:
                      DeploymentType: BLUE_GREEN
                      DeploymentOption: WITH_TRAFFIC_CONTROL
                """)
                    .on("AWS::Lambda::Function")
                    .involving("Lambda", "CodeDeploy"),
                Fix.in(
                        Dialect.SAM,
                        "Set the function's DeploymentPreference Type to a gradual one (Canary10Percent5Minutes, Linear10PercentEvery1Minute) instead of AllAtOnce, with Alarms.",
                        """
                DeploymentPreference:
                  Type: Canary10Percent5Minutes
                  Alarms:
                    - !Ref ErrorsAlarm
                """)
                    .on("AWS::CodeDeploy::DeploymentGroup")
                    .involving("CodeDeploy"),
                Fix.in(
                        Dialect.CLOUDFORMATION,
                        "Use a gradual DeploymentConfigName for the Lambda deployment group: CodeDeployDefault.LambdaCanary10Percent5Minutes or a Linear configuration, with alarms.",
                        """
                DeploymentGroup:
                  Type: AWS::CodeDeploy::DeploymentGroup
                  Properties:
                    DeploymentConfigName: CodeDeployDefault.LambdaCanary10Percent5Minutes
                """)
                    .involving("CodeDeploy", "Lambda")
                    .when("Lambda deployment group", r -> platform(r, "Lambda")),
                Fix.in(
                        Dialect.CLOUDFORMATION,
                        "Use a gradual DeploymentConfigName for the ECS deployment group: CodeDeployDefault.ECSCanary10Percent5Minutes or a Linear configuration, with alarms.",
                        """
                DeploymentGroup:
                  Type: AWS::CodeDeploy::DeploymentGroup
                  Properties:
                    DeploymentConfigName: CodeDeployDefault.ECSCanary10Percent5Minutes
                """)
                    .involving("CodeDeploy", "ECS")
                    .when("ECS deployment group", r -> platform(r, "ECS")),
                Fix.in(
                        Dialect.CLOUDFORMATION,
                        "Deploy to the instances in batches: DeploymentConfigName CodeDeployDefault.OneAtATime or HalfAtATime (or a custom configuration with MinimumHealthyHosts), with alarms.",
                        """
                DeploymentGroup:
                  Type: AWS::CodeDeploy::DeploymentGroup
                  Properties:
                    DeploymentConfigName: CodeDeployDefault.OneAtATime
                """)
                    .on("AWS::CodeDeploy::DeploymentGroup")
                    .involving("CodeDeploy"),
                Fix.in(
                        Dialect.CLOUDFORMATION,
                        "Keep every task running during a rolling update: DeploymentConfiguration MinimumHealthyPercent: 100 with MaximumPercent: 200, and the deployment circuit breaker with rollback.",
                        """
                Service:
                  Type: AWS::ECS::Service
                  Properties:
                    DeploymentConfiguration:
                      MinimumHealthyPercent: 100
                      MaximumPercent: 200
                      DeploymentCircuitBreaker:
                        Enable: true
                        Rollback: true
                """)
                    .on("AWS::ECS::Service")
                    .effort("Minutes: keep every task running during a rolling update")
                    .involving("ECS"),
                Fix.in(
                        Dialect.CLOUDFORMATION,
                        "Replace instances in small batches: UpdatePolicy AutoScalingRollingUpdate with MaxBatchSize below MaxSize and MinInstancesInService keeping capacity.",
                        """
                Group:
                  Type: AWS::AutoScaling::AutoScalingGroup
                  UpdatePolicy:
                    AutoScalingRollingUpdate:
                      MaxBatchSize: 1
                      MinInstancesInService: 2
                      PauseTime: PT5M
                      WaitOnResourceSignals: true
                """)
                    .on("AWS::AutoScaling::AutoScalingGroup")
                    .effort("Hours: a rolling update policy with small batches")
                    .involving("EC2 Auto Scaling"),
                Fix.in(
                        Dialect.TERRAFORM,
                        "A canary cannot work for a job that only runs on a schedule: there is no steady traffic to shift. Publish a version behind an alias, alarm on the function's Errors, roll the alias back to the previous version when the alarm fires, and make the job idempotent so a re-run after rollback is safe.",
                        """
                resource "aws_lambda_alias" "live" {
                  name             = "live"
                  function_name    = aws_lambda_function.job.function_name
                  function_version = aws_lambda_function.job.version
                }

                resource "aws_cloudwatch_metric_alarm" "job_errors" {
                  alarm_name          = "job-errors"
                  namespace           = "AWS/Lambda"
                  metric_name         = "Errors"
                  dimensions          = { FunctionName = aws_lambda_function.job.function_name }
                  statistic           = "Sum"
                  period              = 300
                  evaluation_periods  = 1
                  threshold           = 1
                  comparison_operator = "GreaterThanOrEqualToThreshold"
                  alarm_actions       = [aws_sns_topic.alerts.arn]
                }
                """)
                    .when("scheduled-only function", DeployAllAtOnce::scheduledOnly)
                    .effort("Hours: an errors alarm, an alias to roll back and an idempotent job"),
                Fix.in(
                        Dialect.TERRAFORM,
                        "Shift traffic through an aws_lambda_alias with CodeDeploy: an aws_codedeploy_app with compute_platform = \"Lambda\" and an aws_codedeploy_deployment_group with deployment_config_name = \"CodeDeployDefault.LambdaCanary10Percent5Minutes\" and alarms; the pipeline then deploys new versions through CodeDeploy instead of updating the alias directly.",
                        """
                resource "aws_codedeploy_app" "fn" {
                  name             = "orders-fn"
                  compute_platform = "Lambda"
                }

                resource "aws_codedeploy_deployment_group" "fn" {
                  app_name               = aws_codedeploy_app.fn.name
                  deployment_group_name  = "live"
                  service_role_arn       = aws_iam_role.codedeploy.arn
                  deployment_config_name = "CodeDeployDefault.LambdaCanary10Percent5Minutes"
                  deployment_style {
                    deployment_type   = "BLUE_GREEN"
                    deployment_option = "WITH_TRAFFIC_CONTROL"
                  }
                }
                """)
                    .on("aws_lambda_function")
                    .involving("Lambda", "CodeDeploy")
                    .effort("Days: CodeDeploy application, deployment group and a pipeline step"),
                Fix.in(
                        Dialect.TERRAFORM,
                        "Use a gradual deployment_config_name for the Lambda deployment group: \"CodeDeployDefault.LambdaCanary10Percent5Minutes\" or a Linear configuration, with an alarm_configuration.",
                        """
                resource "aws_codedeploy_deployment_group" "fn" {
                  # ...
                  deployment_config_name = "CodeDeployDefault.LambdaCanary10Percent5Minutes"
                }
                """)
                    .when("Lambda deployment group", r -> platform(r, "Lambda")),
                Fix.in(
                        Dialect.TERRAFORM,
                        "Use a gradual deployment_config_name for the ECS deployment group: \"CodeDeployDefault.ECSCanary10Percent5Minutes\" or a Linear configuration, with an alarm_configuration.",
                        """
                resource "aws_codedeploy_deployment_group" "svc" {
                  # ...
                  deployment_config_name = "CodeDeployDefault.ECSCanary10Percent5Minutes"
                }
                """)
                    .when("ECS deployment group", r -> platform(r, "ECS")),
                Fix.in(
                        Dialect.TERRAFORM,
                        "Deploy to the instances in batches: deployment_config_name = \"CodeDeployDefault.OneAtATime\" or \"CodeDeployDefault.HalfAtATime\" (or an aws_codedeploy_deployment_config with minimum_healthy_hosts), with alarms.",
                        """
                resource "aws_codedeploy_deployment_group" "app" {
                  # ...
                  deployment_config_name = "CodeDeployDefault.OneAtATime"
                }
                """)
                    .on("aws_codedeploy_deployment_group")
                    .involving("CodeDeploy"),
                Fix.in(
                        Dialect.TERRAFORM,
                        "Keep every task running during a rolling update: deployment_minimum_healthy_percent = 100 with deployment_maximum_percent = 200, and deployment_circuit_breaker with rollback.",
                        """
                resource "aws_ecs_service" "api" {
                  # ...
                  deployment_minimum_healthy_percent = 100
                  deployment_maximum_percent         = 200
                  deployment_circuit_breaker {
                    enable   = true
                    rollback = true
                  }
                }
                """)
                    .on("aws_ecs_service")
                    .effort("Minutes: keep every task running during a rolling update")
                    .involving("ECS"),
                Fix.in(
                        Dialect.TERRAFORM,
                        "Replace instances in small batches with an instance_refresh whose preferences keep most of the group healthy (min_healthy_percentage).",
                        """
                resource "aws_autoscaling_group" "web" {
                  # ...
                  instance_refresh {
                    strategy = "Rolling"
                    preferences {
                      min_healthy_percentage = 90
                    }
                  }
                }
                """)
                    .on("aws_autoscaling_group")
                    .effort("Hours: an instance refresh with small batches")
                    .involving("EC2 Auto Scaling"),
                Fix.in(
                        Dialect.KUBERNETES,
                        "Use a RollingUpdate strategy that keeps pods serving: maxUnavailable 0 with maxSurge 1 (or 25%), so each new pod is ready before an old one stops; for staged traffic shifting, an Argo Rollouts canary.",
                        """
                spec:
                  strategy:
                    type: RollingUpdate
                    rollingUpdate:
                      maxUnavailable: 0
                      maxSurge: 1
                """)
                    .effort("Minutes: change the update strategy")
                    .involving("EKS"),
                Fix.in(
                        Dialect.CDK,
                        "Give the LambdaDeploymentGroup a canary or linear deploymentConfig (its default is CANARY_10PERCENT_5MINUTES) and alarms that stop and roll back the deployment.",
                        """
                new codedeploy.LambdaDeploymentGroup(this, 'Deployment', {
                  alias: live,
                  deploymentConfig: codedeploy.LambdaDeploymentConfig.CANARY_10PERCENT_5MINUTES,
                  alarms: [errorsAlarm],
                });
                """)
                    .on("AWS::CodeDeploy::DeploymentGroup")
                    .involving("Lambda", "CodeDeploy"))
            .formats(
                InputFormat.CLOUDFORMATION,
                InputFormat.TERRAFORM,
                InputFormat.KUBERNETES,
                InputFormat.SERVERLESS,
                InputFormat.CDK)
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
      checkKubernetesWorkload(s, out);
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
          Property.MINIMUM_HEALTHY_PERCENT.of(s)
              + " is 0 on "
              + s.id
              + ": a rolling update may stop all running tasks at once.",
          s.minHealthyPercent);
    }
  }

  /** A Kubernetes workload whose update strategy stops every pod before new ones serve. */
  private void checkKubernetesWorkload(ComputeGroup s, Findings out) {
    if (s.kind != ComputeGroup.Kind.KUBERNETES_WORKLOAD) return;
    if (s.replacesAllAtOnce.unresolved()) {
      out.report(this, s, "", "", s.replacesAllAtOnce); // Cannot Determine
    } else if (s.replacesAllAtOnce.isTrue()) {
      out.report(
          this,
          s,
          s.kubernetesName() + " stops every pod before new ones serve",
          "The update strategy of "
              + s.kubernetesName()
              + " takes all running pods down at once: every release is an outage, and a faulty one reaches all traffic.",
          s.replacesAllAtOnce);
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
          "The rolling update's "
              + Property.UPDATE_MAX_BATCH_SIZE.of(s)
              + " "
              + s.updateMaxBatchSize
              + " is at least the group's "
              + Property.MAX_SIZE.of(s)
              + " "
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
          "No "
              + Property.DEPLOYMENT_PREFERENCE.of(f)
              + " or CodeDeploy deployment group shifts traffic to new versions of "
              + f.id
              + " gradually: each update replaces the code for 100% of invocations immediately.");
    }
  }

  /**
   * A function only a schedule invokes: no steady traffic exists to shift to a canary, so its
   * advice is rollback on alarm and an idempotent job instead.
   */
  static boolean scheduledOnly(Resource subject) {
    return subject instanceof Function f && f.scheduledOnly();
  }

  /** A CodeDeploy deployment group for this compute platform (Lambda, ECS). */
  private static boolean platform(Resource subject, String computePlatform) {
    return subject instanceof DeploymentGroup g
        && computePlatform.equalsIgnoreCase(g.computePlatform.orElse(""));
  }
}
