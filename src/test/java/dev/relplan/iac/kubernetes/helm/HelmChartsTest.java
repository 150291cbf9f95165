package dev.relplan.iac.kubernetes.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;
import dev.relplan.parse.SeqNode;
import dev.relplan.source.FileGuard;
import dev.relplan.source.Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Our own fixture charts rendered by Helm in its render process, and located onto templates. */
class HelmChartsTest {
  private static final Path CHARTS = Path.of("src/test/resources/helm");
  private static final FileGuard.Limits LIMITS = new FileGuard.Limits(60, 256L * 1024 * 1024);

  private static RenderedChart production;
  private static RenderedChart staging;

  @BeforeAll
  static void renderWebChart() {
    production = render("web", List.of());
    staging = render("web", List.of(CHARTS.resolve("web/values-staging.yaml")));
  }

  @Test
  void rendersEveryObjectTheMergedValuesEnable() {
    assertThat(production.objects())
        .extracting(HelmChartsTest::kind)
        .containsExactlyInAnyOrder("Deployment", "HorizontalPodAutoscaler", "Service");
    assertThat(production.skipped()).isEmpty();
  }

  @Test
  void productionValuesFileInTheChartIsUsedAndStated() {
    assertThat(production.valuesUsed()).isEqualTo("values.yaml + charts/web/values-prod.yaml");
    assertThat(production.notes())
        .anySatisfy(n -> assertThat(n).contains("the production values file in the chart"));
  }

  @Test
  void valuesFilesGivenOnTheCommandLineReplaceTheProductionChoice() {
    assertThat(staging.objects())
        .extracting(HelmChartsTest::kind)
        .containsExactlyInAnyOrder("Deployment", "Service");
    assertThat(scalar(object(staging, "Deployment"), "spec", "replicas").text()).isEqualTo("2");
  }

  @Test
  void replicasAreLocatedAtTheTemplateLineAndTracedToTheValuesLine() {
    ScalarNode replicas = scalar(object(staging, "Deployment"), "spec", "replicas");
    assertThat(replicas.location())
        .isEqualTo(new Location("charts/web/templates/deployment.yaml", 9));
    assertThat(staging.valuesLines(replicas))
        .containsExactly(new Location("charts/web/values-staging.yaml", 1));
  }

  @Test
  void aValueWrittenByToYamlIsLocatedAtThatLineAndTracedIntoTheValuesBlock() {
    Node path =
        at(
            object(production, "Deployment"),
            "spec",
            "template",
            "spec",
            "containers",
            0,
            "readinessProbe",
            "httpGet",
            "path");
    assertThat(((ScalarNode) path).text()).isEqualTo("/healthz");
    assertThat(path.location()).isEqualTo(new Location("charts/web/templates/deployment.yaml", 26));
    assertThat(production.valuesLines(path))
        .containsExactly(new Location("charts/web/values-prod.yaml", 8));
  }

  @Test
  void aValueTheProductionFileDoesNotSetIsTracedToTheChartDefaults() {
    ScalarNode max = scalar(object(production, "HorizontalPodAutoscaler"), "spec", "maxReplicas");
    assertThat(production.valuesLines(max))
        .containsExactly(new Location("charts/web/values.yaml", 8));
  }

  @Test
  void lookupReturnsNothingAsHelmTemplateMakesIt() {
    MapNode container =
        (MapNode) at(object(production, "Deployment"), "spec", "template", "spec", "containers", 0);
    assertThat(container.has("envFrom")).isFalse();
  }

  @Test
  void aChartThatFailsToRenderIsSkippedWithHelmsError() {
    RenderedChart broken = render("broken", List.of());
    assertThat(broken.objects()).isEmpty();
    assertThat(broken.skipped())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.file()).isEqualTo("charts/broken/Chart.yaml");
              assertThat(s.reason()).contains("a database host is required: set database.host");
            });
  }

  @Test
  void theChartAfterOneStoppedAtItsBudgetRendersInANewProcess() {
    HelmCharts.render(
        CHARTS.resolve("loop"), "charts/loop", List.of(), new FileGuard.Limits(3, 256L << 20));
    RenderedChart after = render("web", List.of());
    assertThat(after.skipped()).isEmpty();
    assertThat(after.objects()).hasSize(3);
  }

  @Test
  void aTemplatingLoopIsStoppedAtTheTimeBudget() {
    RenderedChart loop =
        HelmCharts.render(
            CHARTS.resolve("loop"), "charts/loop", List.of(), new FileGuard.Limits(3, 256L << 20));
    assertThat(loop.objects()).isEmpty();
    assertThat(loop.skipped())
        .singleElement()
        .satisfies(s -> assertThat(s.reason()).startsWith("stopped"));
  }

  @Test
  void aTemplatingLoopFillingMemoryIsStoppedAtTheMemoryBudget() {
    assumeTrue(Files.exists(Path.of("/proc/self/status")), "resident memory is read from /proc");
    RenderedChart loop =
        HelmCharts.render(
            CHARTS.resolve("loop"), "charts/loop", List.of(), new FileGuard.Limits(100, 0));
    assertThat(loop.skipped())
        .singleElement()
        .satisfies(
            s ->
                assertThat(s.reason()).isEqualTo("stopped: rendering took over 512 MiB of memory"));
  }

  @Test
  void aVendoredSubchartRendersWithTheParentsValuesForIt() {
    RenderedChart umbrella = render("umbrella", List.of());
    ScalarNode replicas = scalar(named(umbrella, "StatefulSet", "cache"), "spec", "replicas");
    assertThat(replicas.text()).isEqualTo("3");
    assertThat(replicas.location())
        .isEqualTo(new Location("charts/umbrella/charts/cache/templates/statefulset.yaml", 6));
    assertThat(umbrella.valuesLines(replicas))
        .containsExactly(new Location("charts/umbrella/values.yaml", 2));
  }

  @Test
  void anAliasedSubchartReadsItsValuesUnderItsAlias() {
    RenderedChart umbrella = render("umbrella", List.of());
    ScalarNode replicas = scalar(named(umbrella, "StatefulSet", "sessions"), "spec", "replicas");
    assertThat(replicas.text()).isEqualTo("2");
    assertThat(replicas.location())
        .isEqualTo(new Location("charts/umbrella/charts/cache/templates/statefulset.yaml", 6));
    assertThat(umbrella.valuesLines(replicas))
        .containsExactly(new Location("charts/umbrella/values.yaml", 4));
  }

  @Test
  void theSecondObjectOfAKindInATemplateIsLocatedAtTheSecondDocument() {
    RenderedChart umbrella = render("umbrella", List.of());
    ScalarNode name =
        scalar(named(umbrella, "ServiceAccount", "release-name-writer"), "metadata", "name");
    assertThat(name.location())
        .isEqualTo(new Location("charts/umbrella/templates/serviceaccounts.yaml", 10));
  }

  @Test
  void aVendoredChartArchiveRendersWithLookupReturningNothing() {
    RenderedChart archived = render("archived", List.of());
    assertThat(archived.skipped()).isEmpty();
    assertThat(scalar(named(archived, "ConfigMap", "probe"), "data", "found").text())
        .isEqualTo("map[]");
  }

  @Test
  void aChartArchiveWithAnEntryOutsideItsChartIsNotRendered() {
    RenderedChart escaping = render("escaping-archive", List.of());
    assertThat(escaping.objects()).isEmpty();
    assertThat(escaping.skipped())
        .singleElement()
        .satisfies(s -> assertThat(s.reason()).contains("points outside its chart"));
  }

  @Test
  void aDependencyThatIsNotVendoredIsNamedAsNotAssessed() {
    RenderedChart umbrella = render("umbrella", List.of());
    assertThat(umbrella.skipped()).isEmpty();
    assertThat(umbrella.notes())
        .anySatisfy(n -> assertThat(n).contains("`postgresql`", "not assessed"));
  }

  @Test
  void aLibraryChartRendersNothingAndSaysWhy() {
    RenderedChart library = render("library-only", List.of());
    assertThat(library.objects()).isEmpty();
    assertThat(library.skipped()).isEmpty();
    assertThat(library.notes()).anySatisfy(n -> assertThat(n).contains("library chart"));
  }

  private static RenderedChart render(String chart, List<Path> values) {
    return HelmCharts.render(CHARTS.resolve(chart), "charts/" + chart, values, LIMITS);
  }

  static String kind(Node object) {
    return ((ScalarNode) ((MapNode) object).get("kind")).text();
  }

  private static Node object(RenderedChart chart, String kind) {
    return chart.objects().stream().filter(o -> kind(o).equals(kind)).findFirst().orElseThrow();
  }

  static Node named(RenderedChart chart, String kind, String name) {
    return chart.objects().stream()
        .filter(o -> kind(o).equals(kind))
        .filter(o -> scalar(o, "metadata", "name").text().equals(name))
        .findFirst()
        .orElseThrow();
  }

  static ScalarNode scalar(Node node, Object... path) {
    return (ScalarNode) at(node, path);
  }

  static Node at(Node node, Object... path) {
    for (Object step : path)
      node =
          step instanceof Integer i
              ? ((SeqNode) node).items().get(i)
              : ((MapNode) node).get((String) step);
    return node;
  }
}
