package dev.relplan.iac.serverless;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.model.Function;
import dev.relplan.model.Integration;
import dev.relplan.model.Workload;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import dev.relplan.source.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AWS_MAX_ATTEMPTS and AWS_RETRY_MODE from provider.environment and a function's environment. */
class ServerlessRetryEnvironmentTest {
  @TempDir Path repo;

  private static final String SERVICE =
      """
      service: orders
      provider:
        name: aws
        runtime: python3.12
        environment:
          AWS_RETRY_MODE: standard
          AWS_MAX_ATTEMPTS: 4
      functions:
        shared:
          handler: shared.handler
        own:
          handler: own.handler
          environment:
            AWS_MAX_ATTEMPTS: 2
      """;

  private Workload run() throws IOException {
    Files.writeString(repo.resolve("serverless.yml"), SERVICE);
    Files.writeString(
        repo.resolve("own.py"),
        "import boto3\n"
            + "s3 = boto3.client('s3')\n"
            + "def handler(event, context):\n"
            + "    return s3.get_object(Bucket='b', Key='k')\n");
    return Pipeline.run(new Pipeline.Request(List.of(repo), "t", Context.defaults(), List.of()))
        .workload();
  }

  private static Function function(Workload w, String suffix) {
    return w.all(Function.class).stream()
        .filter(f -> f.id.toLowerCase().startsWith(suffix))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aFunctionWithoutItsOwnVariablesTakesTheProviders() throws IOException {
    Function shared = function(run(), "shared");
    assertThat(shared.sdkMaxAttempts.get()).isEqualTo(4);
    assertThat(shared.sdkMaxAttempts.trace()).containsExactly(new Location("serverless.yml", 7));
    assertThat(shared.sdkRetryMode.get()).isEqualTo("standard");
  }

  @Test
  void aFunctionsOwnVariableWinsOverTheProviders() throws IOException {
    Function own = function(run(), "own");
    assertThat(own.sdkMaxAttempts.get()).isEqualTo(2);
    assertThat(own.sdkMaxAttempts.trace()).containsExactly(new Location("serverless.yml", 14));
    assertThat(own.sdkRetryMode.get()).isEqualTo("standard");
  }

  @Test
  void theFunctionsVariableSetsTheAttemptsOfAnSdkClientInItsCode() throws IOException {
    Integration call =
        run().integrations.stream().filter(i -> i.client.equals("boto3")).findFirst().orElseThrow();
    assertThat(call.attempts.get()).isEqualTo(2);
    assertThat(call.attempts.trace()).containsExactly(new Location("serverless.yml", 14));
  }
}
