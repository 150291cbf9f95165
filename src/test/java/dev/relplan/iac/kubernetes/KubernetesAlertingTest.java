package dev.relplan.iac.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.model.Alarm;
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
 * A Kubernetes-only repository is judged by Kubernetes alerting (PrometheusRule), not asked for
 * CloudWatch alarms or AWS service quota alarms it has no AWS resource to attach to.
 */
class KubernetesAlertingTest {
  @TempDir Path repo;

  private static final String ALERTS =
      """
      apiVersion: monitoring.coreos.com/v1
      kind: PrometheusRule
      metadata:
        name: web-alerts
        namespace: shop
      spec:
        groups:
          - name: web
            rules:
              - alert: WebDown
                expr: up{job="web"} == 0
                for: 5m
              - record: job:http_requests:rate5m
                expr: sum by (job) (rate(http_requests_total[5m]))
      """;

  private Pipeline.Result run() throws IOException {
    Files.writeString(repo.resolve("web.yaml"), KubernetesAdapterTest.DEPLOYMENT);
    return Pipeline.run(new Pipeline.Request(List.of(repo), "t", Context.defaults(), List.of()));
  }

  private static List<String> titles(Pipeline.Result r) {
    return r.assessment().findings().stream().map(n -> n.finding()).map(Finding::title).toList();
  }

  @Test
  void withoutAlertingRulesTheGapIsNamedForKubernetes() throws IOException {
    List<String> titles = titles(run());
    assertThat(titles).contains("No alerting rules are defined");
    assertThat(titles).doesNotContain("No CloudWatch alarms are defined");
  }

  @Test
  void serviceQuotaAlarmsAreNotAskedOfAKubernetesOnlyRepository() throws IOException {
    assertThat(titles(run())).doesNotContain("No service quota alarms");
  }

  @Test
  void eachAlertOfAPrometheusRuleIsAnAlarmAtItsAlertLine() throws IOException {
    Files.writeString(repo.resolve("alerts.yaml"), ALERTS);
    Pipeline.Result r = run();
    List<Alarm> alarms = r.workload().all(Alarm.class);
    assertThat(alarms).hasSize(1);
    assertThat(alarms.get(0).location.line()).isEqualTo(10);
    assertThat(alarms.get(0).actions.unresolved()).isTrue();
    assertThat(titles(r)).doesNotContain("No alerting rules are defined");
  }
}
