package dev.relplan.rules.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import dev.relplan.rules.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The health rules read the Kubernetes probes linked to the code's handlers. */
class ProbedHealthHandlerTest {
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
      """;

  static final String SHALLOW =
      """
      from flask import Flask, jsonify

      app = Flask(__name__)


      @app.route("/healthz")
      def healthz():
          return jsonify(status="ok")
      """;

  private List<Finding> findings(String rule) throws IOException {
    return Pipeline.run(new Pipeline.Request(List.of(repo), "t", Context.defaults(), List.of()))
        .assessment()
        .findings()
        .stream()
        .map(n -> n.finding())
        .filter(f -> f.rule().id().equals(rule))
        .toList();
  }

  private void write(String name, String content) throws IOException {
    Path file = repo.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  @Test
  void aShallowHandlerBehindProbesSaysWhichPodDecisionsRestOnIt() throws IOException {
    write("k8s/web.yaml", DEPLOYMENT);
    write("src/web/app.py", SHALLOW);
    Finding shallow = findings("REL-CODE-SHALLOW-HEALTH-CHECK").get(0);
    assertThat(shallow.description())
        .contains("the readiness probe of Deployment/web (k8s/web.yaml:15)")
        .contains("(whether they receive Service traffic, whether they are restarted)");
    assertThat(shallow.evidence()).extracting(l -> l.file()).contains("k8s/web.yaml");
  }

  @Test
  void identicalProbesOnAShallowHandlerDoNotRestartPodsOnADependencyOutage() throws IOException {
    write("k8s/web.yaml", DEPLOYMENT);
    write("src/web/app.py", SHALLOW);
    assertThat(findings("REL-LIVENESS-PROBE-CHECKS-DEPENDENCIES")).isEmpty();
  }

  @Test
  void identicalProbesOnAPathNoHandlerServesAreNotJudged() throws IOException {
    write("k8s/web.yaml", DEPLOYMENT.replace("/healthz", "/readyz"));
    write(
        "src/web/app.py",
        SHALLOW.replace("return jsonify", "db.session.execute(\"SELECT 1\")\n    return jsonify"));
    assertThat(findings("REL-LIVENESS-PROBE-CHECKS-DEPENDENCIES")).isEmpty();
    write("k8s/web.yaml", DEPLOYMENT);
    assertThat(findings("REL-LIVENESS-PROBE-CHECKS-DEPENDENCIES")).hasSize(1);
  }
}
