package dev.relplan.iac.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.model.Alias;
import dev.relplan.model.Bucket;
import dev.relplan.model.ComputeGroup;
import dev.relplan.model.DnsRecord;
import dev.relplan.model.FileSystem;
import dev.relplan.model.Function;
import dev.relplan.model.Queue;
import dev.relplan.model.Resource;
import dev.relplan.model.Route;
import dev.relplan.model.Subscription;
import dev.relplan.model.Table;
import dev.relplan.model.TargetGroup;
import dev.relplan.model.Workload;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resources that configure other resources, and the relationships the Linker derives from them. */
class TerraformMappersTest {
  @TempDir Path dir;

  private Workload model(String tf) throws IOException {
    Files.writeString(dir.resolve("main.tf"), tf);
    return Pipeline.run(new Pipeline.Request(List.of(dir), "t", Context.defaults(), List.of()))
        .workload();
  }

  private static <T extends Resource> T get(Workload w, Class<T> type, String id) {
    return w.all(type).stream()
        .filter(r -> r.id.equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError(id));
  }

  @Test
  void separateConfigurationResourcesConfigureTheirTarget() throws IOException {
    Workload w =
        model(
            """
        resource "aws_s3_bucket" "data" {
          bucket = "data"
        }
        resource "aws_s3_bucket_versioning" "data" {
          bucket = aws_s3_bucket.data.id
          versioning_configuration {
            status = "Enabled"
          }
        }
        resource "aws_s3_bucket_replication_configuration" "data" {
          bucket = aws_s3_bucket.data.id
          role   = "arn:aws:iam::1:role/r"
          rule {
            status = "Enabled"
            destination {
              bucket = "arn:aws:s3:::data-replica"
            }
          }
        }
        resource "aws_efs_file_system" "shared" {}
        resource "aws_efs_backup_policy" "shared" {
          file_system_id = aws_efs_file_system.shared.id
          backup_policy {
            status = "ENABLED"
          }
        }
        resource "aws_sqs_queue" "dlq" {}
        resource "aws_sqs_queue" "work" {}
        resource "aws_sqs_queue_redrive_policy" "work" {
          queue_url      = aws_sqs_queue.work.id
          redrive_policy = jsonencode({ deadLetterTargetArn = aws_sqs_queue.dlq.arn, maxReceiveCount = 3 })
        }
        resource "aws_dynamodb_table" "t" {
          name     = "t"
          hash_key = "id"
        }
        """);
    Bucket b = get(w, Bucket.class, "aws_s3_bucket.data");
    assertThat(b.versioning.get()).isEqualTo("Enabled");
    assertThat(b.replicationDestinations.get()).containsExactly("arn:aws:s3:::data-replica");
    assertThat(get(w, FileSystem.class, "aws_efs_file_system.shared").backupPolicy.get())
        .isEqualTo("ENABLED");
    Queue work = get(w, Queue.class, "aws_sqs_queue.work");
    assertThat(work.maxReceiveCount.get()).isEqualTo(3);
    assertThat(get(w, Queue.class, "aws_sqs_queue.dlq").deadLetterSources).containsExactly(work);
    Table t = get(w, Table.class, "aws_dynamodb_table.t");
    assertThat(t.billingMode.get()).isEqualTo("PROVISIONED");
    assertThat(t.pointInTimeRecovery.isFalse()).isTrue();
  }

  @Test
  void redrivePolicyWrittenAsJsonTextStillFollowsTheReference() throws IOException {
    Workload w =
        model(
            """
        resource "aws_sqs_queue" "dlq" {}
        resource "aws_sqs_queue" "heredoc" {
          redrive_policy = <<-EOF
            {
              "deadLetterTargetArn": "${aws_sqs_queue.dlq.arn}",
              "maxReceiveCount": 4
            }
          EOF
        }
        resource "aws_sqs_queue" "inline" {
          redrive_policy = "{\\"deadLetterTargetArn\\":\\"${aws_sqs_queue.dlq.arn}\\",\\"maxReceiveCount\\":2}"
        }
        """);
    Queue dlq = get(w, Queue.class, "aws_sqs_queue.dlq");
    assertThat(dlq.deadLetterSources)
        .extracting(r -> r.id)
        .containsExactlyInAnyOrder("aws_sqs_queue.heredoc", "aws_sqs_queue.inline");
    assertThat(get(w, Queue.class, "aws_sqs_queue.heredoc").maxReceiveCount.get()).isEqualTo(4);
    assertThat(get(w, Queue.class, "aws_sqs_queue.inline").maxReceiveCount.get()).isEqualTo(2);
  }

  @Test
  void lambdaRelationships() throws IOException {
    Workload w =
        model(
            """
        resource "aws_lambda_function" "api" {
          function_name = "api"
        }
        resource "aws_lambda_alias" "live" {
          name          = "live"
          function_name = aws_lambda_function.api.function_name
        }
        resource "aws_lambda_provisioned_concurrency_config" "live" {
          function_name                     = aws_lambda_alias.live.function_name
          qualifier                         = aws_lambda_alias.live.name
          provisioned_concurrent_executions = 5
        }
        resource "aws_lb_target_group" "api" {
          target_type = "lambda"
        }
        resource "aws_lb_target_group_attachment" "api" {
          target_group_arn = aws_lb_target_group.api.arn
          target_id        = aws_lambda_function.api.arn
        }
        resource "aws_sns_topic" "events" {}
        resource "aws_lambda_function" "consumer" {
          function_name = "consumer"
          timeout       = 10
        }
        resource "aws_sns_topic_subscription" "consumer" {
          topic_arn = aws_sns_topic.events.arn
          protocol  = "lambda"
          endpoint  = aws_lambda_function.consumer.arn
        }
        resource "aws_sqs_queue" "failed" {}
        resource "aws_lambda_function_event_invoke_config" "consumer" {
          function_name = aws_lambda_function.consumer.function_name
          destination_config {
            on_failure {
              destination = aws_sqs_queue.failed.arn
            }
          }
        }
        """);
    Function api = get(w, Function.class, "aws_lambda_function.api");
    assertThat(api.timeoutSeconds.get()).isEqualTo(3);
    assertThat(api.reservedConcurrency.present()).isFalse();
    assertThat(api.triggers).anyMatch(t -> t.kind().equals("ALB"));
    assertThat(get(w, Alias.class, "aws_lambda_alias.live").provisionedConcurrency.get())
        .isEqualTo(5);
    assertThat(get(w, TargetGroup.class, "aws_lb_target_group.api").healthCheckEnabled.isFalse())
        .isTrue();
    Function consumer = get(w, Function.class, "aws_lambda_function.consumer");
    assertThat(consumer.invokedAsynchronously()).isTrue();
    assertThat(consumer.onFailureDestination.present()).isTrue();
    assertThat(w.all(Subscription.class)).hasSize(1);
  }

  @Test
  void routingAndDnsAndScaling() throws IOException {
    Workload w =
        model(
            """
        resource "aws_nat_gateway" "a" {
          subnet_id = "subnet-1"
        }
        resource "aws_route_table" "private" {
          vpc_id = "vpc-1"
          route {
            cidr_block     = "0.0.0.0/0"
            nat_gateway_id = aws_nat_gateway.a.id
          }
        }
        resource "aws_route53_record" "primary" {
          zone_id         = "Z1"
          name            = "shop.example.com"
          type            = "A"
          set_identifier  = "primary"
          health_check_id = aws_route53_health_check.primary.id
          failover_routing_policy {
            type = "PRIMARY"
          }
          alias {
            name                   = "lb.example.com"
            zone_id                = "Z2"
            evaluate_target_health = true
          }
        }
        resource "aws_route53_health_check" "primary" {
          type = "HTTPS"
        }
        resource "aws_autoscaling_group" "web" {
          min_size = 1
          max_size = 3
          instance_refresh {
            strategy = "Rolling"
          }
          tag {
            key                 = "Environment"
            value               = "staging"
            propagate_at_launch = true
          }
        }
        resource "aws_autoscaling_policy" "web" {
          autoscaling_group_name = aws_autoscaling_group.web.name
          policy_type            = "TargetTrackingScaling"
        }
        """);
    Route r = get(w, Route.class, "aws_route_table.private.route[0]");
    assertThat(w.resolve(r.natGateway.get())).isNotNull();
    assertThat(w.resolve(r.routeTable.get())).isNotNull();
    DnsRecord d = get(w, DnsRecord.class, "aws_route53_record.primary");
    assertThat(d.routingPolicy).isEqualTo("FAILOVER");
    assertThat(d.failover.get()).isEqualTo("PRIMARY");
    assertThat(d.evaluateTargetHealth.isTrue()).isTrue();
    ComputeGroup g = get(w, ComputeGroup.class, "aws_autoscaling_group.web");
    assertThat(g.healthCheckType.get()).isEqualTo("EC2");
    assertThat(g.scalingPolicies).hasSize(1);
    assertThat(g.updatePolicy.get()).isEqualTo("ROLLING");
    assertThat(g.environment.get()).isEqualTo("staging");
  }
}
