package dev.relplan.iac.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.assess.Assessment;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import dev.relplan.rules.Finding;
import dev.relplan.rules.Likelihood;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Deployment without automatic rollback is less likely to keep a bad release live when its
 * rolling update waits for readiness: a release whose pods never become ready stalls. (On the
 * request path the impact stays Severe, and Severe × Low is still High in the risk matrix.)
 */
class RolloutRiskTest {
  @TempDir Path repo;

  private static final String SERVICE =
      """
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: web
      spec:
        selector: {app: web}
        ports:
          - port: 80
      """;

  private Finding noRollback(String probe) throws IOException {
    Files.writeString(
        repo.resolve("web.yaml"),
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 3
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
                - name: web
                  image: web:1.0
        """
            + probe
            + SERVICE);
    Assessment a =
        Pipeline.run(new Pipeline.Request(List.of(repo), "t", Context.defaults(), List.of()))
            .assessment();
    return a.findings().stream()
        .map(Assessment.NumberedFinding::finding)
        .filter(f -> f.rule().id().equals("REL-DEPLOY-NO-AUTO-ROLLBACK"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aRollingUpdateGatedByReadinessIsLessLikelyToKeepABadRelease() throws IOException {
    Finding f =
        noRollback(
            """
                      readinessProbe:
                        httpGet: {path: /ready, port: 8080}
            """);
    assertThat(f.likelihood()).isEqualTo(Likelihood.LOW);
    assertThat(f.evidence()).anyMatch(l -> l.line() == 17);
  }

  @Test
  void aRollingUpdateWithoutReadinessKeepsTheRulesLikelihood() throws IOException {
    assertThat(noRollback("").likelihood()).isEqualTo(Likelihood.MEDIUM);
  }
}
