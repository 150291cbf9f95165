package dev.relplan.iac.kubernetes.helm;

import static dev.relplan.iac.kubernetes.helm.HelmChartsTest.at;
import static dev.relplan.iac.kubernetes.helm.HelmChartsTest.named;
import static dev.relplan.iac.kubernetes.helm.HelmChartsTest.scalar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;
import dev.relplan.source.FileGuard;
import dev.relplan.source.Location;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Values read through {@code range} variables, {@code with}, {@code $.Values}, named templates and
 * a subchart's {@code global} values reach their values lines; what cannot be told stays at the
 * template line only. Fixture: {@code src/test/resources/helm/scoped}.
 */
class HelmValuesTracingTest {
  private static final String CHART = "charts/scoped/";
  private static RenderedChart scoped;

  @BeforeAll
  static void renderScopedChart() {
    scoped =
        HelmCharts.render(
            Path.of("src/test/resources/helm/scoped"),
            "charts/scoped",
            List.of(),
            new FileGuard.Limits(60, 256L * 1024 * 1024));
  }

  private static Location values(int line) {
    return new Location(CHART + "values.yaml", line);
  }

  private static Node container(String deployment) {
    return at(named(scoped, "Deployment", deployment), "spec", "template", "spec", "containers", 0);
  }

  @Test
  void aRangeElementFieldIsTracedToTheElementHoldingTheRenderedValue() {
    ScalarNode port = scalar(container("web"), "ports", 0, "containerPort");
    assertThat(port.text()).isEqualTo("9090");
    assertThat(port.location()).isEqualTo(new Location(CHART + "templates/deployments.yaml", 16));
    assertThat(scoped.valuesLines(port)).containsExactly(values(8));
  }

  @Test
  void aRangeElementFieldTwoElementsHoldAlikeIsNotTraced() {
    ScalarNode replicas = scalar(named(scoped, "Deployment", "api"), "spec", "replicas");
    assertThat(replicas.text()).isEqualTo("2");
    assertThat(scoped.valuesLines(replicas)).isEmpty();
  }

  @Test
  void dollarValuesInsideARangeIsTracedFromTheRoot() {
    ScalarNode image = scalar(container("api"), "image");
    assertThat(scoped.valuesLines(image)).containsExactly(values(2));
  }

  @Test
  void aNamedTemplateFieldIsTracedThroughTheArgumentOfTheInclude() {
    ScalarNode path = scalar(container("api"), "readinessProbe", "httpGet", "path");
    assertThat(path.text()).isEqualTo("/ready");
    assertThat(path.location()).isEqualTo(new Location(CHART + "templates/deployments.yaml", 17));
    assertThat(scoped.valuesLines(path)).containsExactly(values(12));
  }

  @Test
  void aLiteralFieldOfANamedTemplateIsNotTraced() {
    ScalarNode port = scalar(container("api"), "readinessProbe", "httpGet", "port");
    assertThat(scoped.valuesLines(port)).isEmpty();
  }

  @Test
  void toYamlOfTheWithDotIsTracedIntoTheWithBlock() {
    ScalarNode memory = scalar(container("api"), "resources", "limits", "memory");
    assertThat(memory.location()).isEqualTo(new Location(CHART + "templates/deployments.yaml", 20));
    assertThat(scoped.valuesLines(memory)).containsExactly(values(16));
  }

  @Test
  void aNamedTemplateCalledWithADictIsNotTraced() {
    Node worker =
        at(named(scoped, "Deployment", "worker"), "spec", "template", "spec", "containers", 0);
    ScalarNode path = scalar(worker, "readinessProbe", "httpGet", "path");
    assertThat(path.text()).isEqualTo("/ready");
    assertThat(path.location()).isEqualTo(new Location(CHART + "templates/worker.yaml", 10));
    assertThat(scoped.valuesLines(path)).isEmpty();
  }

  @Test
  void aSubchartsGlobalValueIsTracedToTheParentsGlobalBlock() {
    ScalarNode image =
        scalar(
            named(scoped, "Deployment", "metrics"),
            "spec",
            "template",
            "spec",
            "containers",
            0,
            "image");
    assertThat(image.text()).isEqualTo("registry.example.com/metrics");
    assertThat(scoped.valuesLines(image)).containsExactly(values(2));
  }
}
