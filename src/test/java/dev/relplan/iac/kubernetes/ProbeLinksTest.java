package dev.relplan.iac.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.model.ComputeGroup;
import dev.relplan.model.Probe;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Probes are modelled per container and linked to the code's health handler when unambiguous. */
class ProbeLinksTest {
  @TempDir Path repo;

  static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        selector:
          matchLabels: {app: web}
        template:
          metadata:
            labels: {app: web}
          spec:
            containers:
              - name: web
                image: web:1.0
                readinessProbe:
                  httpGet: {path: /healthz, port: 8080}
                livenessProbe:
                  httpGet: {path: /healthz, port: 8080}
                startupProbe:
                  tcpSocket: {port: 8080}
      """;

  static final String FLASK =
      """
      from flask import Flask

      app = Flask(__name__)


      @app.route("/healthz")
      def healthz():
          return "ok"
      """;

  private Pipeline.Result run() throws IOException {
    return Pipeline.run(new Pipeline.Request(List.of(repo), "t", Context.defaults(), List.of()));
  }

  private List<Probe> probes() throws IOException {
    return run().workload().all(ComputeGroup.class).stream()
        .filter(g -> g.id.equals("Deployment/web"))
        .findFirst()
        .orElseThrow()
        .probes;
  }

  private void write(String name, String content) throws IOException {
    Path file = repo.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  @Test
  void eachProbeIsModelledWithItsMechanismPathPortAndLine() throws IOException {
    write("k8s/web.yaml", DEPLOYMENT);
    List<Probe> probes = probes();
    assertThat(probes)
        .extracting(
            p -> p.purpose,
            p -> p.mechanism,
            p -> p.httpPath.orElse(null),
            p -> p.port.orElse(null))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Probe.Purpose.READINESS, "httpGet", "/healthz", "8080"),
            org.assertj.core.groups.Tuple.tuple(
                Probe.Purpose.LIVENESS, "httpGet", "/healthz", "8080"),
            org.assertj.core.groups.Tuple.tuple(Probe.Purpose.STARTUP, "tcpSocket", null, null));
    assertThat(probes.get(0).location.line()).isEqualTo(15);
    assertThat(probes.get(0).httpPath.trace()).extracting(l -> l.line()).containsExactly(16);
  }

  @Test
  void identicalReadinessAndLivenessProbesAreTheSameCheck() throws IOException {
    write("k8s/web.yaml", DEPLOYMENT);
    List<Probe> probes = probes();
    assertThat(probes.get(0).sameCheckAs(probes.get(1))).isTrue();
    assertThat(probes.get(0).sameCheckAs(probes.get(2))).isFalse();
  }

  @Test
  void aProbeIsLinkedToTheOnlyHandlerServingItsPath() throws IOException {
    write("k8s/web.yaml", DEPLOYMENT);
    write("services/api/app.py", FLASK);
    Probe readiness = probes().get(0);
    assertThat(readiness.handler).isNotNull();
    assertThat(readiness.handler.location.file()).isEqualTo("services/api/app.py");
  }

  @Test
  void ofSeveralHandlersServingThePathTheOneInAFolderNamedLikeTheWorkloadIsLinked()
      throws IOException {
    write("k8s/web.yaml", DEPLOYMENT);
    write("src/api/app.py", FLASK);
    write("src/web/app.py", FLASK);
    assertThat(probes().get(0).handler.location.file()).isEqualTo("src/web/app.py");
  }

  @Test
  void severalHandlersNoneInTheWorkloadsFolderLeaveTheProbeUnlinkedWithANote() throws IOException {
    write("k8s/web.yaml", DEPLOYMENT);
    write("src/api/app.py", FLASK);
    write("src/admin/app.py", FLASK);
    Pipeline.Result result = run();
    Probe readiness =
        result.workload().all(ComputeGroup.class).stream()
            .filter(g -> g.id.equals("Deployment/web"))
            .findFirst()
            .orElseThrow()
            .probes
            .get(0);
    assertThat(readiness.handler).isNull();
    assertThat(readiness.unlinkedReason)
        .isEqualTo("2 health handlers serve /healthz and none of them are in a folder named web");
    assertThat(result.assessment().notes())
        .anyMatch(n -> n.contains("not linked to a code handler"));
  }

  @Test
  void aProbeWithoutHttpPathIsNeverLinked() throws IOException {
    write("k8s/web.yaml", DEPLOYMENT);
    write("src/web/app.py", FLASK);
    Probe startup = probes().get(2);
    assertThat(startup.handler).isNull();
    assertThat(startup.unlinkedReason).isEqualTo("the probe names no HTTP path");
  }
}
