package dev.relplan.iac.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.model.ComputeGroup;
import dev.relplan.model.Probe;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import dev.relplan.rules.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Probes reach Go handlers whose routes the code computes, exec probes that request a path of their
 * pod, and gRPC probes the Go gRPC health service.
 */
class ProbeReachesGoHandlerTest {
  @TempDir Path repo;

  private static String deployment(String name, String probe) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: NAME
        spec:
          selector:
            matchLabels: {app: NAME}
          template:
            metadata:
              labels: {app: NAME}
            spec:
              containers:
                - name: NAME
                  image: NAME:1.0
                  readinessProbe:
        PROBE
        """
        .replace("NAME", name)
        .replace("PROBE", probe.stripTrailing().indent(12).stripTrailing());
  }

  static final String GORILLA_WITH_BASE =
      """
      package main

      import (
      	"fmt"
      	"net/http"
      	"os"

      	"github.com/gorilla/mux"
      )

      var prefix = ""

      func main() {
      	prefix = os.Getenv("SHOP_PREFIX")
      	r := mux.NewRouter()
      	r.HandleFunc(prefix+"/", index)
      	r.HandleFunc(prefix+"/_healthz", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprint(w, "up") })
      	http.ListenAndServe(":8080", r)
      }

      func index(w http.ResponseWriter, r *http.Request) {}
      """;

  static final String GRPC_SERVER =
      """
      package main

      import (
      	"net"

      	"google.golang.org/grpc"
      	"google.golang.org/grpc/health"
      	healthpb "google.golang.org/grpc/health/grpc_health_v1"
      )

      func main() {
      	lis, _ := net.Listen("tcp", ":7000")
      	srv := grpc.NewServer()
      	checks := health.NewServer()
      	healthpb.RegisterHealthServer(srv, checks)
      	srv.Serve(lis)
      }
      """;

  private void write(String name, String content) throws IOException {
    Path file = repo.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private Pipeline.Result run() throws IOException {
    return Pipeline.run(new Pipeline.Request(List.of(repo), "t", Context.defaults(), List.of()));
  }

  private static Probe readiness(Pipeline.Result r, String id) {
    return r.workload().all(ComputeGroup.class).stream()
        .filter(g -> g.id.equals(id))
        .findFirst()
        .orElseThrow()
        .probes
        .get(0);
  }

  private static List<Finding> shallow(Pipeline.Result r) {
    return r.assessment().findings().stream()
        .map(n -> n.finding())
        .filter(f -> f.rule().id().equals("REL-CODE-SHALLOW-HEALTH-CHECK"))
        .toList();
  }

  @Test
  void aProbePathEndingWithARuntimePrefixedRoutesSuffixReachesItsHandler() throws IOException {
    write("k8s/shop.yaml", deployment("shop", "httpGet: {path: /store/_healthz, port: 8080}"));
    write("src/shop/main.go", GORILLA_WITH_BASE);
    Probe p = readiness(run(), "Deployment/shop");
    assertThat(p.handler).isNotNull();
    assertThat(p.handler.path).isEqualTo("GET {environment variable SHOP_PREFIX}/_healthz");
    assertThat(p.handler.location.line()).isEqualTo(17);
  }

  @Test
  void aRuntimePrefixedRouteAnotherRouteCouldShareLeavesTheProbeUnlinkedWithTheReason()
      throws IOException {
    write("k8s/shop.yaml", deployment("shop", "httpGet: {path: /_healthz, port: 8080}"));
    write(
        "src/shop/main.go",
        GORILLA_WITH_BASE.replace(
            "r.HandleFunc(prefix+\"/\", index)", "r.HandleFunc(prefix+\"/{page}\", index)"));
    Probe p = readiness(run(), "Deployment/shop");
    assertThat(p.handler).isNull();
    assertThat(p.unlinkedReason)
        .isEqualTo(
            "the route GET {environment variable SHOP_PREFIX}/_healthz (src/shop/main.go:17)"
                + " could serve /_healthz, but the route registered at src/shop/main.go:16 could"
                + " serve it too");
  }

  @Test
  void anExecCurlProbeReachesTheHandlerOfItsPathCitedAtTheCommandLine() throws IOException {
    write(
        "k8s/shop.yaml",
        deployment(
            "shop",
            """
            exec:
              command:
                - sh
                - -c
                - curl -fsS http://localhost:8080/_healthz
            """));
    write("src/shop/main.go", GORILLA_WITH_BASE);
    Pipeline.Result r = run();
    Probe p = readiness(r, "Deployment/shop");
    assertThat(p.handler).isNotNull();
    assertThat(p.httpPath.trace()).extracting(l -> l.line()).containsExactly(20);
    assertThat(shallow(r)).hasSize(1);
  }

  @Test
  void aGrpcProbeReachesTheGoHealthServerInTheWorkloadsFolder() throws IOException {
    write("k8s/cart.yaml", deployment("cart", "grpc: {port: 7000}"));
    write("src/cart/main.go", GRPC_SERVER);
    write("src/billing/main.go", GRPC_SERVER);
    Probe p = readiness(run(), "Deployment/cart");
    assertThat(p.handler).isNotNull();
    assertThat(p.handler.location.file()).isEqualTo("src/cart/main.go");
  }

  @Test
  void aConstantGrpcHealthServerIsShallowCitedAtTheProbeAndTheServer() throws IOException {
    write(
        "k8s/cart.yaml",
        deployment(
            "cart",
            """
            exec:
              command: ["/bin/grpc_health_probe", "-addr=:7000"]
            """));
    write("src/cart/main.go", GRPC_SERVER);
    List<Finding> found = shallow(run());
    assertThat(found).hasSize(1);
    assertThat(found.get(0).evidence())
        .extracting(l -> l.file() + ":" + l.line())
        .contains("src/cart/main.go:15", "src/cart/main.go:14", "k8s/cart.yaml:15");
  }

  @Test
  void aShallowHandlerOnlyLivenessProbesReachIsNotReported() throws IOException {
    write(
        "k8s/shop.yaml",
        deployment("shop", "httpGet: {path: /_healthz, port: 8080}")
            .replace("readinessProbe:", "livenessProbe:"));
    write("src/shop/main.go", GORILLA_WITH_BASE);
    Pipeline.Result r = run();
    assertThat(readiness(r, "Deployment/shop").handler).isNotNull();
    assertThat(shallow(r)).isEmpty();
  }
}
