package dev.relplan.iac.serverless;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.model.ApiStage;
import dev.relplan.model.CoverageGap;
import dev.relplan.model.EventSourceMapping;
import dev.relplan.model.Function;
import dev.relplan.model.Queue;
import dev.relplan.model.Resource;
import dev.relplan.model.UsagePlan;
import dev.relplan.model.Workload;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The resources section is CloudFormation in the service's stack: references resolve both ways. */
class ServerlessResourcesTest {
  @TempDir Path repo;

  static final String SERVICE =
      """
      service: orders
      provider:
        name: aws
        stage: prod
      functions:
        worker:
          handler: handler.main
          timeout: 40
          events:
            - sqs:
                arn: !GetAtt OrdersQueue.Arn
            - stream:
                arn:
                  Fn::GetAtt: [OrdersStream, Arn]
      resources:
        Resources:
          OrdersQueue:
            Type: AWS::SQS::Queue
            Properties:
              VisibilityTimeout: ${self:custom.visibility, 30}
          OrdersStream:
            Type: AWS::Kinesis::Stream
            Properties:
              ShardCount: 1
          WorkerErrors:
            Type: AWS::CloudWatch::Alarm
            Properties:
              Dimensions:
                - Name: FunctionName
                  Value: !Ref WorkerLambdaFunction
      """;

  private Workload run(String service) throws IOException {
    Files.writeString(repo.resolve("serverless.yml"), service);
    return Pipeline.run(new Pipeline.Request(List.of(repo), "t", Context.defaults(), List.of()))
        .workload();
  }

  private static <T extends Resource> T one(Workload w, Class<T> type, String id) {
    return w.all(type).stream().filter(r -> r.id.equals(id)).findFirst().orElseThrow();
  }

  @Test
  void aQueueInResourcesIsTheSourceOfTheSqsEvent() throws IOException {
    Workload w = run(SERVICE);
    EventSourceMapping m =
        one(w, EventSourceMapping.class, "WorkerEventSourceMappingSQSOrdersQueue");
    assertThat(w.resolve(m.source.get())).isSameAs(one(w, Queue.class, "OrdersQueue"));
  }

  @Test
  void aStreamInResourcesDecidesTheKindOfTheMapping() throws IOException {
    Workload w = run(SERVICE);
    EventSourceMapping m =
        w.all(EventSourceMapping.class).stream()
            .filter(e -> e.id.contains("OrdersStream"))
            .findFirst()
            .orElseThrow();
    assertThat(m.sourceKind).isEqualTo("KINESIS");
  }

  @Test
  void resourcesReferToFunctionsByTheFrameworksLogicalIds() throws IOException {
    Workload w = run(SERVICE);
    Resource alarm =
        w.resources().stream().filter(r -> r.id.equals("WorkerErrors")).findFirst().orElseThrow();
    assertThat(alarm.references).contains(one(w, Function.class, "WorkerLambdaFunction").ref());
  }

  @Test
  void variablesInResourcesAreResolvedBeforeCloudFormationReadsThem() throws IOException {
    Queue q = one(run(SERVICE), Queue.class, "OrdersQueue");
    assertThat(q.visibilityTimeout.get()).isEqualTo(30);
    assertThat(q.location.file()).isEqualTo("serverless.yml");
    assertThat(q.environment.get()).isEqualTo("prod");
  }

  @Test
  void resourcesIncludedFromAnotherFileAreACoverageGap() throws IOException {
    Workload w =
        run(
            """
            service: orders
            provider:
              name: aws
            resources:
              - ${file(resources/queues.yml)}
            """);
    assertThat(w.coverageGaps)
        .extracting(CoverageGap::kind)
        .containsExactly(CoverageGap.Kind.INCLUDED_FILE);
  }

  @Test
  void theProvidersUsagePlanThrottlesTheRestApi() throws IOException {
    Workload w =
        run(
            """
            service: images
            provider:
              name: aws
              apiGateway:
                usagePlan:
                  throttle:
                    rateLimit: 50
            functions:
              resize:
                handler: handler.resize
                events:
                  - http: GET resize
            """);
    UsagePlan u = one(w, UsagePlan.class, "ApiGatewayUsagePlan");
    assertThat(u.throttleRate.get()).isEqualTo(50.0);
    assertThat(u.apis.get())
        .containsExactly(one(w, ApiStage.class, "ApiGatewayDeployment").api.get());
  }
}
