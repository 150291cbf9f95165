package dev.relplan.generate;

import static dev.relplan.generate.GeneratedCopies.apply;
import static dev.relplan.generate.GeneratedCopies.assess;
import static dev.relplan.generate.GeneratedCopies.copy;
import static dev.relplan.generate.GeneratedCopies.findings;
import static dev.relplan.generate.GeneratedCopies.generate;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** generate fixes: Multi-AZ patches that git applies and that clear their findings. */
class FixesGeneratorTest {
  static final String TEMPLATE =
      """
      AWSTemplateFormatVersion: "2010-09-09"
      Resources:
        OrdersDb:
          Type: AWS::RDS::DBInstance
          Properties:
            Engine: postgres
            DBInstanceClass: db.t3.medium
            AllocatedStorage: "20"
            MultiAZ: false   # saves money
            BackupRetentionPeriod: 7
        ReportsDb:
          Type: AWS::RDS::DBInstance
          Properties:
            Engine: mysql
            DBInstanceClass: db.t3.small
            AllocatedStorage: "20"
            BackupRetentionPeriod: 7
      """;

  @TempDir Path tmp;

  @Test
  void multiAzPatchClearsTheSingleAzFindingsAndAddsNone() throws Exception {
    Path original = tmp.resolve("original");
    Files.createDirectories(original);
    Files.writeString(original.resolve("template.yaml"), TEMPLATE);
    Set<String> before = findings(assess(original, null));
    Path copy = copy(original, tmp.resolve("copy"));

    apply(generate(original, null, FixesGenerator::generate), FixesGenerator.FOLDER, copy);

    assertThat(before).contains("REL-DB-SINGLE-AZ OrdersDb", "REL-DB-SINGLE-AZ ReportsDb");
    assertThat(findings(assess(copy, null)))
        .doesNotContain("REL-DB-SINGLE-AZ OrdersDb", "REL-DB-SINGLE-AZ ReportsDb")
        .isSubsetOf(before);
  }

  @Test
  void literalFalseIsReplacedAndAbsentPropertyAdded() throws Exception {
    Path original = tmp.resolve("original");
    Files.createDirectories(original);
    Files.writeString(original.resolve("template.yaml"), TEMPLATE);

    Generation g = generate(original, null, FixesGenerator::generate);

    assertThat(g.files().get(0).content())
        .contains("-      MultiAZ: false   # saves money\n+      MultiAZ: true\n")
        .contains("     Properties:\n+      MultiAZ: true\n       Engine: mysql\n");
    assertThat(g.files().get(1).content()).contains("Cost: a standby instance");
  }

  @Test
  void multiAzFromAParameterIsLeftWithTheReason() throws Exception {
    Generation g =
        generate(
            Path.of("src/test/resources/rules/REL-DB-SINGLE-AZ/cloudformation/fail"),
            null,
            FixesGenerator::generate);

    assertThat(g.notes())
        .anyMatch(n -> n.contains("OrdersDb") && n.contains("MultiAZ is set by an expression"));
  }

  static final String QUEUES =
      """
      AWSTemplateFormatVersion: "2010-09-09"
      Parameters:
        Stage:
          Type: String
          Default: prod
      Conditions:
        InProduction: !Equals [!Ref Stage, prod]
      Resources:
        Orders:
          Type: AWS::SQS::Queue
        Payments:
          Type: AWS::SQS::Queue
          Condition: InProduction
          Properties:
            FifoQueue: true
            VisibilityTimeout: 60
        OrdersDeadLetterQueue2:
          Type: AWS::SNS::Topic
      """;

  @Test
  void deadLetterQueuePatchClearsTheQueueFindingOfTheRuleExampleAndAddsNone() throws Exception {
    Path example = Path.of("src/test/resources/rules/REL-ASYNC-NO-DLQ/cloudformation/fail");
    Set<String> before = findings(assess(example, null));
    Path copy = copy(example, tmp.resolve("copy"));

    apply(generate(example, null, FixesGenerator::generate), FixesGenerator.FOLDER, copy);

    assertThat(before).contains("REL-ASYNC-NO-DLQ OrdersQueue");
    assertThat(unlined(findings(assess(copy, null))))
        .doesNotContain("REL-ASYNC-NO-DLQ OrdersQueue")
        .isSubsetOf(unlined(before));
  }

  @Test
  void deadLetterQueueIsAddedWithTheQueuesTypeAndConditionAndPropertiesWhereThereWereNone()
      throws Exception {
    Path original = tmp.resolve("original");
    Files.createDirectories(original);
    Files.writeString(original.resolve("queues.yaml"), QUEUES);
    Path copy = copy(original, tmp.resolve("copy"));

    Generation g = generate(original, null, FixesGenerator::generate);
    apply(g, FixesGenerator.FOLDER, copy);

    assertThat(g.files().get(0).content())
        .contains(
            "     Type: AWS::SQS::Queue\n"
                + "+    Properties:\n"
                + "+      RedrivePolicy:\n"
                + "+        deadLetterTargetArn: !GetAtt OrdersDeadLetterQueue.Arn\n"
                + "+        maxReceiveCount: 5\n")
        .contains(
            "+  PaymentsDeadLetterQueue:\n"
                + "+    Type: AWS::SQS::Queue\n"
                + "+    Condition: InProduction\n"
                + "+    Properties:\n"
                + "+      FifoQueue: true\n"
                + "+      MessageRetentionPeriod: 1209600\n");
    assertThat(findings(assess(copy, null)))
        .noneMatch(f -> f.contains("REL-ASYNC-NO-DLQ"))
        .isSubsetOf(findings(assess(original, null)));
    assertThat(g.files().get(1).content()).contains("Cost: a second queue");
  }

  @Test
  void terraformDeadLetterQueuePatchClearsTheQueueFindingOfTheRuleExampleAndAddsNone()
      throws Exception {
    Path example = Path.of("src/test/resources/rules/REL-ASYNC-NO-DLQ/terraform/fail");
    Set<String> before = findings(assess(example, null));
    Path copy = copy(example, tmp.resolve("copy"));

    apply(generate(example, null, FixesGenerator::generate), FixesGenerator.FOLDER, copy);

    assertThat(before).contains("REL-ASYNC-NO-DLQ aws_sqs_queue.orders");
    assertThat(findings(assess(copy, null)))
        .doesNotContain("REL-ASYNC-NO-DLQ aws_sqs_queue.orders")
        .isSubsetOf(before);
  }

  @Test
  void terraformFifoQueueGetsAFifoDeadLetterQueueOfItsProviderAndCountedQueuesAreLeft()
      throws Exception {
    Path original = tmp.resolve("original");
    Files.createDirectories(original);
    Files.writeString(
        original.resolve("queues.tf"),
        """
        resource "aws_sqs_queue" "orders" {
          provider   = aws.west
          fifo_queue = true
        }

        resource "aws_sqs_queue" "shards" {
          count = 3
        }
        """);

    Generation g = generate(original, null, FixesGenerator::generate);

    assertThat(g.files().get(0).content())
        .contains(
            "+  redrive_policy = jsonencode({\n"
                + "+    deadLetterTargetArn = aws_sqs_queue.orders_dlq.arn\n"
                + "+    maxReceiveCount     = 5\n"
                + "+  })\n")
        .contains(
            "+resource \"aws_sqs_queue\" \"orders_dlq\" {\n"
                + "+  provider                  = aws.west\n"
                + "+  fifo_queue                = true\n"
                + "+  message_retention_seconds = 1209600\n"
                + "+}\n");
    assertThat(g.notes())
        .anyMatch(n -> n.contains("aws_sqs_queue.shards") && n.contains("count or for_each"));
  }

  @Test
  void patchesOfTheShippedExamplesClearTheirFindingsAndAddNone() throws Exception {
    Map<String, List<String>> targeted =
        Map.of(
            "orders-platform",
            List.of(
                "REL-ASYNC-NO-DLQ AuditQueue", "REL-LAMBDA-TIMEOUT-GE-APIGW LegacyExportFunction"),
            "terraform-shop",
            List.of("REL-ASYNC-NO-DLQ aws_sqs_queue.emails"),
            "k8s-shop",
            List.of(
                "REL-COMPUTE-FIXED Deployment/shop/orders-api",
                "REL-SCALING-NO-POLICY Deployment/shop/orders-api",
                "REL-DEPLOY-ALL-AT-ONCE Deployment/shop/orders-api",
                "REL-LB-HEALTH-CHECK Deployment/shop/orders-api"),
            "k8s-helm-shop",
            List.of(
                "REL-COMPUTE-FIXED Deployment/cart",
                "REL-SCALING-NO-POLICY Deployment/cart",
                "REL-DEPLOY-ALL-AT-ONCE Deployment/orders"),
            "k8s-platform",
            List.of(
                "REL-COMPUTE-FIXED Deployment/shop/catalog",
                "REL-SCALING-NO-POLICY Deployment/shop/catalog"));
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

  /**
   * Every shipped example, patched on a copy: each finding the README lists as fixed is gone on
   * re-assessment and no finding is added.
   */
  @Test
  void everyShippedExampleLosesTheFindingsItsPatchesFixAndGainsNone() throws Exception {
    List<Path> examples;
    try (java.util.stream.Stream<Path> dirs = Files.list(Path.of("examples"))) {
      examples = dirs.filter(Files::isDirectory).sorted().toList();
    }
    int fixedInAll = 0;
    for (Path original : examples) {
      String name = original.getFileName().toString();
      dev.relplan.assess.Assessment a = assess(original, null);
      Generation g = generate(original, null, FixesGenerator::generate);
      Set<String> fixed = new TreeSet<>();
      for (String line : g.files().get(g.files().size() - 1).content().split("\n")) {
        if (line.startsWith("## Files")) break;
        for (dev.relplan.assess.Assessment.NumberedFinding f : a.findings())
          if (line.startsWith("- " + f.id() + " "))
            fixed.add(f.finding().rule().id() + " " + f.finding().resource());
      }
      Set<String> before = unlined(findings(a));
      Path copy = copy(original, tmp.resolve(name));

      apply(g, FixesGenerator.FOLDER, copy);

      Set<String> after = unlined(findings(assess(copy, null)));
      assertThat(after).as(name).isSubsetOf(before);
      assertThat(fixed).as(name).allSatisfy(f -> assertThat(after).doesNotContain(f));
      fixedInAll += fixed.size();
    }
    assertThat(examples).hasSizeGreaterThanOrEqualTo(10);
    assertThat(fixedInAll).isGreaterThan(40);
  }

  @Test
  void terraformQueueWrittenAsAnEmptyOneLineBlockIsOpenedUpAroundItsPolicy() throws Exception {
    Path original = tmp.resolve("original");
    Files.createDirectories(original);
    Files.writeString(original.resolve("queue.tf"), "resource \"aws_sqs_queue\" \"jobs\" {}\n");
    Path copy = copy(original, tmp.resolve("copy"));

    Generation g = generate(original, null, FixesGenerator::generate);
    apply(g, FixesGenerator.FOLDER, copy);

    assertThat(g.files().get(0).content())
        .contains(
            "-resource \"aws_sqs_queue\" \"jobs\" {}\n"
                + "+resource \"aws_sqs_queue\" \"jobs\" {\n"
                + "+  redrive_policy = jsonencode({\n");
    assertThat(findings(assess(copy, null)))
        .noneMatch(f -> f.contains("REL-ASYNC-NO-DLQ"))
        .isSubsetOf(findings(assess(original, null)));
  }

  @Test
  void timeoutPatchClearsTheLiteralTimeoutFindingsOfTheRuleExample() throws Exception {
    Path example =
        Path.of("src/test/resources/rules/REL-LAMBDA-TIMEOUT-GE-APIGW/cloudformation/fail");
    Set<String> before = findings(assess(example, null));
    Path copy = copy(example, tmp.resolve("copy"));

    apply(generate(example, null, FixesGenerator::generate), FixesGenerator.FOLDER, copy);

    assertThat(before)
        .contains(
            "REL-LAMBDA-TIMEOUT-GE-APIGW ExportFunction",
            "REL-LAMBDA-TIMEOUT-GE-APIGW ReportsFunction",
            "REL-LAMBDA-TIMEOUT-GE-APIGW QuoteFunction");
    assertThat(findings(assess(copy, null)))
        .doesNotContain(
            "REL-LAMBDA-TIMEOUT-GE-APIGW ExportFunction",
            "REL-LAMBDA-TIMEOUT-GE-APIGW ReportsFunction",
            "REL-LAMBDA-TIMEOUT-GE-APIGW QuoteFunction")
        .isSubsetOf(before);
  }

  @Test
  void timeoutIsTheLargestWholeSecondBelowTheIntegrationTimeout() throws Exception {
    Generation g =
        generate(
            Path.of("src/test/resources/rules/REL-LAMBDA-TIMEOUT-GE-APIGW/cloudformation/fail"),
            null,
            FixesGenerator::generate);

    assertThat(g.files().get(0).content())
        .contains("-      Timeout: 30   # relplan:evidence\n+      Timeout: 29\n")
        .contains("-      Timeout: 29   # relplan:evidence\n+      Timeout: 28\n")
        .contains("-      Timeout: 15\n+      Timeout: 9\n");
  }

  @Test
  void timeoutFromGlobalsIsLeftWithWhereToChangeIt() throws Exception {
    Generation g =
        generate(
            Path.of("src/test/resources/rules/REL-LAMBDA-TIMEOUT-GE-APIGW/cloudformation/fail"),
            null,
            FixesGenerator::generate);

    assertThat(g.notes())
        .anyMatch(
            n ->
                n.contains("SearchFunction")
                    && n.contains("Globals (template.yaml:7)")
                    && n.contains("lower it there to 28"));
  }

  @Test
  void timeoutFromAParameterIsLeftWithWhereItsValueIsSet() throws Exception {
    Path original = tmp.resolve("original");
    Files.createDirectories(original);
    Files.writeString(
        original.resolve("api.yaml"),
        """
        AWSTemplateFormatVersion: "2010-09-09"
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          ApiTimeout:
            Type: Number
            Default: 45
        Resources:
          ApiFunction:
            Type: AWS::Serverless::Function
            Properties:
              Handler: api.handler
              Runtime: python3.12
              CodeUri: src
              Timeout: !Ref ApiTimeout
              Events:
                Get:
                  Type: Api
                  Properties:
                    Path: /
                    Method: get
        """);

    Generation g = generate(original, null, FixesGenerator::generate);

    assertThat(g.files())
        .noneMatch(f -> f.path().endsWith(".patch") && f.content().contains("Timeout"));
    assertThat(g.notes())
        .anyMatch(
            n ->
                n.contains("ApiFunction")
                    && n.contains("Timeout is set by an expression")
                    && n.contains("api.yaml:6")
                    && n.contains("make it 28 or less"));
  }

  @Test
  void queueInAJsonTemplateIsListedAsNotGenerated() throws Exception {
    Path original = tmp.resolve("original");
    Files.createDirectories(original);
    Files.writeString(
        original.resolve("queues.json"),
        """
        {"AWSTemplateFormatVersion": "2010-09-09",
         "Resources": {"Orders": {"Type": "AWS::SQS::Queue"}}}
        """);

    Generation g = generate(original, null, FixesGenerator::generate);

    assertThat(g.notes())
        .anyMatch(n -> n.contains("Orders") && n.contains("JSON templates are not edited yet"));
  }

  /**
   * Findings without the line a Cannot Determine entry names ("? RULE Function:58"), which the
   * lines a patch adds above it move.
   */
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
