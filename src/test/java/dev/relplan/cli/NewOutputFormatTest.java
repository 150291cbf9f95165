package dev.relplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relplan.assess.Assessment;
import dev.relplan.report.Renderer;
import dev.relplan.report.Renderers;
import dev.relplan.report.ReportInput;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "how to add an output format" walk-through, followed for real: a new format is one class
 * implementing {@link Renderer} plus registering it once (in {@code Renderers.all()}; here with
 * {@code Renderers.all().with(...)}). The CLI then accepts its name, writes its file and names it
 * in help and errors, with no other change.
 */
class NewOutputFormatTest {
  /** A throwaway output format: the finding ids, one a line. */
  static final class FindingIdsRenderer implements Renderer {
    @Override
    public String format() {
      return "ids";
    }

    @Override
    public String extension() {
      return "txt";
    }

    @Override
    public void render(ReportInput input, Writer out) throws IOException {
      for (Assessment.NumberedFinding f : input.assessment().findings())
        out.append(f.id()).append('\n');
    }
  }

  static final Renderers WITH_IDS = Renderers.all().with(new FindingIdsRenderer());

  @TempDir Path tmp;

  @Test
  void theNewFormatWritesTheFindingIdsOfTheJsonReport() throws IOException {
    CliTest.Result ids = CliTest.run(WITH_IDS, "assess", CliTest.ORDERS, "--format", "ids");
    CliTest.Result json = CliTest.run(WITH_IDS, "assess", CliTest.ORDERS, "--format", "json");
    assertThat(ids.code()).isZero();
    List<String> expected = new ArrayList<>();
    for (JsonNode f : json.json().get("findings")) expected.add(f.get("id").asText());
    assertThat(expected).isNotEmpty();
    assertThat(ids.out().lines().toList()).isEqualTo(expected);
  }

  @Test
  void theNewFormatIsWrittenToItsOwnFileBesideTheOthers() throws IOException {
    Path dir = tmp.resolve("out");
    CliTest.Result r =
        CliTest.run(
            WITH_IDS,
            "assess",
            CliTest.ORDERS,
            "--format",
            "md",
            "--format",
            "ids",
            "-o",
            dir.toString());
    assertThat(r.code()).isZero();
    assertThat(dir.resolve("reliability-plan.md")).isRegularFile();
    assertThat(Files.readString(dir.resolve("reliability-plan.txt"), StandardCharsets.UTF_8))
        .startsWith("F-");
  }

  @Test
  void anUnknownFormatListsExactlyTheRegisteredNames() {
    CliTest.Result r = CliTest.run(WITH_IDS, "assess", CliTest.RESILIENT, "--format", "xml");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.errLines())
        .containsExactly(
            "relplan: --format xml is not available: use md, json, sarif, html or ids");
  }

  @Test
  void theFormatHelpNamesTheNewFormat() {
    CliTest.Result r = CliTest.run(WITH_IDS, "assess", "--help");
    assertThat(r.out()).contains("md (default), json, sarif, html or ids; repeatable.");
  }
}
