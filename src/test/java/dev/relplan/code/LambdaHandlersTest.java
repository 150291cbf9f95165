package dev.relplan.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.model.EventHandler;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Event-consuming functions linked to their handler code through Handler and CodeUri. */
class LambdaHandlersTest {
  private static List<EventHandler> handlers(Path dir) throws Exception {
    return Pipeline.run(new Pipeline.Request(List.of(dir), "t", Context.defaults(), List.of()))
        .workload()
        .eventHandlers;
  }

  @Test
  void pathsAreNormalisedRelativeToTheTemplate() {
    assertThat(LambdaHandlers.normalize("infra/../src/./consumer/")).isEqualTo("src/consumer");
    assertThat(LambdaHandlers.normalize("../shared/app.py")).isEqualTo("../shared/app.py");
  }

  @Test
  void aFifoQueueSourceCountsAsDeduplication(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("infra"));
    Files.createDirectories(dir.resolve("src/consumer"));
    Files.writeString(
        dir.resolve("infra/template.yaml"),
        """
        AWSTemplateFormatVersion: "2010-09-09"
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Orders:
            Type: AWS::SQS::Queue
            Properties:
              FifoQueue: true
              ContentBasedDeduplication: true
          Consumer:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              CodeUri: ../src/consumer
              Handler: handlers.orders.handle
              Events:
                Orders:
                  Type: SQS
                  Properties:
                    Queue: !GetAtt Orders.Arn
        """);
    Files.createDirectories(dir.resolve("src/consumer/handlers"));
    Files.writeString(
        dir.resolve("src/consumer/handlers/orders.py"),
        "def handle(event, context):\n    return None\n");
    List<EventHandler> found = handlers(dir);
    assertThat(found).hasSize(1);
    EventHandler h = found.get(0);
    assertThat(h.location.toString()).isEqualTo("src/consumer/handlers/orders.py:1");
    assertThat(h.functionLocation.toString()).isEqualTo("infra/template.yaml:9");
    assertThat(h.idempotency.get()).isEqualTo("FIFO queue Orders (deduplication)");
  }

  @Test
  void aSamFunctionNamingNoCodeUriOwnsItsTemplatesFolder(@TempDir Path dir) throws Exception {
    write(
        dir,
        "app/template.yaml",
        """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Orders:
            Type: AWS::SQS::Queue
          Consumer:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: nodejs20.x
              Handler: src/consumer.handler
              Events:
                Orders:
                  Type: SQS
                  Properties:
                    Queue: !GetAtt Orders.Arn
        """);
    write(dir, "app/src/consumer.js", "exports.handler = async (event) => {};\n");
    List<EventHandler> found = handlers(dir);
    assertThat(found)
        .extracting(h -> h.location.toString())
        .containsExactly("app/src/consumer.js:1");
  }

  @Test
  void aSamImageFunctionNamingNoCodeUriOwnsNoFolder(@TempDir Path dir) throws Exception {
    write(
        dir,
        "app/template.yaml",
        """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Orders:
            Type: AWS::SQS::Queue
          Consumer:
            Type: AWS::Serverless::Function
            Properties:
              PackageType: Image
              Events:
                Orders:
                  Type: SQS
                  Properties:
                    Queue: !GetAtt Orders.Arn
        """);
    write(dir, "app/src/consumer.js", "exports.handler = async (event) => {};\n");
    assertThat(handlers(dir))
        .extracting(h -> h.location.toString())
        .containsExactly("app/template.yaml:5");
  }

  private static void write(Path dir, String file, String content) throws Exception {
    Path p = dir.resolve(file);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  private static final String QUEUE_AND_MAPPING =
      """
      resource "aws_sqs_queue" "q" {
        name = "q"
      }
      resource "aws_lambda_event_source_mapping" "m" {
        event_source_arn = aws_sqs_queue.q.arn
        function_name    = aws_lambda_function.f.arn
      }
      """;

  @Test
  void terraformFunctionsAreLinkedThroughTheirArchiveSource(@TempDir Path dir) throws Exception {
    // A relative source_file is relative to the root module's folder, where Terraform runs.
    write(
        dir,
        "deploy/main.tf",
        QUEUE_AND_MAPPING
            + """
        data "archive_file" "f" {
          type        = "zip"
          source_file = "../lambda/consumer/app.py"
          output_path = "out/f.zip"
        }
        resource "aws_lambda_function" "f" {
          function_name = "f"
          role          = "r"
          runtime       = "python3.12"
          handler       = "app.handler"
          filename      = data.archive_file.f.output_path
        }
        """);
    write(
        dir,
        "lambda/consumer/app.py",
        "import json\n\n\ndef handler(event, context):\n    return None\n");
    List<EventHandler> found = handlers(dir);
    assertThat(found).hasSize(1);
    assertThat(found.get(0).location.toString()).isEqualTo("lambda/consumer/app.py:4");
    assertThat(found.get(0).idempotency.known()).isTrue();
  }

  @Test
  void aJavaFunctionDeployedFromAnS3ObjectIsFollowedToItsSource(@TempDir Path dir)
      throws Exception {
    write(
        dir,
        "main.tf",
        QUEUE_AND_MAPPING
            + """
        data "archive_file" "f" {
          type        = "zip"
          source_dir  = "${path.module}/billing"
          output_path = "${path.module}/billing.zip"
        }
        resource "aws_s3_object" "code" {
          bucket = "artifacts"
          key    = "billing.zip"
          source = data.archive_file.f.output_path
        }
        resource "aws_lambda_function" "f" {
          function_name = "f"
          role          = "r"
          runtime       = "java21"
          handler       = "com.example.Billing::handle"
          s3_bucket     = "artifacts"
          s3_key        = aws_s3_object.code.key
        }
        """);
    write(
        dir,
        "billing/src/main/java/com/example/Billing.java",
        """
        package com.example;

        public class Billing {
          public void handle(Object event, Object context) {
          }
        }
        """);
    List<EventHandler> found = handlers(dir);
    assertThat(found).hasSize(1);
    assertThat(found.get(0).location.toString())
        .isEqualTo("billing/src/main/java/com/example/Billing.java:4");
  }

  @Test
  void anArchiveBuiltOutsideTerraformLeavesTheHandlerUndetermined(@TempDir Path dir)
      throws Exception {
    write(
        dir,
        "main.tf",
        QUEUE_AND_MAPPING
            + """
        resource "aws_lambda_function" "f" {
          function_name = "f"
          role          = "r"
          runtime       = "python3.12"
          handler       = "app.handler"
          filename      = "build/consumer.zip"
        }
        """);
    List<EventHandler> found = handlers(dir);
    assertThat(found).hasSize(1);
    assertThat(found.get(0).idempotency.unresolved()).isTrue();
    assertThat(found.get(0).idempotency.note())
        .isEqualTo(
            "the function code archive (filename) is built outside Terraform, so its source folder is not known");
    assertThat(found.get(0).location.toString()).isEqualTo("main.tf:8");
  }
}
