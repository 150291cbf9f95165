package dev.relplan.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.model.CodeOwners;
import dev.relplan.model.Function;
import dev.relplan.model.Integration;
import dev.relplan.model.Workload;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Given several paths, each root's function owns its own root's code: files are then named by
 * absolute paths, and a function's code folder must stay absolute to match them (it once lost its
 * leading slash, so no call had an owner and no deadline was known).
 */
class SeveralRootsOwnersTest {
  @TempDir Path dir;

  private Path service(String name, int timeout) throws Exception {
    Path root = Files.createDirectories(dir.resolve(name));
    Files.writeString(
        root.resolve("template.yaml"),
        """
        AWSTemplateFormatVersion: "2010-09-09"
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              CodeUri: src/
              Timeout: %d
              Events:
                Jobs:
                  Type: SQS
                  Properties:
                    Queue: !GetAtt Jobs.Arn
          Jobs:
            Type: AWS::SQS::Queue
        """
            .formatted(timeout));
    Files.createDirectories(root.resolve("src"));
    Files.writeString(
        root.resolve("src/app.py"),
        """
        import requests

        def handler(event, context):
            return requests.get("https://example.com/rates", timeout=2).json()
        """);
    return root;
  }

  @Test
  void eachRootsFunctionOwnsItsOwnRootsCode() throws Exception {
    Path orders = service("orders", 10);
    Path billing = service("billing", 20);
    Workload w =
        Pipeline.run(
                new Pipeline.Request(List.of(orders, billing), "t", Context.defaults(), List.of()))
            .workload();
    CodeOwners owners = CodeOwners.of(w);
    assertThat(w.integrations).hasSize(2);
    for (Integration i : w.integrations) {
      Function owner = owners.owner(i.location.file(), i.enclosing);
      assertThat(owner).isNotNull();
      assertThat(owner.location.file()).startsWith(i.location.file().replace("src/app.py", ""));
    }
    // Each function's handler is found in its own root's code.
    assertThat(w.eventHandlers)
        .extracting(h -> h.location.file())
        .containsExactlyInAnyOrder(
            orders.resolve("src/app.py").toString(), billing.resolve("src/app.py").toString());
  }
}
