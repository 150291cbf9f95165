package dev.relplan.rules.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.assess.Assessment;
import dev.relplan.model.ComputeGroup;
import dev.relplan.model.Integration;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import dev.relplan.rules.Finding;
import dev.relplan.rules.Undetermined;
import dev.relplan.source.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A caller's own client timeout as the deadline of the service it reaches
 * (docs/deadline-budgets.md, "Upstream callers"): Compose services by name, Kubernetes Services
 * through the caller's container environment, and gRPC deadlines that Go callees may inherit.
 */
class UpstreamCallerDeadlinesTest {
  private static final Path EXAMPLES =
      Path.of("src/test/resources/rules/REL-CODE-CALL-EXCEEDS-DEADLINE");

  private static final String COMPOSE =
      """
      services:
        checkout:
          build: ./checkout
        cart:
          build: ./cart
        pricing:
          build:
            context: ./pricing
      """;

  private static final String PRICING =
      """
      import requests


      def rates():
          return requests.get("https://rates.example.com/v1/eur", timeout=(3, 10)).json()
      """;

  private static String caller(String timeout) {
    return """
        import requests


        def quote(cart):
            return requests.post("http://pricing:8080/quote", json=cart%s).json()
        """
        .formatted(timeout);
  }

  private static Pipeline.Result run(Path dir) throws IOException {
    return Pipeline.run(new Pipeline.Request(List.of(dir), "t", Context.defaults(), List.of()));
  }

  private static List<Finding> findings(Pipeline.Result r) {
    return r.assessment().findings().stream()
        .map(Assessment.NumberedFinding::finding)
        .filter(f -> f.rule().id().equals(CodeCallExceedsDeadline.ID))
        .toList();
  }

  private static List<Undetermined> undetermined(Pipeline.Result r) {
    return r.assessment().undetermined().stream()
        .filter(u -> u.rule().id().equals(CodeCallExceedsDeadline.ID))
        .toList();
  }

  private static Path compose(Path dir, String checkoutTimeout, String cartTimeout)
      throws IOException {
    Files.writeString(dir.resolve("compose.yaml"), COMPOSE);
    for (String s : List.of("checkout", "cart", "pricing")) Files.createDirectories(dir.resolve(s));
    Files.writeString(dir.resolve("checkout/app.py"), caller(checkoutTimeout));
    Files.writeString(dir.resolve("cart/app.py"), caller(cartTimeout));
    Files.writeString(dir.resolve("pricing/app.py"), PRICING);
    return dir;
  }

  @Test
  void calleeCallLongerThanItsCallersTimeoutIsAFindingCitingTheCallersLine(@TempDir Path dir)
      throws IOException {
    List<Finding> found = findings(run(compose(dir, ", timeout=(1, 2)", "")));
    assertThat(found).hasSize(1);
    assertThat(found.get(0).title())
        .isEqualTo(
            "requests call in Compose service pricing can wait 13 s, longer than its 3 s deadline");
    assertThat(found.get(0).evidence()).contains(new Location("checkout/app.py", 5));
  }

  @Test
  void theSmallestOfSeveralCallersWaitsIsTheDeadline(@TempDir Path dir) throws IOException {
    List<Finding> found = findings(run(compose(dir, ", timeout=(2, 6)", ", timeout=(1, 3)")));
    assertThat(found.get(0).title()).endsWith("longer than its 4 s deadline");
    assertThat(found.get(0).evidence())
        .contains(new Location("cart/app.py", 5))
        .doesNotContain(new Location("checkout/app.py", 5));
  }

  @Test
  void aCallerWithoutTimeoutGivesNoBudgetAndTheTableSaysSo(@TempDir Path dir) throws IOException {
    Pipeline.Result r = run(compose(dir, "", ""));
    assertThat(findings(r)).isEmpty();
    assertThat(undetermined(r)).isEmpty();
    Assessment.IntegrationRow pricing =
        r.assessment().integrations().stream()
            .filter(i -> i.evidence().get(0).file().equals("pricing/app.py"))
            .findFirst()
            .get();
    assertThat(pricing.budget())
        .isEqualTo(
            "None known: Compose service pricing is called by requests call at cart/app.py:5 (no"
                + " timeout), requests call at checkout/app.py:5 (no timeout), so no caller's wait"
                + " bounds it");
  }

  @Test
  void aProgramTheContainerDoesNotRunIsReachedByNoCaller(@TempDir Path dir) throws IOException {
    compose(dir, ", timeout=(1, 2)", "");
    Files.writeString(
        dir.resolve("pricing/Dockerfile"), "FROM python:3.12\nCMD [\"python\", \"app.py\"]\n");
    Files.writeString(
        dir.resolve("pricing/client.py"),
        """
        import requests

        if __name__ == "__main__":
            print(requests.get("http://localhost:8080/rates", timeout=(3, 10)).json())
        """);
    List<Finding> found = findings(run(dir));
    assertThat(found).extracting(f -> f.evidence().get(0).file()).containsExactly("pricing/app.py");
  }

  @Test
  void composeBuildContextIsTheServicesCodeFolder(@TempDir Path dir) throws IOException {
    ComputeGroup pricing = group(run(compose(dir, "", "")), "pricing");
    assertThat(pricing.codeFolder.get()).isEqualTo("pricing");
    assertThat(pricing.codeFolder.trace()).containsExactly(new Location("compose.yaml", 8));
  }

  @Test
  void composeEnvironmentListsAndMapsAreKeptWithTheirLines(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("compose.yaml"),
        """
        services:
          a:
            image: shop/a:1
            environment:
              - PRICING_URL=http://pricing:8080
              - FROM_SHELL
          b:
            image: shop/b:1
            environment:
              PRICING_URL: http://pricing:9090
        """);
    Pipeline.Result r = run(dir);
    ComputeGroup a = group(r, "a");
    assertThat(a.containerEnv.get("PRICING_URL").get()).isEqualTo("http://pricing:8080");
    assertThat(a.containerEnv.get("PRICING_URL").trace())
        .containsExactly(new Location("compose.yaml", 5));
    assertThat(a.containerEnv.get("FROM_SHELL").unresolved()).isTrue();
    assertThat(group(r, "b").containerEnv.get("PRICING_URL").get())
        .isEqualTo("http://pricing:9090");
  }

  /** The Kubernetes undetermined example, copied so that a test can change one file. */
  private static Path ordersAndFx(Path dir) throws IOException {
    Path from = EXAMPLES.resolve("kubernetes/undetermined");
    for (String f :
        List.of(
            "skaffold.yaml",
            "k8s/orders-fx.yaml",
            "services/orders/main.go",
            "services/fx/main.go")) {
      Files.createDirectories(dir.resolve(f).getParent());
      Files.copy(from.resolve(f), dir.resolve(f));
    }
    return dir;
  }

  @Test
  void skaffoldArtifactsGiveWorkloadsTheirCodeFolder(@TempDir Path dir) throws IOException {
    ComputeGroup fx = group(run(ordersAndFx(dir)), "fx");
    assertThat(fx.codeFolder.get()).isEqualTo("services/fx");
    assertThat(fx.codeFolder.trace()).containsExactly(new Location("skaffold.yaml", 10));
  }

  @Test
  void goAddressIsTracedToTheEnvironmentVariableAHelperReads(@TempDir Path dir) throws IOException {
    Integration convert =
        run(ordersAndFx(dir)).workload().integrations.stream()
            .filter(i -> i.location.file().equals("services/orders/main.go"))
            .findFirst()
            .get();
    assertThat(convert.targetEnv.get()).isEqualTo("FX_ADDR");
    assertThat(convert.targetEnv.trace())
        .containsExactly(new Location("services/orders/main.go", 44));
  }

  @Test
  void goCalleeDerivingItsContextFromItsParameterMayInheritTheGrpcDeadline(@TempDir Path dir)
      throws IOException {
    Pipeline.Result r = run(ordersAndFx(dir));
    assertThat(findings(r)).isEmpty();
    assertThat(undetermined(r)).hasSize(1);
    assertThat(undetermined(r).get(0).reason())
        .startsWith(
            "the call can wait 5 s, longer than the 2 s of the client timeout of the gRPC (Go) call")
        .contains("gRPC sends that deadline with the request");
    assertThat(undetermined(r).get(0).evidence())
        .contains(
            new Location("services/fx/main.go", 22), new Location("services/orders/main.go", 39));
  }

  @Test
  void goCalleeWithItsOwnBackgroundContextIsAFinding(@TempDir Path dir) throws IOException {
    Path fx = ordersAndFx(dir).resolve("services/fx/main.go");
    Files.writeString(
        fx,
        Files.readString(fx)
            .replace(
                "context.WithTimeout(ctx, 5*time.Second)",
                "context.WithTimeout(context.Background(), 5*time.Second)"));
    List<Finding> found = findings(run(dir));
    assertThat(found)
        .extracting(Finding::title)
        .containsExactly(
            "gRPC (Go) call in Deployment fx can wait 5 s, longer than its 2 s deadline");
  }

  @Test
  void anAddressFromASecretLeavesTheLinkUnknown(@TempDir Path dir) throws IOException {
    Path manifest = ordersAndFx(dir).resolve("k8s/orders-fx.yaml");
    Files.writeString(
        manifest,
        Files.readString(manifest)
            .replace(
                "value: \"fx:50051\"",
                "valueFrom:\n                secretKeyRef: {name: fx, key: address}"));
    Pipeline.Result r = run(dir);
    assertThat(findings(r)).isEmpty();
    assertThat(undetermined(r)).isEmpty();
  }

  private static ComputeGroup group(Pipeline.Result r, String name) {
    return r.workload().all(ComputeGroup.class).stream()
        .filter(g -> g.name.present() && g.name.get().equals(name))
        .findFirst()
        .get();
  }
}
