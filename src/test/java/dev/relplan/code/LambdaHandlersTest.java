package dev.relplan.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.Pipeline;
import dev.relplan.model.EventHandler;
import dev.relplan.rules.Context;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Event-consuming functions linked to their handler code through Handler and CodeUri. */
class LambdaHandlersTest {
  private static List<EventHandler> handlers(Path dir) throws Exception {
    return Pipeline.run(new Pipeline.Request(List.of(dir), "t", Context.defaults(), List.of())).workload().eventHandlers;
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
    Files.writeString(dir.resolve("infra/template.yaml"), """
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
    Files.writeString(dir.resolve("src/consumer/handlers/orders.py"), "def handle(event, context):\n    return None\n");
    List<EventHandler> found = handlers(dir);
    assertThat(found).hasSize(1);
    EventHandler h = found.get(0);
    assertThat(h.location.toString()).isEqualTo("src/consumer/handlers/orders.py:1");
    assertThat(h.functionLocation.toString()).isEqualTo("infra/template.yaml:9");
    assertThat(h.idempotency.get()).isEqualTo("FIFO queue Orders (deduplication)");
  }
}
