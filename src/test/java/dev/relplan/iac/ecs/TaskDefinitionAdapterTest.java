package dev.relplan.iac.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.model.TaskDefinition;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ECS task definition files as the model holds them, and their tie to the services using them. */
class TaskDefinitionAdapterTest {
  @TempDir Path repo;

  private static final String TASK =
      """
      {
        "family": "orders-api",
        "containerDefinitions": [
          {"name": "api", "image": "orders-api:1"},
          {"name": "sidecar", "image": "envoy:1", "essential": false, "stopTimeout": 90,
           "healthCheck": {"command": ["CMD-SHELL", "true"]}}
        ]
      }
      """;

  private List<TaskDefinition> run() throws IOException {
    return Pipeline.run(new Pipeline.Request(List.of(repo), "t", Context.defaults(), List.of()))
        .workload()
        .all(TaskDefinition.class);
  }

  @Test
  void aContainerWithoutSettingsIsEssentialUncheckedAndGiven30SecondsToStop() throws IOException {
    Files.writeString(repo.resolve("taskdef.json"), TASK);
    TaskDefinition.Container api = run().get(0).containers.get(0);
    assertThat(api.essential().get()).isTrue();
    assertThat(api.essential().isExplicit()).isFalse();
    assertThat(api.healthCheck().isFalse()).isTrue();
    assertThat(api.stopTimeout().get()).isEqualTo(30);
  }

  @Test
  void explicitContainerSettingsAreReadAtTheirLines() throws IOException {
    Files.writeString(repo.resolve("taskdef.json"), TASK);
    TaskDefinition.Container sidecar = run().get(0).containers.get(1);
    assertThat(sidecar.essential().isFalse()).isTrue();
    assertThat(sidecar.stopTimeout().get()).isEqualTo(90);
    assertThat(sidecar.healthCheck().trace().get(0).line()).isEqualTo(6);
  }

  @Test
  void aFileOfAnyNameWithFamilyAndContainersIsRead() throws IOException {
    Files.writeString(repo.resolve("orders.deploy.json"), TASK);
    assertThat(run()).extracting(t -> t.family.get()).containsExactly("orders-api");
  }

  @Test
  void theDescribeTaskDefinitionWrapperIsRead() throws IOException {
    Files.writeString(repo.resolve("task-definition.json"), "{\"taskDefinition\": " + TASK + "}");
    assertThat(run()).extracting(t -> t.family.get()).containsExactly("orders-api");
  }

  @Test
  void aJsonFileWithoutFamilyIsNoTaskDefinition() throws IOException {
    Files.writeString(repo.resolve("taskdef.json"), "{\"containerDefinitions\": []}");
    assertThat(run()).isEmpty();
  }

  @Test
  void aCloudFormationServiceNamingTheFamilyRunsIt() throws IOException {
    Files.writeString(repo.resolve("taskdef.json"), TASK);
    Files.writeString(
        repo.resolve("service.yaml"),
        """
        Resources:
          Api:
            Type: AWS::ECS::Service
            Properties:
              TaskDefinition: arn:aws:ecs:eu-west-1:123456789012:task-definition/orders-api:7
        """);
    assertThat(run().get(0).services).extracting(g -> g.id).containsExactly("Api");
  }

  @Test
  void aTerraformServiceNamingTheFamilyRunsIt() throws IOException {
    Files.writeString(repo.resolve("taskdef.json"), TASK);
    Files.writeString(
        repo.resolve("main.tf"),
        """
        resource "aws_ecs_service" "api" {
          name            = "api"
          task_definition = "orders-api:7"
        }
        """);
    assertThat(run().get(0).services).extracting(g -> g.id).containsExactly("aws_ecs_service.api");
  }

  @Test
  void anAppSpecBesideTheFileRoutingALoadBalancerMarksItLoadBalanced() throws IOException {
    Files.writeString(repo.resolve("taskdef.json"), TASK);
    Files.writeString(
        repo.resolve("appspec.yaml"),
        """
        version: 0.0
        Resources:
          - TargetService:
              Type: AWS::ECS::Service
              Properties:
                TaskDefinition: <TASK_DEFINITION>
                LoadBalancerInfo:
                  ContainerName: api
                  ContainerPort: 8080
        """);
    assertThat(run().get(0).loadBalancedBy.line()).isEqualTo(7);
  }
}
