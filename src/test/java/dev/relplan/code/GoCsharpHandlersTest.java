package dev.relplan.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.model.EventHandler;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQS-triggered Go and .NET functions linked to their handler code, with and without idempotency.
 */
class GoCsharpHandlersTest {
  private static final String TEMPLATE =
      """
      AWSTemplateFormatVersion: "2010-09-09"
      Transform: AWS::Serverless-2016-10-31
      Resources:
        Orders:
          Type: AWS::SQS::Queue
        GoConsumer:
          Type: AWS::Serverless::Function
          Properties:
            Runtime: provided.al2023
            CodeUri: ../src/go-consumer
            Handler: bootstrap
            Events:
              Orders:
                Type: SQS
                Properties:
                  Queue: !GetAtt Orders.Arn
        DotnetConsumer:
          Type: AWS::Serverless::Function
          Properties:
            Runtime: dotnet8
            CodeUri: ../src/Billing
            Handler: Billing::Billing.Function::Handler
            Events:
              Orders:
                Type: SQS
                Properties:
                  Queue: !GetAtt Orders.Arn
      """;

  private static Pipeline.Result run(Path dir) throws Exception {
    return Pipeline.run(new Pipeline.Request(List.of(dir), "t", Context.defaults(), List.of()));
  }

  private static void write(Path dir, String go, String cs) throws Exception {
    Files.createDirectories(dir.resolve("infra"));
    Files.createDirectories(dir.resolve("src/go-consumer"));
    Files.createDirectories(dir.resolve("src/Billing"));
    Files.writeString(dir.resolve("infra/template.yaml"), TEMPLATE);
    Files.writeString(dir.resolve("src/go-consumer/main.go"), go);
    Files.writeString(dir.resolve("src/Billing/Function.cs"), cs);
  }

  @Test
  void handlersWithoutIdempotencyAreFindings(@TempDir Path dir) throws Exception {
    write(
        dir,
        """
        package main

        import (
        	"context"

        	"github.com/aws/aws-lambda-go/events"
        	"github.com/aws/aws-lambda-go/lambda"
        )

        func handle(ctx context.Context, e events.SQSEvent) error {
        	return nil
        }

        func main() {
        	lambda.Start(handle)
        }
        """,
        """
        namespace Billing;
        public class Function
        {
            public async Task Handler(SQSEvent evnt, ILambdaContext context) { await Task.CompletedTask; }
        }
        """);
    Pipeline.Result r = run(dir);
    List<EventHandler> found =
        r.workload().eventHandlers.stream()
            .sorted(Comparator.comparing(h -> h.location.toString()))
            .toList();
    assertThat(found)
        .extracting(h -> h.location.toString())
        .containsExactly("src/Billing/Function.cs:4", "src/go-consumer/main.go:10");
    assertThat(found).allMatch(h -> h.idempotency.known() && !h.idempotency.present());
    assertThat(
            r.assessment().findings().stream()
                .filter(
                    f -> f.finding().rule().id().equals("REL-CODE-EVENT-HANDLER-NO-IDEMPOTENCY")))
        .extracting(f -> f.finding().evidence().get(0).toString())
        .containsExactlyInAnyOrder("src/Billing/Function.cs:4", "src/go-consumer/main.go:10");
    // The Go function's setting names its executable (bootstrap); the handler is named by the
    // function lambda.Start runs.
    assertThat(found).extracting(h -> h.id).contains("handle:10");
  }

  @Test
  void conditionalWritesAndPowertoolsIdempotencyAreRecognised(@TempDir Path dir) throws Exception {
    write(
        dir,
        """
        package main

        import (
        	"context"

        	"github.com/aws/aws-lambda-go/events"
        	"github.com/aws/aws-lambda-go/lambda"
        	"github.com/aws/aws-sdk-go-v2/aws"
        	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
        )

        var db *dynamodb.Client

        func main() {
        	lambda.Start(func(ctx context.Context, e events.SQSEvent) error {
        		_, err := db.PutItem(ctx, &dynamodb.PutItemInput{
        			TableName:           aws.String("processed"),
        			ConditionExpression: aws.String("attribute_not_exists(pk)"),
        		})
        		return err
        	})
        }
        """,
        """
        using AWS.Lambda.Powertools.Idempotency;
        namespace Billing;
        public class Function
        {
            [Idempotent]
            public async Task Handler(SQSEvent evnt, ILambdaContext context) { await Task.CompletedTask; }
        }
        """);
    Pipeline.Result r = run(dir);
    List<EventHandler> found =
        r.workload().eventHandlers.stream()
            .sorted(Comparator.comparing(h -> h.location.toString()))
            .toList();
    assertThat(found)
        .extracting(h -> h.location.toString())
        .containsExactly("src/Billing/Function.cs:6", "src/go-consumer/main.go:15");
    assertThat(found.get(0).idempotency.get()).isEqualTo("Powertools [Idempotent]");
    assertThat(found.get(1).idempotency.get()).startsWith("conditional write: ConditionExpression");
    assertThat(found.get(1).idempotency.trace())
        .extracting(Object::toString)
        .containsExactly("src/go-consumer/main.go:18");
    assertThat(
            r.assessment().findings().stream()
                .filter(
                    f -> f.finding().rule().id().equals("REL-CODE-EVENT-HANDLER-NO-IDEMPOTENCY")))
        .isEmpty();
  }
}
