package dev.relplan.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relplan.source.InputError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a report: the fields the portfolio uses, and one-line errors for anything else. */
class ReportReaderTest {
  @TempDir Path dir;

  @Test
  void readsTheFieldsThePortfolioUsesFromARealReport() {
    WorkloadReport r =
        ReportReader.read(
            Path.of("src/test/resources/portfolio/microservices-demo-2026-08-11.json"));
    assertThat(r.workload()).isEqualTo("microservices-demo");
    assertThat(r.date()).isEqualTo("2026-08-11");
    assertThat(r.availabilityTarget()).isEqualTo("99.99");
    assertThat(r.findings()).hasSize(66);
    assertThat(r.undeterminedRules()).hasSize(35);
    assertThat(r.findings().get(0).file()).isNotNull();
  }

  @Test
  void aJsonFileThatIsNoReportIsAnErrorNamingTheFile() throws IOException {
    Path file = dir.resolve("package.json");
    Files.writeString(file, "{\"name\":\"shop\",\"version\":\"1.0.0\"}");
    assertThatThrownBy(() -> ReportReader.read(file))
        .isInstanceOf(InputError.class)
        .hasMessageContaining("'" + file + "' is not a relplan JSON report")
        .hasMessageContaining("tool is missing")
        .hasMessageContaining("relplan assess --format json")
        .hasMessageNotContaining("\n");
  }

  @Test
  void invalidJsonIsAnErrorNamingTheFileAndLine() throws IOException {
    Path file = dir.resolve("broken.json");
    Files.writeString(file, "{\"schemaVersion\":\"1\",\n\"tool\": }");
    assertThatThrownBy(() -> ReportReader.read(file))
        .isInstanceOf(InputError.class)
        .hasMessageContaining("broken.json")
        .hasMessageContaining("line 2");
  }

  @Test
  void aReportMissingAFieldNamesTheField() throws IOException {
    Path file = dir.resolve("old.json");
    Files.writeString(
        file,
        TinyReports.json("shop", null, null, null).replace("\"maturity\":2", "\"maturity\":null"));
    assertThatThrownBy(() -> ReportReader.read(file))
        .isInstanceOf(InputError.class)
        .hasMessageContaining("summary.maturity is missing");
  }

  @Test
  void aFindingWithoutEvidenceHasNoLocation() throws IOException {
    Path file = dir.resolve("r.json");
    Files.writeString(
        file,
        TinyReports.json(
            "shop", null, null, null, new TinyReports.F("F-001", "a", "R", "Low", false)));
    assertThat(ReportReader.read(file).findings().get(0).location()).isEqualTo("-");
  }

  @Test
  void aDateThatIsNotIsoIsAnError() throws IOException {
    Path file = dir.resolve("r.json");
    Files.writeString(file, TinyReports.json("shop", "05/01/2026", null, null));
    assertThatThrownBy(() -> ReportReader.read(file))
        .isInstanceOf(InputError.class)
        .hasMessageContaining("date '05/01/2026' is not YYYY-MM-DD");
  }

  @Test
  void aPortfolioGivenAsAReportIsNamedAsSuch() throws IOException {
    Path file = dir.resolve("portfolio.json");
    Files.writeString(file, new PortfolioJson().render(Portfolio.of(java.util.List.of())));
    assertThatThrownBy(() -> ReportReader.read(file))
        .isInstanceOf(InputError.class)
        .hasMessageContaining("it is a relplan portfolio");
  }
}
