package dev.relplan.iac.serverless;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.model.Function;
import dev.relplan.model.Production;
import dev.relplan.model.Workload;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stage a service is assessed for, and what it says about the environment. */
class ServerlessStageTest {
  @TempDir Path repo;

  private Workload run() throws IOException {
    return Pipeline.run(new Pipeline.Request(List.of(repo), "t", Context.defaults(), List.of()))
        .workload();
  }

  private Function worker(String stageLine, String nameLine) throws IOException {
    Files.writeString(
        repo.resolve("serverless.yml"),
        """
        service: orders
        custom:
          stage: ${opt:stage, self:provider.stage}
        provider:
          name: aws
          %s
        functions:
          worker:
            handler: handler.main
            %s
        """
            .formatted(stageLine, nameLine));
    return run().all(Function.class).stream().findFirst().orElseThrow();
  }

  @Test
  void aLiteralDevProviderStageIsOnlyTheDefaultOfDeployStage() throws IOException {
    Function f = worker("stage: dev", "");
    assertThat(f.environment.unresolved()).isTrue();
    assertThat(Production.of(f).production()).isTrue();
  }

  @Test
  void aLiteralProductionProviderStageIsTheEnvironment() throws IOException {
    Function f = worker("stage: prod", "");
    assertThat(f.environment.get()).isEqualTo("prod");
  }

  @Test
  void aNameBuiltFromTheDefaultStageDoesNotMakeTheFunctionNonProduction() throws IOException {
    Function f = worker("stage: dev", "name: orders-${self:custom.stage}-worker");
    assertThat(f.name.unresolved()).isTrue();
    assertThat(Production.of(f).production()).as(Production.of(f).reason()).isTrue();
  }

  @Test
  void theGeneratedNameOfADefaultStageIsNotEnvironmentEvidence() throws IOException {
    Function f = worker("region: eu-west-1", "");
    assertThat(Production.of(f).production()).as(Production.of(f).reason()).isTrue();
  }

  @Test
  void theProductionStageItsDeployScriptDeploysIsTheAssessedStage() throws IOException {
    Files.writeString(
        repo.resolve("package.json"),
        """
        {"scripts": {"deploy": "sls deploy -s dev", "deploy:prod": "sls deploy -s prod"}}
        """);
    Function f = worker("stage: dev", "name: orders-${self:custom.stage}-worker");
    assertThat(f.environment.get()).isEqualTo("prod");
    assertThat(f.name.get()).isEqualTo("orders-prod-worker");
  }
}
