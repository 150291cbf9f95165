package dev.relplan.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Adding a second PATH changes nothing about the first one's findings but the root label where a
 * format shows it: same fingerprints, addresses, files and lines.
 */
class SecondRootTest {
  private static final Path SHOP = Path.of("examples/terraform-shop");
  private static final Path ORDERS = Path.of("examples/orders-platform");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static Pipeline.Result run(List<Path> roots) throws IOException {
    return Pipeline.run(new Pipeline.Request(roots, null, Context.defaults(), List.of()));
  }

  /** Each finding of the root: rule, fingerprint, address, type and its evidence locations. */
  private static List<String> findingsOf(String json, String root) throws IOException {
    List<String> out = new ArrayList<>();
    for (JsonNode f : MAPPER.readTree(json).get("findings")) {
      if (!root.equals(f.get("root").asText())) continue;
      StringBuilder b = new StringBuilder();
      for (String field : List.of("rule", "fingerprint", "address", "resourceType"))
        b.append(f.get(field).asText()).append(' ');
      for (JsonNode e : f.get("evidence"))
        b.append(e.get("root").asText())
            .append(':')
            .append(e.get("file").asText())
            .append(':')
            .append(e.get("line").asInt())
            .append(' ');
      out.add(b.toString());
    }
    out.sort(null);
    return out;
  }

  private static String json(Pipeline.Result r) {
    return JsonRenderer.render(r.assessment(), "t", r.snippets());
  }

  @Test
  void firstRootsFindingsKeepFingerprintsAndPathsInJson() throws IOException {
    List<String> alone = findingsOf(json(run(List.of(SHOP))), "examples/terraform-shop");
    List<String> withSecond =
        findingsOf(json(run(List.of(SHOP, ORDERS))), "examples/terraform-shop");
    assertThat(alone).hasSizeGreaterThan(5);
    assertThat(withSecond).isEqualTo(alone);
  }

  @Test
  void secondRootsFilesAreRelativeToItInJson() throws IOException {
    JsonNode report = MAPPER.readTree(json(run(List.of(SHOP, ORDERS))));
    assertThat(report.get("roots").toString())
        .isEqualTo("[\"examples/terraform-shop\",\"examples/orders-platform\"]");
    for (JsonNode f : report.get("findings"))
      for (JsonNode e : f.get("evidence"))
        assertThat(e.get("file").asText()).doesNotStartWith("examples/");
  }

  @Test
  void firstRootsSarifResultsKeepUrisAndFingerprints() throws IOException {
    List<String> alone = sarifResults(run(List.of(SHOP)), "%SRCROOT%");
    List<String> withSecond = sarifResults(run(List.of(SHOP, ORDERS)), "examples/terraform-shop");
    assertThat(alone).hasSizeGreaterThan(5);
    assertThat(withSecond).containsAll(alone);
  }

  /**
   * Fingerprint, uri and line of every result located in the root with this base id, leaving out
   * repository-level findings (anchored at the main file of whatever was scanned).
   */
  private static List<String> sarifResults(Pipeline.Result r, String baseId) throws IOException {
    JsonNode run =
        MAPPER.readTree(SarifRenderer.render(r.assessment(), List.of(), "t")).get("runs").get(0);
    assertThat(run.get("originalUriBaseIds").has(baseId)).isTrue();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < run.get("results").size(); i++) {
      if (r.assessment().findings().get(i).finding().evidence().isEmpty()) continue;
      JsonNode result = run.get("results").get(i);
      JsonNode at = result.get("locations").get(0).get("physicalLocation");
      if (!baseId.equals(at.get("artifactLocation").get("uriBaseId").asText())) continue;
      out.add(
          result.get("partialFingerprints").get("relplanFinding/v2").asText()
              + " "
              + at.get("artifactLocation").get("uri").asText()
              + ":"
              + at.get("region").get("startLine").asInt());
    }
    return out;
  }

  @Test
  void markdownNamesTheRootBesideTheFileOnlyWithSeveralRoots() throws IOException {
    String alone = MarkdownRenderer.render(run(List.of(SHOP)).assessment(), "d");
    String both = MarkdownRenderer.render(run(List.of(SHOP, ORDERS)).assessment(), "d");
    assertThat(alone).contains("`api.tf:").doesNotContain("examples/terraform-shop: ");
    assertThat(both).contains("`examples/terraform-shop: api.tf:");
  }
}
