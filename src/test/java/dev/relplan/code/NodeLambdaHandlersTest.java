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

/**
 * Node.js functions linked to their handler code: .js/.mjs/.cjs/.ts modules, and what happens when
 * the code is not there.
 */
class NodeLambdaHandlersTest {
  private static final String TEMPLATE =
      """
      AWSTemplateFormatVersion: "2010-09-09"
      Transform: AWS::Serverless-2016-10-31
      Globals:
        Function:
          Runtime: nodejs20.x
      Resources:
        Orders:
          Type: AWS::SQS::Queue
        Consumer:
          Type: AWS::Serverless::Function
          Properties:
            CodeUri: %s
            Handler: %s
            Events:
              Orders:
                Type: SQS
                Properties:
                  Queue: !GetAtt Orders.Arn
      """;

  private static List<EventHandler> handlers(Path dir) throws Exception {
    return Pipeline.run(new Pipeline.Request(List.of(dir), "t", Context.defaults(), List.of()))
        .workload()
        .eventHandlers;
  }

  @Test
  void aCommonJsHandlerInASubdirectoryIsLinked(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("template.yaml"), TEMPLATE.formatted("functions/orders/", "lib/index.consume"));
    Files.createDirectories(dir.resolve("functions/orders/lib"));
    Files.writeString(
        dir.resolve("functions/orders/lib/index.cjs"),
        """
        const { DynamoDBClient, PutItemCommand } = require('@aws-sdk/client-dynamodb');
        const ddb = new DynamoDBClient({});
        module.exports.consume = async (event) => {
          for (const r of event.Records) {
            await ddb.send(new PutItemCommand({ TableName: 'orders', Item: {}, ConditionExpression: 'attribute_not_exists(pk)' }));
          }
        };
        """);
    List<EventHandler> found = handlers(dir);
    assertThat(found).hasSize(1);
    assertThat(found.get(0).location.toString()).isEqualTo("functions/orders/lib/index.cjs:3");
    assertThat(found.get(0).idempotency.get())
        .startsWith("conditional write: PutItemCommand(ConditionExpression:");
  }

  @Test
  void aMissingHandlerFileOrExportCannotBeDetermined(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("template.yaml"), TEMPLATE.formatted("src/", "app.handler"));
    List<EventHandler> missing = handlers(dir);
    assertThat(missing.get(0).idempotency.unresolved()).isTrue();
    assertThat(missing.get(0).idempotency.note())
        .contains("src/app.js (or .mjs, .cjs, .ts) is not in the scanned paths");
    Files.createDirectories(dir.resolve("src"));
    Files.writeString(
        dir.resolve("src/app.ts"), "export const other = async (): Promise<void> => {};\n");
    List<EventHandler> noExport = handlers(dir);
    assertThat(noExport.get(0).idempotency.note())
        .contains("no exported function handler in src/app.ts");
  }

  @Test
  void aTerraformNodeFunctionIsLinkedThroughItsArchiveSource(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("main.tf"),
        """
        resource "aws_sqs_queue" "q" {
          name = "orders"
        }
        resource "aws_lambda_event_source_mapping" "m" {
          event_source_arn = aws_sqs_queue.q.arn
          function_name    = aws_lambda_function.f.arn
        }
        data "archive_file" "f" {
          type        = "zip"
          source_dir  = "${path.module}/notifier"
          output_path = "${path.module}/notifier.zip"
        }
        resource "aws_lambda_function" "f" {
          function_name = "notifier"
          role          = "r"
          runtime       = "nodejs20.x"
          handler       = "index.handler"
          filename      = data.archive_file.f.output_path
        }
        """);
    Files.createDirectories(dir.resolve("notifier"));
    Files.writeString(
        dir.resolve("notifier/index.mjs"),
        """
        import { makeHandlerIdempotent } from '@aws-lambda-powertools/idempotency/middleware';
        import middy from '@middy/core';
        const send = async (event) => event;
        export const handler = middy(send).use(makeHandlerIdempotent({ persistenceStore: undefined }));
        """);
    List<EventHandler> found = handlers(dir);
    assertThat(found).hasSize(1);
    assertThat(found.get(0).location.toString()).isEqualTo("notifier/index.mjs:4");
    assertThat(found.get(0).idempotency.get()).startsWith("Powertools makeHandlerIdempotent(");
  }
}
