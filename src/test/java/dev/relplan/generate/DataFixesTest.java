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
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * generate fixes for data, recovery, network and asynchronous findings: cache replication,
 * on-demand DynamoDB capacity, backup retention, NAT gateways per zone and dead-letter queues.
 */
class DataFixesTest {
  @TempDir Path tmp;

  /** The findings after applying what was generated for the folder to a copy of it. */
  private Set<String> afterFixes(Path original) throws Exception {
    Path copy = copy(original, tmp.resolve("copy-" + original.getFileName()));
    apply(generate(original, null, FixesGenerator::generate), FixesGenerator.FOLDER, copy);
    return unlined(findings(assess(copy, null)));
  }

  private Path folder(String file, String text) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("original"));
    Files.writeString(dir.resolve(file), text);
    return dir;
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

  private void assertCleared(Path original, List<String> targeted) throws Exception {
    Set<String> before = unlined(findings(assess(original, null)));
    assertThat(before).containsAll(targeted);
    assertThat(afterFixes(original)).doesNotContainAnyElementsOf(targeted).isSubsetOf(before);
  }

  @Test
  void patchesOfOrdersPlatformClearItsDataFindingsAndAddNone() throws Exception {
    assertCleared(
        Path.of("examples", "orders-platform"),
        List.of(
            "REL-DYNAMODB-FIXED-CAPACITY IdempotencyTable",
            "REL-STATEFUL-NO-REPLICATION OrdersCache",
            "REL-ASYNC-NO-DLQ ShipmentNotifier",
            "REL-ASYNC-NO-DLQ ClickstreamMapping",
            "REL-ASYNC-NO-DLQ OrderStatusRule",
            "REL-NAT-SINGLE NatGateway"));
  }

  @Test
  void patchesOfTerraformShopClearItsDataFindingsAndAddNone() throws Exception {
    assertCleared(
        Path.of("examples", "terraform-shop"),
        List.of(
            "REL-BACKUP-SHORT-RETENTION aws_db_instance.orders",
            "REL-ASYNC-NO-DLQ aws_lambda_function.nightly_report",
            "REL-NAT-SINGLE module.vpc.aws_nat_gateway.this[0]"));
  }

  @Test
  void terraformMultiAzLiteralIsReplacedAndAbsentOneAddedClearingTheFindings() throws Exception {
    Path original =
        folder(
            "db.tf",
            """
            resource "aws_db_instance" "orders" {
              engine                  = "postgres"
              instance_class          = "db.t3.medium"
              allocated_storage       = 20
              multi_az                = false
              backup_retention_period = 7
            }

            resource "aws_db_instance" "reports" {
              engine                  = "mysql"
              instance_class          = "db.t3.small"
              allocated_storage       = 20
              backup_retention_period = 7
            }
            """);
    Generation g = generate(original, null, FixesGenerator::generate);

    assertThat(g.files().get(0).content())
        .contains("-  multi_az                = false\n+  multi_az                = true\n")
        .contains("+  multi_az = true\n");
    assertCleared(
        original,
        List.of(
            "REL-DB-SINGLE-AZ aws_db_instance.orders", "REL-DB-SINGLE-AZ aws_db_instance.reports"));
  }

  @Test
  void terraformMultiAzFromAVariableWithoutAValueFileIsLeftWithTheReason() throws Exception {
    Path original =
        folder(
            "db.tf",
            """
            variable "multi_az" {
              type    = bool
              default = false
            }

            resource "aws_db_instance" "orders" {
              engine                  = "postgres"
              instance_class          = "db.t3.medium"
              allocated_storage       = 20
              multi_az                = var.multi_az
              backup_retention_period = 7
            }
            """);

    Generation g = generate(original, null, FixesGenerator::generate);

    assertThat(g.files()).noneMatch(f -> f.path().endsWith(".patch"));
    assertThat(g.notes())
        .anyMatch(
            n ->
                n.contains("aws_db_instance.orders")
                    && n.contains("multi_az is set by an expression (var.multi_az)"));
  }

  @Test
  void cacheNodeCountFromAParameterIsLeftWithTheReason() throws Exception {
    Path original =
        folder(
            "template.yaml",
            """
            Parameters:
              Nodes:
                Type: Number
                Default: 1
            Resources:
              Cache:
                Type: AWS::ElastiCache::ReplicationGroup
                Properties:
                  ReplicationGroupDescription: cache
                  Engine: redis
                  CacheNodeType: cache.t4g.small
                  NumCacheClusters: !Ref Nodes
            """);

    Generation g = generate(original, null, FixesGenerator::generate);

    assertThat(g.files()).noneMatch(f -> f.path().endsWith(".patch"));
    assertThat(g.notes())
        .anyMatch(
            n -> n.contains("Cache") && n.contains("NumCacheClusters is set by an expression"));
  }

  /** A function behind a REST API reading the table: its capacity is on the request path. */
  static final String API_READING_THE_TABLE =
      """
            resource "aws_api_gateway_rest_api" "checkout" {
              name = "checkout"
            }

            resource "aws_lambda_function" "quote" {
              function_name = "quote"
              role          = "arn:aws:iam::111122223333:role/quote"
              runtime       = "nodejs20.x"
              handler       = "quote.handler"
              filename      = "build/quote.zip"
              timeout       = 10

              environment {
                variables = {
                  TABLE = aws_dynamodb_table.orders.name
                }
              }
            }

            resource "aws_api_gateway_resource" "quote" {
              rest_api_id = aws_api_gateway_rest_api.checkout.id
              parent_id   = aws_api_gateway_rest_api.checkout.root_resource_id
              path_part   = "quote"
            }

            resource "aws_api_gateway_method" "quote" {
              rest_api_id   = aws_api_gateway_rest_api.checkout.id
              resource_id   = aws_api_gateway_resource.quote.id
              http_method   = "POST"
              authorization = "NONE"
            }

            resource "aws_api_gateway_integration" "quote" {
              rest_api_id             = aws_api_gateway_rest_api.checkout.id
              resource_id             = aws_api_gateway_resource.quote.id
              http_method             = aws_api_gateway_method.quote.http_method
              integration_http_method = "POST"
              type                    = "AWS_PROXY"
              uri                     = aws_lambda_function.quote.invoke_arn
            }
            """;

  @Test
  void terraformProvisionedTableAndItsIndexesBecomeOnDemand() throws Exception {
    Files.createDirectories(tmp.resolve("original"));
    Files.writeString(tmp.resolve("original").resolve("api.tf"), API_READING_THE_TABLE);
    Path original =
        folder(
            "table.tf",
            """
            resource "aws_dynamodb_table" "orders" {
              name           = "orders"
              billing_mode   = "PROVISIONED"
              read_capacity  = 5
              write_capacity = 5
              hash_key       = "id"

              attribute {
                name = "id"
                type = "S"
              }

              attribute {
                name = "customer"
                type = "S"
              }

              global_secondary_index {
                name            = "by-customer"
                hash_key        = "customer"
                projection_type = "ALL"
                read_capacity   = 5
                write_capacity  = 5
              }

              point_in_time_recovery {
                enabled = true
              }
            }
            """);
    Generation g = generate(original, null, FixesGenerator::generate);

    assertThat(g.files().get(0).content())
        .contains("+  billing_mode   = \"PAY_PER_REQUEST\"")
        .contains("-  read_capacity  = 5\n-  write_capacity = 5\n")
        .contains("-    read_capacity   = 5\n-    write_capacity  = 5\n");
    assertCleared(original, List.of("REL-DYNAMODB-FIXED-CAPACITY aws_dynamodb_table.orders"));
  }

  @Test
  void templateBackupRetentionLiteralIsRaisedToSevenDays() throws Exception {
    Path original =
        folder(
            "template.yaml",
            """
            Resources:
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: postgres
                  DBInstanceClass: db.t3.medium
                  AllocatedStorage: "20"
                  MultiAZ: true
                  BackupRetentionPeriod: 3
            """);
    Generation g = generate(original, null, FixesGenerator::generate);

    assertThat(g.files().get(0).content())
        .contains("-      BackupRetentionPeriod: 3\n+      BackupRetentionPeriod: 7\n");
    assertCleared(original, List.of("REL-BACKUP-SHORT-RETENTION Db"));
  }

  @Test
  void newQueueAndPolicyNamesAvoidTakenNames() throws Exception {
    Path original =
        folder(
            "template.yaml",
            """
            Resources:
              Sink:
                Type: AWS::SQS::Queue
                Properties:
                  RedrivePolicy:
                    deadLetterTargetArn: !GetAtt RuleDeadLetterQueue.Arn
                    maxReceiveCount: 5
              RuleDeadLetterQueue:
                Type: AWS::SQS::Queue
              Rule:
                Type: AWS::Events::Rule
                Properties:
                  EventPattern:
                    source:
                      - orders
                  Targets:
                    - Id: sink
                      Arn: !GetAtt Sink.Arn
            """);
    Generation g = generate(original, null, FixesGenerator::generate);

    assertThat(g.files().get(0).content())
        .contains("+            Arn: !GetAtt RuleDeadLetterQueue2.Arn\n")
        .contains("+  RuleDeadLetterQueue2:\n")
        .contains("+  RuleDeadLetterQueue2Policy:\n")
        .contains("+              Service: events.amazonaws.com\n");
    assertCleared(original, List.of("REL-ASYNC-NO-DLQ Rule"));
  }

  @Test
  void functionWhoseRoleIsNotInTheTemplateIsLeftWithTheReason() throws Exception {
    Path original =
        folder(
            "template.yaml",
            """
            Resources:
              Topic:
                Type: AWS::SNS::Topic
              Worker:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  Role: arn:aws:iam::111122223333:role/worker
                  Code:
                    ZipFile: "def handler(e, c): pass"
              Subscription:
                Type: AWS::SNS::Subscription
                Properties:
                  TopicArn: !Ref Topic
                  Protocol: lambda
                  Endpoint: !GetAtt Worker.Arn
            """);

    Generation g = generate(original, null, FixesGenerator::generate);

    assertThat(g.notes())
        .anyMatch(
            n -> n.contains("Worker") && n.contains("is not an AWS::IAM::Role of this template"));
  }

  @Test
  void ruleExamplePatchesClearTheDeadLetterFindingsOfFunctionsRulesAndSubscriptions()
      throws Exception {
    assertCleared(
        Path.of("src/test/resources/rules/REL-ASYNC-NO-DLQ/cloudformation/fail"),
        List.of(
            "REL-ASYNC-NO-DLQ NotifyFunction",
            "REL-ASYNC-NO-DLQ ShipmentRule",
            "REL-ASYNC-NO-DLQ AuditSubscription"));
  }

  @Test
  void terraformStreamMappingRuleTargetAndSubscriptionGetQueuesAndTheirPermissions()
      throws Exception {
    Path original =
        folder(
            "async.tf",
            """
            resource "aws_iam_role" "worker" {
              name = "worker"
              assume_role_policy = jsonencode({
                Version   = "2012-10-17"
                Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }]
              })
            }

            resource "aws_kinesis_stream" "clicks" {
              name = "clicks"
              stream_mode_details {
                stream_mode = "ON_DEMAND"
              }
            }

            resource "aws_lambda_function" "worker" {
              function_name = "worker"
              role          = aws_iam_role.worker.arn
              runtime       = "python3.12"
              handler       = "app.handler"
              filename      = "build/worker.zip"
            }

            resource "aws_lambda_event_source_mapping" "clicks" {
              event_source_arn  = aws_kinesis_stream.clicks.arn
              function_name     = aws_lambda_function.worker.arn
              starting_position = "LATEST"
            }

            resource "aws_sns_topic" "orders" {
              name = "orders"
            }

            resource "aws_sqs_queue" "audit" {
              name = "audit"
              redrive_policy = jsonencode({
                deadLetterTargetArn = aws_sqs_queue.audit_dlq.arn
                maxReceiveCount     = 5
              })
            }

            resource "aws_sqs_queue" "audit_dlq" {
              name = "audit-dlq"
            }

            resource "aws_sns_topic_subscription" "audit" {
              topic_arn = aws_sns_topic.orders.arn
              protocol  = "sqs"
              endpoint  = aws_sqs_queue.audit.arn
            }

            resource "aws_cloudwatch_event_rule" "status" {
              name          = "status"
              event_pattern = jsonencode({ source = ["orders"] })
            }

            resource "aws_cloudwatch_event_target" "audit" {
              rule = aws_cloudwatch_event_rule.status.name
              arn  = aws_sqs_queue.audit.arn
            }
            """);
    Generation g = generate(original, null, FixesGenerator::generate);

    assertThat(g.files().get(0).content())
        .contains("+  role = aws_iam_role.worker.name\n")
        .contains("+      destination_arn = aws_sqs_queue.clicks_dlq.arn\n")
        .contains("+    deadLetterTargetArn = aws_sqs_queue.audit_dlq_2.arn\n")
        .contains("+      Principal = { Service = \"sns.amazonaws.com\" }\n")
        .contains("+    arn = aws_sqs_queue.status_dlq.arn\n");
    assertCleared(
        original,
        List.of(
            "REL-ASYNC-NO-DLQ aws_lambda_event_source_mapping.clicks",
            "REL-ASYNC-NO-DLQ aws_sns_topic_subscription.audit",
            "REL-ASYNC-NO-DLQ aws_cloudwatch_event_rule.status"));
  }
}
