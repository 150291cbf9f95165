package dev.relplan.iac.cicd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.assess.Assessment;
import dev.relplan.discover.Discovery;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Workload;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.ScalarNode;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import dev.relplan.source.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pipelines that deploy to a non-production environment are evidence of pre-production. */
class DeploymentEnvironmentsTest {
  @TempDir Path dir;

  private static final String TEMPLATE = "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n";

  private Assessment assess() throws IOException {
    Files.writeString(dir.resolve("template.yaml"), TEMPLATE);
    return Pipeline.run(new Pipeline.Request(List.of(dir), "t", Context.defaults(), List.of()))
        .assessment();
  }

  private boolean preprodMissing(Assessment a) {
    return a.findings().stream()
        .anyMatch(f -> f.finding().rule().id().equals("REL-NO-PREPROD-ENV"));
  }

  @Test
  void githubActionsJobDeployingToStagingIsPreProductionEvidence() throws IOException {
    Files.createDirectories(dir.resolve(".github/workflows"));
    Files.writeString(
        dir.resolve(".github/workflows/deploy.yml"),
        """
        on: push
        jobs:
          staging:
            runs-on: ubuntu-latest
            environment: staging
            steps: [{run: make deploy}]
          production:
            needs: staging
            runs-on: ubuntu-latest
            environment:
              name: production
            steps: [{run: make deploy}]
        """);
    Assessment a = assess();
    assertThat(preprodMissing(a)).isFalse();
    assertThat(a.strengths())
        .anyMatch(
            s ->
                s.title().contains("staging")
                    && s.evidence().toString().contains(".github/workflows/deploy.yml:5"));
  }

  @Test
  void pipelineDeployingOnlyToProductionIsNoEvidence() throws IOException {
    Files.createDirectories(dir.resolve(".github/workflows"));
    Files.writeString(
        dir.resolve(".github/workflows/deploy.yml"),
        "jobs:\n  deploy:\n    environment: production\n");
    assertThat(preprodMissing(assess())).isTrue();
  }

  @Test
  void codePipelineStageNamedForStagingIsPreProductionEvidence() throws IOException {
    Files.writeString(
        dir.resolve("pipeline.yaml"),
        """
        Resources:
          Pipeline:
            Type: AWS::CodePipeline::Pipeline
            Properties:
              RoleArn: arn:aws:iam::111122223333:role/pipeline
              Stages:
                - Name: Source
                  Actions: []
                - Name: Staging
                  Actions: []
                - Name: Prod
                  Actions: []
        """);
    assertThat(preprodMissing(assess())).isFalse();
  }

  @Test
  void gitlabManualJobIsAnApprovalGateAndARollbackJobIsARollbackStep() throws IOException {
    Files.writeString(
        dir.resolve(".gitlab-ci.yml"),
        """
        deploy-prod:
          stage: deploy
          environment: production
          when: manual
          script: [make deploy]
        rollback-prod:
          stage: deploy
          environment: production
          when: manual
          script: [make rollback]
        """);
    Assessment a = assess();
    assertThat(a.strengths())
        .anyMatch(
            s ->
                s.title().contains("approval gate")
                    && s.evidence().toString().contains(".gitlab-ci.yml:4"));
    assertThat(a.strengths())
        .anyMatch(
            s ->
                s.title().contains("rollback job")
                    && s.evidence().toString().contains(".gitlab-ci.yml:6"));
  }

  @Test
  void codePipelineApprovalActionIsAnApprovalGate() throws IOException {
    Files.writeString(
        dir.resolve("pipeline.yaml"),
        """
        Resources:
          Pipeline:
            Type: AWS::CodePipeline::Pipeline
            Properties:
              RoleArn: arn:aws:iam::111122223333:role/pipeline
              Stages:
                - Name: Approve
                  Actions:
                    - Name: ReleaseManager
                      ActionTypeId:
                        Category: Approval
                        Owner: AWS
                        Provider: Manual
                        Version: "1"
        """);
    assertThat(assess().strengths())
        .anyMatch(
            s ->
                s.title().contains("approval gate")
                    && s.evidence().toString().contains("pipeline.yaml:9"));
  }

  @Test
  void pipelineWithoutGatesOrRollbackStepsGivesNoSuchStrength() throws IOException {
    Files.createDirectories(dir.resolve(".github/workflows"));
    Files.writeString(
        dir.resolve(".github/workflows/ci.yml"),
        "jobs:\n  build:\n    steps:\n      - name: Build\n        run: make\n");
    Assessment a = assess();
    assertThat(a.strengths())
        .noneMatch(s -> s.title().contains("approval gate") || s.title().contains("rollback job"));
  }

  @Test
  void aPipelineFileWhoseReadingThrowsIsSkippedAndTheFileBesideItIsStillRead() {
    // a mapping entry without a key cannot come from the YAML parser; reading it throws
    MapNode keyless =
        new MapNode(
            new Location("bad.yml", 1),
            null,
            List.of(new MapNode.Entry(null, new Location("bad.yml", 1), scalar("bad.yml", "x"))));
    MapNode staging =
        new MapNode(
            new Location("good.yml", 1),
            null,
            List.of(
                new MapNode.Entry(
                    "environment", new Location("good.yml", 1), scalar("good.yml", "staging"))));
    DeploymentEnvironments adapter = new DeploymentEnvironments();
    Workload w = new Workload();
    adapter.adapt(
        new Discovery.Result(
            List.of(pipelineFile("bad.yml", keyless), pipelineFile("good.yml", staging)),
            List.of(),
            Map.of(),
            List.of()),
        w);
    assertThat(adapter.skipped())
        .singleElement()
        .satisfies(s -> assertThat(s.file()).isEqualTo(".github/workflows/bad.yml"));
    assertThat(w.environments)
        .singleElement()
        .satisfies(e -> assertThat(e.environment()).isEqualTo("staging"));
  }

  private static SourceFile pipelineFile(String name, MapNode document) {
    String display = ".github/workflows/" + name;
    return new SourceFile(Path.of(display), display, FileKind.OTHER, "", List.of(document));
  }

  private static ScalarNode scalar(String file, String text) {
    return new ScalarNode(new Location(file, 1), null, text, ScalarNode.Kind.PLAIN);
  }

  private List<Workload.EnvironmentEvidence> environments() throws IOException {
    Files.writeString(dir.resolve("template.yaml"), TEMPLATE);
    return Pipeline.run(new Pipeline.Request(List.of(dir), "t", Context.defaults(), List.of()))
        .workload()
        .environments;
  }

  @Test
  void serverlessDeployStageInAWorkflowStepIsAnEnvironmentAtItsCommandLine() throws IOException {
    Files.createDirectories(dir.resolve(".github/workflows"));
    Files.writeString(
        dir.resolve(".github/workflows/deploy.yml"),
        """
        on: push
        jobs:
          deploy:
            runs-on: ubuntu-latest
            steps:
              - run: |
                  npm ci
                  npx serverless deploy --stage staging
        """);
    assertThat(environments())
        .containsExactly(
            new Workload.EnvironmentEvidence(
                "staging",
                "serverless deploy --stage in .github/workflows/deploy.yml",
                new Location(".github/workflows/deploy.yml", 8)));
  }

  @Test
  void serverlessDeployStageInAPackageJsonScriptIsAnEnvironment() throws IOException {
    Files.writeString(
        dir.resolve("package.json"),
        """
        {
          "name": "orders",
          "scripts": {
            "deploy:dev": "sls deploy -s dev"
          }
        }
        """);
    assertThat(environments())
        .extracting(Workload.EnvironmentEvidence::environment, e -> e.location().line())
        .containsExactly(Tuple.tuple("dev", 4));
  }

  @Test
  void serverlessDeployStageInAMakefileRecipeIsAnEnvironment() throws IOException {
    Files.writeString(dir.resolve("Makefile"), "deploy-qa:\n\tserverless deploy --stage qa\n");
    assertThat(environments())
        .extracting(Workload.EnvironmentEvidence::environment, e -> e.location().line())
        .containsExactly(Tuple.tuple("qa", 2));
  }
}
