package dev.relplan.iac.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.assess.Assessment.NumberedFinding;
import dev.relplan.model.ComputeGroup;
import dev.relplan.model.ContainerDependency;
import dev.relplan.model.StatefulService;
import dev.relplan.model.Volume;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import dev.relplan.rules.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compose services, their defaults, overrides and storage as the model holds them. */
class ComposeAdapterTest {
  @TempDir Path repo;

  private Pipeline.Result run() throws IOException {
    return Pipeline.run(new Pipeline.Request(List.of(repo), "t", Context.defaults(), List.of()));
  }

  private void write(String file, String text) throws IOException {
    Path p = repo.resolve(file);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  private static ComputeGroup service(Pipeline.Result r, String id) {
    return r.workload().all(ComputeGroup.class).stream()
        .filter(g -> g.id.equals(id))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void anEnvironmentListItemIsSplitAtTheFirstEqualsSignOfItsInterpolatedText() throws IOException {
    // "${UNSET-}" is empty: the item is "TIMEOUT=5" once interpolated, shorter than as written.
    write(
        "compose.yaml",
        "services:\n  api:\n    image: shop/api:1\n"
            + "    environment: [\"PORT=8080\", \"${UNSET-}TIMEOUT=5\"]\n");
    ComputeGroup api = service(run(), "api");
    assertThat(api.containerEnv.get("PORT").get()).isEqualTo("8080");
    assertThat(api.containerEnv.get("TIMEOUT").get()).isEqualTo("5");
  }

  @Test
  void aServiceWithoutReplicasOrRestartRunsOneContainerThatIsNotRestartedByDefault()
      throws IOException {
    write("compose.yaml", "services:\n  api:\n    image: shop/api:1\n");
    ComputeGroup api = service(run(), "api");
    assertThat(api.kind).isEqualTo(ComputeGroup.Kind.COMPOSE_SERVICE);
    assertThat(api.desired.get()).isEqualTo(1);
    assertThat(api.desired.isExplicit()).isFalse();
    assertThat(api.restartPolicy.get()).isEqualTo("no");
    assertThat(api.restartPolicy.note()).contains("default is \"no\"");
  }

  @Test
  void aComposeProjectBesideKubernetesManifestsIsTheLocalSetupAndRatedAsNotProduction()
      throws IOException {
    write("tracing/compose.yaml", "services:\n  api:\n    image: shop/api:1\n");
    Pipeline.Result alone = run();
    assertThat(service(alone, "api").environment.present()).isFalse();
    write(
        "deploy/api.yaml",
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
        spec:
          replicas: 3
          selector:
            matchLabels: {app: api}
          template:
            metadata:
              labels: {app: api}
            spec:
              containers:
                - name: api
                  image: shop/api:1
        """);
    Pipeline.Result beside = run();
    ComputeGroup api = service(beside, "api");
    assertThat(api.environment.get()).isEqualTo(ComposeAdapter.LOCAL_ENVIRONMENT);
    assertThat(api.environment.note()).contains("Kubernetes");
    List<Finding> onCompose =
        beside.assessment().findings().stream()
            .map(NumberedFinding::finding)
            .filter(f -> f.resource().equals("api"))
            .toList();
    assertThat(onCompose).isNotEmpty();
    assertThat(onCompose).allSatisfy(f -> assertThat(f.impactReason()).contains("not production"));
  }

  @Test
  void deployRestartPolicyDecidesOverRestart() throws IOException {
    write(
        "compose.yaml",
        """
        services:
          api:
            image: shop/api:1
            restart: "no"
            deploy:
              restart_policy:
                condition: on-failure
        """);
    assertThat(service(run(), "api").restartPolicy.get()).isEqualTo("on-failure");
  }

  @Test
  void aProductionOverrideIsMergedOverTheBaseAtItsOwnLine() throws IOException {
    write("docker-compose.yml", "services:\n  api:\n    image: shop/api:1\n");
    write(
        "docker-compose.prod.yml",
        "services:\n  api:\n    restart: always\n    deploy:\n      replicas: 3\n");
    write("docker-compose.dev.yml", "services:\n  api:\n    deploy:\n      replicas: 1\n");
    ComputeGroup api = service(run(), "api");
    assertThat(api.desired.get()).isEqualTo(3);
    assertThat(api.desired.trace().get(0).file()).isEqualTo("docker-compose.prod.yml");
    assertThat(api.location.file()).isEqualTo("docker-compose.yml");
    assertThat(api.environment.get()).isEqualTo("prod");
  }

  @Test
  void theDefaultOverrideFileIsMergedWhenNoProductionOverrideExists() throws IOException {
    write("compose.yaml", "services:\n  api:\n    image: shop/api:1\n");
    write("compose.override.yaml", "services:\n  api:\n    restart: unless-stopped\n");
    assertThat(service(run(), "api").restartPolicy.get()).isEqualTo("unless-stopped");
  }

  @Test
  void mergeKeysGiveAServiceTheAnchoredDefaults() throws IOException {
    write(
        "compose.yaml",
        """
        x-defaults: &defaults
          restart: always
        services:
          api:
            <<: *defaults
            image: shop/api:1
        """);
    assertThat(service(run(), "api").restartPolicy.get()).isEqualTo("always");
  }

  @Test
  void extendsWithinTheFileInheritsTheOtherServicesSettings() throws IOException {
    write(
        "compose.yaml",
        """
        services:
          base:
            image: shop/base:1
            restart: always
          api:
            extends: base
            image: shop/api:1
        """);
    assertThat(service(run(), "api").restartPolicy.get()).isEqualTo("always");
  }

  @Test
  void extendsOfAnUnscannedFileLeavesUnsetSettingsUnresolved() throws IOException {
    write(
        "compose.yaml",
        """
        services:
          api:
            extends:
              file: ../common.yml
              service: base
            image: shop/api:1
        """);
    ComputeGroup api = service(run(), "api");
    assertThat(api.restartPolicy.unresolved()).isTrue();
    assertThat(api.restartPolicy.note()).contains("extends base of ../common.yml");
  }

  @Test
  void aVariableWithoutDefaultLeavesReplicasUnresolvedAndOneWithADefaultTakesIt()
      throws IOException {
    write(
        "compose.yaml",
        """
        services:
          api:
            image: shop/api:1
            deploy:
              replicas: ${API_REPLICAS}
          worker:
            image: shop/worker:1
            deploy:
              replicas: ${WORKER_REPLICAS:-2}
        """);
    Pipeline.Result r = run();
    assertThat(service(r, "api").desired.unresolved()).isTrue();
    assertThat(service(r, "api").desired.note()).contains("API_REPLICAS");
    assertThat(service(r, "worker").desired.get()).isEqualTo(2);
  }

  @Test
  void aDisabledHealthCheckIsExplicitlyNone() throws IOException {
    write(
        "compose.yaml",
        "services:\n  api:\n    image: shop/api:1\n    healthcheck:\n      disable: true\n");
    ComputeGroup api = service(run(), "api");
    assertThat(api.healthCheck.isFalse()).isTrue();
    assertThat(api.healthCheck.trace().get(0).line()).isEqualTo(5);
  }

  @Test
  void aPulledImageWithoutHealthcheckLeavesTheHealthCheckUnknown() throws IOException {
    write("compose.yaml", "services:\n  api:\n    image: shop/api:1\n");
    ComputeGroup api = service(run(), "api");
    assertThat(api.healthCheck.unresolved()).isTrue();
    assertThat(api.healthCheck.note()).contains("may declare a HEALTHCHECK");
  }

  @Test
  void theBuiltStagesDockerfileHealthcheckIsTheServicesHealthCheck() throws IOException {
    write(
        "compose.yaml",
        "services:\n  api:\n    build:\n      context: ./api\n      target: runtime\n");
    write(
        "api/Dockerfile",
        """
        FROM node:20 AS build
        HEALTHCHECK NONE
        FROM build AS runtime
        HEALTHCHECK --interval=10s \\
          CMD curl -f http://localhost/ || exit 1
        FROM runtime AS debug
        HEALTHCHECK NONE
        """);
    ComputeGroup api = service(run(), "api");
    assertThat(api.healthCheck.isTrue()).isTrue();
    assertThat(api.healthCheck.trace().get(0).line()).isEqualTo(4);
  }

  @Test
  void dependsOnShortSyntaxWaitsOnlyForTheContainerToStart() throws IOException {
    write(
        "compose.yaml",
        """
        services:
          api:
            image: shop/api:1
            depends_on: [db]
          db:
            image: postgres:16
        """);
    ContainerDependency d = service(run(), "api").dependsOn.get(0);
    assertThat(d.service()).isEqualTo("db");
    assertThat(d.condition().get()).isEqualTo(ContainerDependency.STARTED);
    assertThat(d.condition().isExplicit()).isFalse();
  }

  @Test
  void aDatabaseOnANamedVolumeIsAStatefulServiceWithThatVolume() throws IOException {
    write(
        "compose.yaml",
        """
        services:
          db:
            image: postgres:16
            volumes:
              - ./init.sql:/docker-entrypoint-initdb.d/init.sql
              - db-data:/var/lib/postgresql/data
        volumes:
          db-data: {}
        """);
    Pipeline.Result r = run();
    StatefulService s = r.workload().all(StatefulService.class).get(0);
    assertThat(s.service).isEqualTo("PostgreSQL");
    assertThat(s.replicated.isFalse()).isTrue();
    assertThat(s.podLocalData.present()).isFalse();
    Volume v = r.workload().all(Volume.class).get(0);
    assertThat(v.id).isEqualTo("volume:db-data");
    assertThat(v.location.line()).isEqualTo(6);
    assertThat(v.composeBackup.isFalse()).isTrue();
  }

  @Test
  void aDatabaseWithoutADataMountKeepsItsDataInTheContainer() throws IOException {
    write("compose.yaml", "services:\n  cache:\n    image: redis:7\n");
    StatefulService s = run().workload().all(StatefulService.class).get(0);
    assertThat(s.podLocalData.isTrue()).isTrue();
    assertThat(s.localDataLifetime).contains("anonymous volume");
  }

  @Test
  void aBackupImageMountingTheVolumeIsItsBackup() throws IOException {
    write(
        "compose.yaml",
        """
        services:
          db:
            image: mysql:8
            volumes: ["db-data:/var/lib/mysql"]
          backup:
            image: offen/docker-volume-backup:v2
            volumes: ["db-data:/backup/db-data:ro"]
        volumes:
          db-data: {}
        """);
    Volume v = run().workload().all(Volume.class).get(0);
    assertThat(v.composeBackup.isTrue()).isTrue();
    assertThat(v.composeBackup.trace().get(0).line()).isEqualTo(5);
  }

  @Test
  void aServiceOthersWaitForToCompleteIsAOneOffJob() throws IOException {
    write(
        "compose.yaml",
        """
        services:
          migrate:
            image: shop/migrate:1
          api:
            image: shop/api:1
            depends_on:
              migrate:
                condition: service_completed_successfully
        """);
    assertThat(service(run(), "migrate").replication).isEqualTo(ComputeGroup.Replication.BATCH);
  }

  @Test
  void aServiceInAProfileIsNotAssessedAndTheNotesSaySo() throws IOException {
    write(
        "compose.yaml",
        "services:\n  api:\n    image: shop/api:1\n  seed:\n    image: shop/seed:1\n"
            + "    profiles: [seed]\n");
    Pipeline.Result r = run();
    assertThat(r.workload().all(ComputeGroup.class)).extracting(g -> g.id).containsExactly("api");
    assertThat(r.assessment().notes()).anyMatch(n -> n.contains("profiles") && n.contains("seed"));
  }

  @Test
  void aComposeFileWhoseServicesAreNotAMapAddsNothingAndTheRestIsRead() throws IOException {
    write("a/compose.yaml", "services: [api, worker]\n");
    write("b/compose.yaml", "services:\n  api:\n    image: shop/api:1\n");
    assertThat(run().workload().all(ComputeGroup.class))
        .extracting(g -> g.location.file())
        .containsExactly("b/compose.yaml");
  }

  @Test
  void anExtendsCycleEndsWithTheSettingsItWouldGiveUnresolved() throws IOException {
    write(
        "compose.yaml",
        """
        services:
          a:
            image: shop/a:1
            extends: b
          b:
            image: shop/b:1
            extends: a
        """);
    ComputeGroup a = service(run(), "a");
    assertThat(a.restartPolicy.unresolved()).isTrue();
    assertThat(a.restartPolicy.note()).contains("is not read");
  }

  @Test
  void anIncludeCycleReadsEachFileOnce() throws IOException {
    write(
        "compose.yaml",
        "include: [other/compose.yaml]\nservices:\n  api:\n    image: shop/api:1\n");
    write(
        "other/compose.yaml",
        "include: [../compose.yaml]\nservices:\n  db:\n    image: shop/db:1\n");
    assertThat(run().workload().all(ComputeGroup.class))
        .extracting(g -> g.id + "@" + g.scope)
        .contains("api@compose:compose.yaml", "db@compose:compose.yaml");
  }
}
