package dev.relplan.assess;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The topology of examples/orders-platform: its links, roles and single points of failure. */
class TopologyMapTest {
  static Assessment.Topology topology;
  static Map<String, Assessment.TopologyNode> byName;

  @BeforeAll
  static void assess() throws IOException {
    topology =
        Pipeline.run(
                new Pipeline.Request(
                    List.of(Path.of("examples/orders-platform")),
                    null,
                    Context.defaults(),
                    List.of()))
            .assessment()
            .topology();
    byName =
        topology.nodes().stream()
            .collect(Collectors.toMap(Assessment.TopologyNode::name, Function.identity()));
  }

  /** The edges as "from -kind-> to" with node names. */
  static List<String> edges() {
    Map<String, String> names =
        topology.nodes().stream()
            .collect(Collectors.toMap(Assessment.TopologyNode::id, Assessment.TopologyNode::name));
    return topology.edges().stream()
        .map(e -> names.get(e.from()) + " -" + e.kind() + "-> " + names.get(e.to()))
        .toList();
  }

  @Test
  void loadBalancerRoutesToItsTargetGroupAndTheTargetGroupToItsService() {
    assertThat(edges())
        .contains(
            "LoadBalancer -routes-> OrdersApiTargetGroup",
            "OrdersApiTargetGroup -routes-> OrdersApiService");
  }

  @Test
  void queueTriggersItsConsumerAndSendsFailuresToItsDeadLetterQueue() {
    assertThat(edges())
        .contains(
            "OrderEventsQueue -sqs-> OrderEventsConsumer",
            "OrderEventsQueue -dead-letter-> OrderEventsDeadLetterQueue");
  }

  @Test
  void serviceUsesTheCacheAndDatabaseItReferences() {
    assertThat(edges())
        .contains("OrdersApiService -uses-> OrdersCache", "ReportingGroup -uses-> OrdersDatabase");
  }

  @Test
  void aTriggerIsNotDrawnAgainAsAUse() {
    assertThat(edges()).doesNotContain("OrderEventsConsumer -uses-> OrderEventsQueue");
  }

  @Test
  void singleAzCacheRatedHighIsASinglePointOfFailure() {
    assertThat(byName.get("OrdersCache").spof()).isTrue();
    assertThat(byName.get("OrdersCache").redundancy()).isEqualTo("single-AZ");
  }

  @Test
  void multiAzGroupRatedHighForAnotherReasonIsNotASinglePointOfFailure() {
    assertThat(byName.get("ReportingGroup").redundancy()).isEqualTo("multi-AZ");
    assertThat(byName.get("ReportingGroup").spof()).isFalse();
  }

  @Test
  void nodesKeepTheirDeclarationKindAndRole() {
    Assessment.TopologyNode cache = byName.get("OrdersCache");
    assertThat(cache.location().file() + ":" + cache.location().line()).isEqualTo("data.yaml:150");
    assertThat(cache.kind()).isEqualTo("data");
    assertThat(byName.get("OrderEventsConsumer").role()).isEqualTo("async");
    assertThat(byName.get("LoadBalancer").role()).isEqualTo("request");
  }

  @Test
  void composeServiceDependsOnTheDatabaseDrawnOnceAsData(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("compose.yaml"),
        """
        services:
          web:
            image: example/web:1.0
            depends_on:
              - db
          db:
            image: postgres:16
        """);
    Assessment.Topology t = topologyOf(dir);
    assertThat(t.nodes()).extracting(Assessment.TopologyNode::name).containsExactly("web", "db");
    assertThat(t.nodes().get(1).kind()).isEqualTo("data");
    assertThat(t.edges()).containsExactly(new Assessment.TopologyEdge("n0", "n1", "depends-on"));
  }

  @Test
  void oneKubernetesObjectDefinedTwiceIsOneNode(@TempDir Path dir) throws IOException {
    String manifests =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: api
          template:
            metadata:
              labels:
                app: api
            spec:
              containers:
                - name: api
                  image: example/api:1.0
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: api
        spec:
          selector:
            app: api
          ports:
            - port: 80
        """;
    for (String folder : List.of("a", "b")) {
      Files.createDirectories(dir.resolve(folder));
      Files.writeString(dir.resolve(folder).resolve("app.yaml"), manifests);
    }
    Assessment.Topology t = topologyOf(dir);
    assertThat(t.nodes())
        .extracting(n -> n.name() + " " + n.location().file())
        .containsExactly("Deployment/api a/app.yaml", "Service/api a/app.yaml");
    assertThat(t.edges()).containsExactly(new Assessment.TopologyEdge("n1", "n0", "routes"));
  }

  static Assessment.Topology topologyOf(Path dir) throws IOException {
    return Pipeline.run(new Pipeline.Request(List.of(dir), null, Context.defaults(), List.of()))
        .assessment()
        .topology();
  }

  @Test
  void iamGlueIsNotDrawn() {
    assertThat(topology.nodes()).noneMatch(n -> n.type().startsWith("AWS::IAM::"));
  }
}
