package dev.relplan.cli;

import static dev.relplan.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.cli.CliTest.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File names in a scanned repository are attacker-chosen: shown in a plan they must not inject
 * HTML, terminal escape sequences or extra Markdown lines.
 */
class HostileNamesTest {
  static final String HTML_NAME = "<img src=x onerror=alert(1)>.yaml";
  static final String TERMINAL_NAME = "red\u001b[31m\nfake row.json";

  @TempDir Path tmp;
  Path repo;

  @BeforeEach
  void repositoryWithHostileNames() throws IOException {
    repo = Files.createDirectories(tmp.resolve("repo"));
    Files.copy(Path.of(CliTest.RESILIENT, "service.yaml"), repo.resolve("service.yaml"));
    // Binary content: each is listed as skipped, with its name, in the coverage appendix.
    Files.write(repo.resolve(HTML_NAME), new byte[] {0, 1, 2, 3});
    Files.write(repo.resolve(TERMINAL_NAME), new byte[] {0, 1, 2, 3});
  }

  @Test
  void markdownShowsAnHtmlFileNameAsText() {
    Result r = run("assess", repo.toString());
    assertThat(r.out()).contains("\\<img src=x onerror=alert(1)>.yaml").doesNotContain(" <img");
  }

  @Test
  void markdownCarriesNoControlCharacterOrInjectedLine() {
    Result r = run("assess", repo.toString());
    assertThat(r.out()).doesNotContain("\u001b").contains("red\uFFFD[31m fake row.json");
    assertThat(r.out().lines()).noneMatch(line -> line.startsWith("fake row.json"));
  }

  @Test
  void htmlPageShowsTheNamesEscaped() {
    Result r = run("assess", repo.toString(), "--format", "html");
    assertThat(r.out())
        .doesNotContain("<img")
        .doesNotContain("\u001b")
        // In the embedded JSON report, as JSON escapes the page's script decodes to text.
        .contains("\\u003cimg src=x onerror=alert(1)\\u003e.yaml");
  }
}
