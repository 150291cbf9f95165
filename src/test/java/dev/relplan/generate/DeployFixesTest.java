package dev.relplan.generate;

import static dev.relplan.generate.GeneratedCopies.apply;
import static dev.relplan.generate.GeneratedCopies.assess;
import static dev.relplan.generate.GeneratedCopies.copy;
import static dev.relplan.generate.GeneratedCopies.findings;
import static dev.relplan.generate.GeneratedCopies.generate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.parse.hcl.Block;
import dev.relplan.parse.hcl.HclFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * generate fixes for deployment safety, scaling, reserved concurrency and Terraform Lambda
 * timeouts: patches that git applies, clear their findings on re-assessment and add none.
 */
class DeployFixesTest {
  @TempDir Path tmp;

  @Test
  void patchesOfTheShippedExamplesClearTheirDeployScalingAndConcurrencyFindingsAndAddNone()
      throws Exception {
    Map<String, List<String>> targeted =
        Map.of(
            "orders-platform",
            List.of(
                "REL-DEPLOY-ALL-AT-ONCE LegacyExportFunction",
                "REL-DEPLOY-ALL-AT-ONCE OrderEventsConsumer",
                "REL-DEPLOY-ALL-AT-ONCE ShipmentNotifier",
                "REL-LAMBDA-NO-RESERVED-CONCURRENCY ClickstreamProcessor",
                "REL-LAMBDA-NO-RESERVED-CONCURRENCY CreateOrderFunction",
                "REL-LAMBDA-NO-RESERVED-CONCURRENCY LegacyExportFunction",
                "REL-ASG-MIN-EQUALS-MAX ReportingGroup",
                "REL-COMPUTE-FIXED ReportingGroup",
                "REL-LB-HEALTH-CHECK ReportingGroup",
                "REL-SCALING-NO-POLICY ReportingGroup"),
            "orders-services",
            List.of(
                "REL-COMPUTE-FIXED OrdersApiService",
                "REL-COMPUTE-FIXED PricingService",
                "REL-SCALING-NO-POLICY OrdersApiService",
                "REL-SCALING-NO-POLICY PricingService",
                "REL-DEPLOY-NO-AUTO-ROLLBACK OrdersApiService",
                "REL-DEPLOY-NO-AUTO-ROLLBACK PricingService",
                "REL-DEPLOY-ALL-AT-ONCE FulfilmentConsumer",
                "REL-DEPLOY-ALL-AT-ONCE ReceiptMailer"),
            "terraform-shop",
            List.of(
                "REL-LAMBDA-NO-RESERVED-CONCURRENCY aws_lambda_function.fulfil",
                "REL-LAMBDA-NO-RESERVED-CONCURRENCY aws_lambda_function.quote"));
    for (Map.Entry<String, List<String>> e : targeted.entrySet()) {
      Path original = Path.of("examples", e.getKey());
      Set<String> before = unlined(findings(assess(original, null)));
      Path copy = copy(original, tmp.resolve(e.getKey()));

      apply(generate(original, null, FixesGenerator::generate), FixesGenerator.FOLDER, copy);

      assertThat(before).as(e.getKey()).containsAll(e.getValue());
      assertThat(unlined(findings(assess(copy, null))))
          .as(e.getKey())
          .doesNotContainAnyElementsOf(e.getValue())
          .isSubsetOf(before);
    }
  }

  static final String SAM_CONSUMER =
      """
      AWSTemplateFormatVersion: "2010-09-09"
      Transform: AWS::Serverless-2016-10-31
      Resources:
        Orders:
          Type: AWS::SQS::Queue
          Properties:
            RedrivePolicy:
              deadLetterTargetArn: !GetAtt OrdersDlq.Arn
              maxReceiveCount: 5
        OrdersDlq:
          Type: AWS::SQS::Queue
        Consumer:
          Type: AWS::Serverless::Function
          Properties:
            Handler: app.handler
            Runtime: python3.12
            CodeUri: src
            ReservedConcurrentExecutions: 10
            Events:
              Orders:
                Type: SQS
                Properties:
                  Queue: !GetAtt Orders.Arn
      """;

  @Test
  void samFunctionGetsAnAliasACanaryAndANewAlarmOnTheAliasErrors() throws Exception {
    Path original = write("template.yaml", SAM_CONSUMER);
    Path copy = copy(original, tmp.resolve("copy"));

    Generation g = generate(original, null, FixesGenerator::generate);
    apply(g, FixesGenerator.FOLDER, copy);

    assertThat(g.files().get(0).content())
        .contains(
            "     Properties:\n"
                + "+      AutoPublishAlias: live\n"
                + "+      DeploymentPreference:\n"
                + "+        Type: Canary10Percent5Minutes\n"
                + "+        Alarms:\n"
                + "+          - !Ref ConsumerErrorsAlarm\n")
        .contains("+  ConsumerErrorsAlarm:\n+    Type: AWS::CloudWatch::Alarm\n")
        .contains("+          Value: !Sub ${Consumer}:live\n");
    assertThat(findings(assess(original, null))).contains("REL-DEPLOY-ALL-AT-ONCE Consumer");
    assertThat(findings(assess(copy, null)))
        .noneMatch(f -> f.startsWith("REL-DEPLOY"))
        .isSubsetOf(findings(assess(original, null)));
  }

  @Test
  void samFunctionWithItsOwnErrorsAlarmIsRolledBackByThatAlarm() throws Exception {
    Path original =
        write(
            "template.yaml",
            SAM_CONSUMER
                + """
                  ConsumerFailures:
                    Type: AWS::CloudWatch::Alarm
                    Properties:
                      Namespace: AWS/Lambda
                      MetricName: Errors
                      Dimensions:
                        - Name: FunctionName
                          Value: !Ref Consumer
                      Statistic: Sum
                      Period: 60
                      EvaluationPeriods: 1
                      Threshold: 1
                      ComparisonOperator: GreaterThanOrEqualToThreshold
                """);

    Generation g = generate(original, null, FixesGenerator::generate);

    assertThat(g.files().get(0).content())
        .contains("+          - !Ref ConsumerFailures\n")
        .doesNotContain("AWS::CloudWatch::Alarm");
  }

  @Test
  void newAlarmNameAvoidsTakenNames() throws Exception {
    Path original =
        write(
            "template.yaml", SAM_CONSUMER + "  ConsumerErrorsAlarm:\n    Type: AWS::SNS::Topic\n");

    Generation g = generate(original, null, FixesGenerator::generate);

    assertThat(g.files().get(0).content())
        .contains("+          - !Ref ConsumerErrorsAlarm2\n")
        .contains("+  ConsumerErrorsAlarm2:\n");
  }

  @Test
  void writtenDeploymentPreferenceAllAtOnceOrDisabledIsMadeGradualWithAnAlarm() throws Exception {
    Path example = Path.of("src/test/resources/rules/REL-DEPLOY-ALL-AT-ONCE/cloudformation/fail");
    Path copy = copy(example, tmp.resolve("copy"));

    Generation g = generate(example, null, FixesGenerator::generate);
    apply(g, FixesGenerator.FOLDER, copy);

    assertThat(patch(g, "serverless.yaml"))
        .contains(
            "       DeploymentPreference:   # relplan:finding\n"
                + "+        Alarms:\n"
                + "+          - !Ref PaymentsFunctionErrorsAlarm\n"
                + "-        Type: AllAtOnce   # relplan:evidence\n"
                + "+        Type: Canary10Percent5Minutes\n")
        .contains("-        Enabled: false\n+        Enabled: true\n");
    Set<String> before = unlined(findings(assess(example, null)));
    assertThat(before)
        .contains(
            "REL-DEPLOY-ALL-AT-ONCE PaymentsFunctionDeploymentGroup",
            "REL-DEPLOY-ALL-AT-ONCE RefundsFunction");
    assertThat(unlined(findings(assess(copy, null))))
        .doesNotContain(
            "REL-DEPLOY-ALL-AT-ONCE PaymentsFunctionDeploymentGroup",
            "REL-DEPLOY-ALL-AT-ONCE RefundsFunction")
        .isSubsetOf(before);
  }

  @Test
  void functionsWithoutAPatchAreListedWithTheReason() throws Exception {
    Generation platform =
        generate(Path.of("examples/orders-platform"), null, FixesGenerator::generate);
    Generation shop = generate(Path.of("examples/terraform-shop"), null, FixesGenerator::generate);
    Generation plain =
        generate(
            Path.of(
                "src/test/resources/rules/REL-LAMBDA-NO-RESERVED-CONCURRENCY/cloudformation/fail"),
            null,
            FixesGenerator::generate);

    assertThat(platform.notes())
        .anyMatch(n -> n.contains("NightlyReconcile") && n.contains("runs only on a schedule"))
        .anyMatch(
            n ->
                n.contains("ClickstreamProcessor")
                    && n.contains("ClickstreamMapping (app.yaml:259) invokes the function itself"));
    assertThat(shop.notes())
        .anyMatch(
            n ->
                n.contains("F-018 aws_lambda_function.fulfil")
                    && n.contains("aws_codedeploy_deployment_group"));
    assertThat(plain.notes())
        .anyMatch(
            n ->
                n.contains("ThumbnailFunction")
                    && n.contains("a plain AWS::Lambda::Function deploys gradually only through"));
  }

  @Test
  void reservedConcurrencyStartsAtOneHundredInBothDialects() throws Exception {
    Generation platform =
        generate(Path.of("examples/orders-platform"), null, FixesGenerator::generate);
    Generation shop = generate(Path.of("examples/terraform-shop"), null, FixesGenerator::generate);

    assertThat(patch(platform, "app.yaml"))
        .contains(
            "     Properties:\n+      ReservedConcurrentExecutions: 100\n       CodeUri: src/clickstream/\n");
    assertThat(patch(shop, "api.tf"))
        .contains(
            "   timeout       = var.checkout_timeout\n+\n+  reserved_concurrent_executions = 100\n }\n");
    assertThat(platform.files().get(platform.files().size() - 1).content())
        .contains("ReservedConcurrentExecutions: 100, a starting point rather than a measurement");
  }

  @Test
  void reservedConcurrencyIsAnEvenShareOfWhatADefaultAccountCanStillReserve() throws Exception {
    Path original = write("template.yaml", apiFunctions(850));

    Generation g = generate(original, null, FixesGenerator::generate);

    // (1000 - 100 always unreserved - 850 reserved) / 2 functions without a reservation
    assertThat(g.files().get(0).content())
        .contains("+      ReservedConcurrentExecutions: 25\n")
        .doesNotContain("ReservedConcurrentExecutions: 100");
  }

  @Test
  void reservedConcurrencyIsLeftWhenTheWorkloadReservesAllADefaultAccountCan() throws Exception {
    Path original = write("template.yaml", apiFunctions(900));

    Generation g = generate(original, null, FixesGenerator::generate);

    assertThat(g.notes())
        .anyMatch(
            n -> n.contains("Cart") && n.contains("already reserve what a default account can"));
  }

  @Test
  void reservationsOfAnotherStackLeaveTheShareOfThisOneAlone() throws Exception {
    Path original = write("full/template.yaml", apiFunctions(900));
    Files.createDirectories(original.resolve("other"));
    Files.writeString(
        original.resolve("other/template.yaml"),
        apiFunctions(0).replace("      ReservedConcurrentExecutions: 0\n", ""));

    Generation g = generate(original, null, FixesGenerator::generate);

    // The stack of other/ reserves nothing: its three functions get 100 each, whatever full/ holds.
    assertThat(patch(g, "other/template.yaml"))
        .contains("+      ReservedConcurrentExecutions: 100\n");
    assertThat(g.notes())
        .anyMatch(n -> n.contains("full/template.yaml") && n.contains("already reserve"));
  }

  /** Three API functions, the first reserving {@code reserved}, the other two nothing. */
  private static String apiFunctions(int reserved) {
    StringBuilder t =
        new StringBuilder(
            "AWSTemplateFormatVersion: \"2010-09-09\"\n"
                + "Transform: AWS::Serverless-2016-10-31\n"
                + "Resources:\n");
    for (String name : List.of("Orders", "Cart", "Search")) {
      t.append("  ").append(name).append(":\n");
      t.append("    Type: AWS::Serverless::Function\n    Properties:\n");
      t.append("      Handler: app.handler\n      Runtime: python3.12\n      CodeUri: src\n");
      if (name.equals("Orders"))
        t.append("      ReservedConcurrentExecutions: ").append(reserved).append('\n');
      t.append("      Events:\n        Get:\n          Type: HttpApi\n");
      t.append("          Properties:\n            Path: /")
          .append(name.toLowerCase())
          .append('\n');
      t.append("            Method: get\n");
    }
    return t.toString();
  }

  static final String ECS =
      """
      AWSTemplateFormatVersion: "2010-09-09"
      Resources:
        Cluster:
          Type: AWS::ECS::Cluster
        Api:
          Type: AWS::ECS::Service
          Properties:
            Cluster: !Ref Cluster
            LaunchType: FARGATE
            DesiredCount: 1
            TaskDefinition: arn:aws:ecs:eu-west-1:123456789012:task-definition/api:3
            DeploymentConfiguration:
              MinimumHealthyPercent: 0
              MaximumPercent: 100
              DeploymentCircuitBreaker:
                Enable: false
                Rollback: false
            NetworkConfiguration:
              AwsvpcConfiguration:
                Subnets: [subnet-aaa, subnet-bbb]
      """;

  @Test
  void ecsServiceDeploymentConfigurationGetsACircuitBreakerAndKeepsItsTasksRunning()
      throws Exception {
    Path original = write("template.yaml", ECS);
    Path copy = copy(original, tmp.resolve("copy"));

    Generation g = generate(original, null, FixesGenerator::generate);
    apply(g, FixesGenerator.FOLDER, copy);

    assertThat(g.files().get(0).content())
        .contains(
            "-        MinimumHealthyPercent: 0\n"
                + "+        MinimumHealthyPercent: 100\n"
                + "-        MaximumPercent: 100\n"
                + "+        MaximumPercent: 200\n")
        .contains(
            "-          Enable: false\n"
                + "+          Enable: true\n"
                + "-          Rollback: false\n"
                + "+          Rollback: true\n");
    Set<String> before = findings(assess(original, null));
    assertThat(before).contains("REL-DEPLOY-ALL-AT-ONCE Api", "REL-DEPLOY-NO-AUTO-ROLLBACK Api");
    assertThat(findings(assess(copy, null)))
        .noneMatch(
            f ->
                f.contains(" Api")
                    && (f.contains("DEPLOY")
                        || f.contains("SCALING")
                        || f.contains("COMPUTE-FIXED")))
        .isSubsetOf(before);
  }

  @Test
  void ecsServiceOfOneTaskScalesFromTwoTasksOnItsCluster() throws Exception {
    Generation g = generate(write("template.yaml", ECS), null, FixesGenerator::generate);

    assertThat(g.files().get(0).content())
        .contains("-      DesiredCount: 1\n+      DesiredCount: 2\n")
        .contains(
            "+  ApiScalableTarget:\n"
                + "+    Type: AWS::ApplicationAutoScaling::ScalableTarget\n"
                + "+    Properties:\n"
                + "+      ServiceNamespace: ecs\n"
                + "+      ScalableDimension: ecs:service:DesiredCount\n"
                + "+      ResourceId: !Sub service/${Cluster}/${Api.Name}\n"
                + "+      MinCapacity: 2\n"
                + "+      MaxCapacity: 8\n")
        .contains("+      ScalingTargetId: !Ref ApiScalableTarget\n")
        .contains("+          PredefinedMetricType: ECSServiceAverageCPUUtilization\n");
  }

  @Test
  void ecsScalingResourcesAvoidTakenNames() throws Exception {
    Path original =
        write("template.yaml", ECS + "  ApiScalableTarget:\n    Type: AWS::SNS::Topic\n");

    Generation g = generate(original, null, FixesGenerator::generate);

    assertThat(g.files().get(0).content())
        .contains("+  ApiScalableTarget2:\n")
        .contains("+      ScalingTargetId: !Ref ApiScalableTarget2\n");
  }

  @Test
  void ecsServiceOnAnImportedClusterIsLeftWithTheReason() throws Exception {
    Path original =
        write(
            "template.yaml",
            ECS.replace("Cluster: !Ref Cluster", "Cluster: !ImportValue shared-cluster"));

    Generation g = generate(original, null, FixesGenerator::generate);

    assertThat(g.notes())
        .anyMatch(
            n ->
                n.contains("F-") && n.contains(" Api ") && n.contains("its Cluster is not a !Ref"));
  }

  static final String TF_ECS =
      """
      resource "aws_ecs_cluster" "main" {
        name = "main"
      }

      resource "aws_ecs_service" "api" {
        name            = "api"
        cluster         = aws_ecs_cluster.main.id
        task_definition = "api:3"
        desired_count   = 1
        launch_type     = "FARGATE"

        network_configuration {
          subnets = ["subnet-aaa", "subnet-bbb"]
        }
      }
      """;

  @Test
  void terraformEcsServiceGetsACircuitBreakerAndApplicationAutoScaling() throws Exception {
    Path original = write("main.tf", TF_ECS);
    Path copy = copy(original, tmp.resolve("copy"));

    Generation g = generate(original, null, FixesGenerator::generate);
    apply(g, FixesGenerator.FOLDER, copy);

    assertThat(g.files().get(0).content())
        .contains("-  desired_count   = 1\n+  desired_count   = 2\n")
        .contains(
            "+  deployment_circuit_breaker {\n+    enable   = true\n+    rollback = true\n+  }\n")
        .contains(
            "+  resource_id        = \"service/${aws_ecs_cluster.main.name}/${aws_ecs_service.api.name}\"\n")
        .contains("+  resource_id        = aws_appautoscaling_target.api.resource_id\n");
    Set<String> before = findings(assess(original, null));
    assertThat(before)
        .contains(
            "REL-COMPUTE-FIXED aws_ecs_service.api",
            "REL-SCALING-NO-POLICY aws_ecs_service.api",
            "REL-DEPLOY-NO-AUTO-ROLLBACK aws_ecs_service.api");
    assertThat(findings(assess(copy, null)))
        .noneMatch(f -> f.contains("aws_ecs_service.api") && !f.startsWith("?"))
        .isSubsetOf(before);
  }

  @Test
  void terraformEcsServiceInAModuleIsListedWithItsModuleCall() throws Exception {
    Generation g = generate(Path.of("examples/terraform-shop"), null, FixesGenerator::generate);

    assertThat(g.notes())
        .anyMatch(
            n ->
                n.contains("F-021 module.service[\"checkout\"].aws_ecs_service.this")
                    && n.contains("the module call at compute.tf:10"));
  }

  @Test
  void autoScalingGroupGetsElbHealthChecksAndRoomToScale() throws Exception {
    Generation g = generate(Path.of("examples/orders-platform"), null, FixesGenerator::generate);

    assertThat(patch(g, "compute.yaml"))
        .contains("+      HealthCheckGracePeriod: 300\n")
        .contains("-      MaxSize: '2'\n+      MaxSize: \"4\"\n")
        .contains("-      HealthCheckType: EC2\n+      HealthCheckType: ELB\n")
        .contains("+      AutoScalingGroupName: !Ref ReportingGroup\n");
  }

  @Test
  void autoScalingGroupSizeFromAnExpressionIsLeftWithItsMinimum() throws Exception {
    Generation g =
        generate(
            Path.of("src/test/resources/rules/REL-ASG-MIN-EQUALS-MAX/cloudformation/fail"),
            null,
            FixesGenerator::generate);

    assertThat(g.notes())
        .anyMatch(
            n ->
                n.contains("WebGroup")
                    && n.contains(
                        "its MaxSize is set by an expression: make it larger than the minimum (4)"));
  }

  @Test
  void terraformAutoScalingGroupGetsElbHealthChecksAndATargetTrackingPolicy() throws Exception {
    Path example = Path.of("src/test/resources/rules/REL-LB-HEALTH-CHECK/terraform/fail");
    Path copy = copy(example, tmp.resolve("copy"));

    Generation g = generate(example, null, FixesGenerator::generate);
    apply(g, FixesGenerator.FOLDER, copy);

    assertThat(g.files().get(0).content())
        .contains("+\n+  health_check_type = \"ELB\"\n }\n")
        .contains("+resource \"aws_autoscaling_policy\" \"web_cpu\" {\n")
        .contains("+  autoscaling_group_name = aws_autoscaling_group.web.name\n");
    Set<String> before = findings(assess(example, null));
    assertThat(findings(assess(copy, null)))
        .doesNotContain(
            "REL-LB-HEALTH-CHECK aws_autoscaling_group.web",
            "REL-SCALING-NO-POLICY aws_autoscaling_group.web")
        .isSubsetOf(before);
  }

  @Test
  void terraformTimeoutLiteralIsLoweredBelowTheIntegrationTimeout() throws Exception {
    Path example = Path.of("src/test/resources/rules/REL-LAMBDA-TIMEOUT-GE-APIGW/terraform/fail");
    Path original = copy(example, tmp.resolve("original"));
    Path tf = original.resolve("main.tf");
    Files.writeString(
        tf,
        Files.readString(tf)
            .replace(
                "timeout       = lookup(var.timeouts, \"checkout\", 3) # relplan:evidence",
                "timeout       = 30"));
    Path copy = copy(original, tmp.resolve("copy"));

    Generation g = generate(original, null, FixesGenerator::generate);
    apply(g, FixesGenerator.FOLDER, copy);

    assertThat(g.files().get(0).content())
        .contains("-  timeout       = 30\n+  timeout       = 28\n");
    assertThat(findings(assess(original, null)))
        .contains("REL-LAMBDA-TIMEOUT-GE-APIGW aws_lambda_function.checkout");
    assertThat(findings(assess(copy, null)))
        .doesNotContain("REL-LAMBDA-TIMEOUT-GE-APIGW aws_lambda_function.checkout")
        .isSubsetOf(findings(assess(original, null)));
  }

  @Test
  void terraformTimeoutFromAVariableIsLeftWithWhereItIsSet() throws Exception {
    Generation g = generate(Path.of("examples/terraform-shop"), null, FixesGenerator::generate);

    assertThat(g.notes())
        .anyMatch(
            n ->
                n.contains("aws_lambda_function.quote")
                    && n.contains("its timeout is set by an expression")
                    && n.contains("variables.tf:50")
                    && n.contains("make it 28 or less"));
  }

  @Test
  void setAttributeReplacesALiteralKeepingTheAlignmentOfItsEquals() throws Exception {
    HclFile hcl = TerraformFixes.read("main.tf", TF_ECS);
    Block service = TerraformFixes.resourceBlock(hcl, "aws_ecs_service", 5);

    UnifiedDiff.Insertion i = TerraformFixes.setAttribute(hcl, service, "desired_count", "2");

    assertThat(i).isEqualTo(new UnifiedDiff.Insertion(8, List.of("  desired_count   = 2"), 1));
  }

  @Test
  void setAttributeAddsAnAbsentAttributeBeforeTheClosingBrace() throws Exception {
    HclFile hcl = TerraformFixes.read("main.tf", TF_ECS);
    Block service = TerraformFixes.resourceBlock(hcl, "aws_ecs_service", 5);

    UnifiedDiff.Insertion i =
        TerraformFixes.setAttribute(hcl, service, "propagate_tags", "\"SERVICE\"");

    assertThat(i)
        .isEqualTo(new UnifiedDiff.Insertion(14, List.of("  propagate_tags = \"SERVICE\"")));
  }

  @Test
  void setAttributeLeavesAValueSetByAnExpression() throws Exception {
    HclFile hcl = TerraformFixes.read("main.tf", TF_ECS);
    Block service = TerraformFixes.resourceBlock(hcl, "aws_ecs_service", 5);

    assertThat(TerraformFixes.setAttribute(hcl, service, "cluster", "\"main\"")).isNull();
  }

  private Path write(String name, String text) throws Exception {
    Path dir = tmp.resolve("original");
    Files.createDirectories(dir.resolve(name).getParent());
    Files.writeString(dir.resolve(name), text);
    return dir;
  }

  private static String patch(Generation g, String file) {
    return g.files().stream()
        .filter(f -> f.path().equals(FixesGenerator.FOLDER + file + ".patch"))
        .findFirst()
        .orElseThrow()
        .content();
  }

  /** Findings without the line a Cannot Determine entry names, which added lines move. */
  private static Set<String> unlined(Set<String> findings) {
    Set<String> out = new TreeSet<>();
    for (String f : findings) {
      int colon = f.lastIndexOf(':');
      boolean numbered =
          f.startsWith("? ")
              && colon > 0
              && colon < f.length() - 1
              && f.substring(colon + 1).chars().allMatch(Character::isDigit);
      out.add(numbered ? f.substring(0, colon) : f);
    }
    return out;
  }
}
