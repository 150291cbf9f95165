package dev.relplan.iac.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Exec probe commands read as the HTTP path or gRPC health check they ask of their own pod. */
class ProbeCommandsTest {
  private static String path(String... argv) {
    ProbeCommands.Request r = ProbeCommands.read(List.of(argv));
    return r == null ? null : r.httpPath();
  }

  @Test
  void wgetOfALocalhostUrlRequestsItsPath() {
    assertThat(path("wget", "-qO-", "http://localhost:8080/healthz")).isEqualTo("/healthz");
  }

  @Test
  void curlOptionsTakingAnArgumentAreNotTheAddress() {
    assertThat(path("curl", "-f", "-H", "Accept: json", "-m", "2", "http://127.0.0.1/ready?x=1"))
        .isEqualTo("/ready");
  }

  @Test
  void aShellScriptIsSplitIntoWordsWithItsQuotes() {
    assertThat(path("sh", "-c", "curl -fsS 'http://localhost:9000/live' > /dev/null || exit 1"))
        .isEqualTo("/live");
  }

  @Test
  void aRequestToAnotherHostIsNotThisPodsHandler() {
    assertThat(path("curl", "-f", "http://orders.shop.svc:8080/healthz")).isNull();
  }

  @Test
  void aRequestWithABodyIsNotAGet() {
    assertThat(path("curl", "-d", "{}", "http://localhost/healthz")).isNull();
  }

  @Test
  void anAddressBuiltFromAVariableOrSubstitutionIsNotRead() {
    assertThat(path("sh", "-c", "curl http://localhost:$PORT/healthz")).isNull();
    assertThat(path("sh", "-c", "curl http://$(hostname)/healthz")).isNull();
  }

  @Test
  void twoRequestsInOneScriptAreNotOneHandler() {
    assertThat(path("sh", "-c", "curl localhost/a/healthz && curl localhost/b/healthz")).isNull();
  }

  @Test
  void podcliCheckHttpWithoutSchemeRequestsItsPath() {
    assertThat(path("podcli", "check", "http", "localhost:9898/readyz")).isEqualTo("/readyz");
  }

  @Test
  void grpcHealthProbeOnTheLocalPortAsksTheHealthService() {
    ProbeCommands.Request r =
        ProbeCommands.read(List.of("/bin/grpc_health_probe", "-addr=:50051", "-service=cart"));
    assertThat(r.grpcService()).isEqualTo("cart");
    assertThat(r.httpPath()).isNull();
  }

  @Test
  void aCommandThatIsNoHttpClientRequestsNothing() {
    assertThat(ProbeCommands.read(List.of("redis-cli", "ping"))).isNull();
  }
}
