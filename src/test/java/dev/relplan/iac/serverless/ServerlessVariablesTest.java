package dev.relplan.iac.serverless;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.model.Function;
import dev.relplan.model.Value;
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

/** Variables resolve from the file alone; the environment, other files and SSM are never read. */
class ServerlessVariablesTest {
  @TempDir Path repo;

  private Pipeline.Result run() throws IOException {
    return Pipeline.run(new Pipeline.Request(List.of(repo), "t", Context.defaults(), List.of()));
  }

  private Function function(String service, String id) throws IOException {
    Files.writeString(repo.resolve("serverless.yml"), service);
    Workload w = run().workload();
    return w.all(Function.class).stream().filter(f -> f.id.equals(id)).findFirst().orElseThrow();
  }

  private static String service(String timeout, String extra) {
    return """
        service: orders
        provider:
          name: aws
          stage: ${opt:stage, 'dev'}
        %s
        functions:
          worker:
            handler: handler.main
            timeout: %s
        """
        .formatted(extra, timeout);
  }

  @Test
  void selfReferenceResolvesAndCitesTheLineItCameFrom() throws IOException {
    Function f =
        function(
            service("${self:custom.workerTimeout}", "custom:\n  workerTimeout: 20"),
            "WorkerLambdaFunction");
    assertThat(f.timeoutSeconds.get()).isEqualTo(20);
    assertThat(f.timeoutSeconds.trace())
        .containsExactly(new Location("serverless.yml", 10), new Location("serverless.yml", 6));
  }

  @Test
  void paramsOfTheProductionStageDecideAndTheStageIsTheEnvironment() throws IOException {
    Function f =
        function(
            service(
                "${param:timeout}",
                "params:\n  default:\n    timeout: 3\n  staging:\n    timeout: 5\n  prod:\n    timeout: 25"),
            "WorkerLambdaFunction");
    assertThat(f.timeoutSeconds.get()).isEqualTo(25);
    assertThat(f.environment.get()).isEqualTo("prod");
  }

  @Test
  void paramsDefaultAppliesWhenTheStageDoesNotSetIt() throws IOException {
    Function f =
        function(
            service(
                "${param:timeout}",
                "params:\n  default:\n    timeout: 3\n  prod:\n    memory: 512"),
            "WorkerLambdaFunction");
    assertThat(f.timeoutSeconds.get()).isEqualTo(3);
  }

  @Test
  void nestedVariableChoosesByStage() throws IOException {
    Function f =
        function(
            service(
                "${self:custom.timeouts.${sls:stage}, 9}",
                "custom:\n  timeouts:\n    dev: 14\n    prod: 28"),
            "WorkerLambdaFunction");
    assertThat(f.timeoutSeconds.get()).isEqualTo(14);
    assertThat(f.environment.unresolved()).as("dev is only the default of --stage").isTrue();
  }

  @Test
  void fallbackAppliesWhenTheReferenceIsNotSet() throws IOException {
    Function f = function(service("${self:custom.missing, 12}", ""), "WorkerLambdaFunction");
    assertThat(f.timeoutSeconds.get()).isEqualTo(12);
  }

  @Test
  void variablesThatReferToEachOtherAreUnknownWithTheCycle() throws IOException {
    Function f =
        function(
            service("${self:custom.a}", "custom:\n  a: ${self:custom.b}\n  b: ${self:custom.a}"),
            "WorkerLambdaFunction");
    assertThat(f.timeoutSeconds.unresolved()).isTrue();
    assertThat(f.timeoutSeconds.note()).contains("cycle");
  }

  @Test
  void environmentVariablesAreNeverRead() throws IOException {
    assertThat(System.getenv("PATH")).isNotNull();
    Function f = function(service("${env:PATH, 10}", ""), "WorkerLambdaFunction");
    assertThat(f.timeoutSeconds.unresolved()).isTrue();
    assertThat(f.timeoutSeconds.note())
        .contains("environment")
        .doesNotContain(System.getenv("PATH"));
  }

  @Test
  void otherFilesAreNeverRead() throws IOException {
    Files.writeString(repo.resolve("timeouts.yml"), "worker: 9\n");
    Function f = function(service("${file(./timeouts.yml):worker}", ""), "WorkerLambdaFunction");
    assertThat(f.timeoutSeconds.unresolved()).isTrue();
    assertThat(f.timeoutSeconds.note()).contains("another file");
  }

  @Test
  void ssmParametersAreNeverRead() throws IOException {
    Function f = function(service("${ssm:/orders/timeout}", ""), "WorkerLambdaFunction");
    assertThat(f.timeoutSeconds.unresolved()).isTrue();
    assertThat(f.timeoutSeconds.note()).contains("SSM Parameter Store");
  }

  @Test
  void withoutTimeoutTheFrameworkDefaultOfSixSecondsApplies() throws IOException {
    Function f =
        function(
            "service: s\nprovider:\n  name: aws\nfunctions:\n  worker:\n    handler: h.main\n",
            "WorkerLambdaFunction");
    assertThat(f.timeoutSeconds.source()).isEqualTo(Value.Source.DEFAULT);
    assertThat(f.timeoutSeconds.get()).isEqualTo(6);
  }

  @Test
  void providerTimeoutAppliesToEveryFunction() throws IOException {
    Function f =
        function(
            "service: s\nprovider:\n  name: aws\n  timeout: 29\nfunctions:\n  worker:\n    handler: h.main\n",
            "WorkerLambdaFunction");
    assertThat(f.timeoutSeconds.get()).isEqualTo(29);
    assertThat(f.timeoutSeconds.trace()).containsExactly(new Location("serverless.yml", 4));
  }

  @Test
  void variablesDoublingAtEachLevelStopAtTheLengthBound() throws IOException {
    StringBuilder custom = new StringBuilder("custom:\n  v0: xxxxxxxxxxxxxxxx\n");
    for (int i = 1; i <= 40; i++)
      custom.append("  v%d: ${self:custom.v%d}${self:custom.v%d}\n".formatted(i, i - 1, i - 1));
    Function f = function(service("${self:custom.v40}", custom.toString()), "WorkerLambdaFunction");
    assertThat(f.timeoutSeconds.unresolved()).isTrue();
  }

  @Test
  void aLongChainOfReferencesStopsAtTheDepthBound() throws IOException {
    StringBuilder custom = new StringBuilder("custom:\n  v200: 7\n");
    for (int i = 0; i < 200; i++) custom.append("  v%d: ${self:custom.v%d}\n".formatted(i, i + 1));
    Function f = function(service("${self:custom.v0}", custom.toString()), "WorkerLambdaFunction");
    assertThat(f.timeoutSeconds.unresolved()).isTrue();
    assertThat(f.timeoutSeconds.note()).contains("deeper than");
  }
}
