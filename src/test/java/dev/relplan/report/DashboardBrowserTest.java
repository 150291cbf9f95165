package dev.relplan.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.portfolio.Portfolio;
import dev.relplan.portfolio.PortfolioHtml;
import dev.relplan.portfolio.ReportReader;
import dev.relplan.portfolio.WorkloadReport;
import dev.relplan.rules.Context;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard of examples/orders-platform opened in headless Debian chromium: it draws without a
 * console message or script error, its filters change the visible rows, and it is photographed. The
 * page writes its state on the body ({@code data-state}, {@code data-errors}) and on the findings
 * table ({@code data-visible-rows}), and reads its filters from the address, so the DOM chromium
 * dumps shows each. Skipped when no {@code chromium} is on PATH; {@code -Drelplan.updateDocs=true}
 * also copies the screenshot to docs/dashboard.png. The portfolio page (relplan portfolio --format
 * html) of the committed public-repository reports is checked the same way: it draws without a
 * console message, its workload filter and column sort work.
 */
@Tag("browser")
class DashboardBrowserTest {
  private static final long TIMEOUT_SECONDS = 120;

  @TempDir static Path dir;
  static Path chromium;
  static Path page;
  static JsonNode report;

  /** The page as drawn without filters, dumped once for the tests that read it. */
  private static Run unfiltered;

  @BeforeAll
  static void renderOrdersPlatform() throws IOException {
    chromium = onPath("chromium");
    assumeTrue(
        chromium != null,
        "no chromium on PATH: install Debian's chromium package (apt-get install -y chromium) to"
            + " run the dashboard browser check");
    Pipeline.Result r =
        Pipeline.run(
            new Pipeline.Request(
                List.of(Path.of("examples/orders-platform")), null, Context.defaults(), List.of()));
    String html = new HtmlRenderer().render(HtmlReportTest.input(r, "2026-11-30"));
    page = dir.resolve("dashboard.html");
    Files.writeString(page, html, StandardCharsets.UTF_8);
    report = new ObjectMapper().readTree(HtmlReportTest.embeddedJson(html));
  }

  static Run unfiltered() throws IOException, InterruptedException {
    if (unfiltered == null) unfiltered = chromium("--dump-dom", page.toUri().toString());
    return unfiltered;
  }

  @Test
  void pageDrawsWithoutConsoleMessagesOrScriptErrors() throws Exception {
    Run run = unfiltered();
    assertThat(bodyTag(run.stdout()))
        .contains("data-state=\"ready\"")
        .contains("data-errors=\"0\"");
    // The page logs nothing: any console line (an error, a refused resource) is a fault.
    assertThat(run.stderr().lines().filter(line -> line.contains(":CONSOLE")).toList()).isEmpty();
  }

  /** The control of the check above: chromium's log shows a page's console error. */
  @Test
  void consoleCheckSeesAPageThatLogsAnError() throws Exception {
    Path logging = dir.resolve("logging.html");
    Files.writeString(
        logging, "<!DOCTYPE html><title>t</title><script>console.error('x')</script>");
    Run run = chromium("--dump-dom", logging.toUri().toString());
    assertThat(run.stderr()).contains(":CONSOLE");
  }

  @Test
  void everyFindingIsARowWithoutFilters() throws Exception {
    Run run = unfiltered();
    assertThat(visibleRows(run.stdout())).isEqualTo(report.get("findings").size());
  }

  @Test
  void riskFilterShowsOnlyThatRisksRows() throws Exception {
    Run run = chromium("--dump-dom", page.toUri() + "#risk=Critical");
    assertThat(visibleRows(run.stdout()))
        .isEqualTo(report.get("summary").get("critical").asInt())
        .isLessThan(report.get("findings").size());
  }

  @Test
  void heatMapCellShowsOnlyItsImpactAndLikelihood() throws Exception {
    int expected = 0;
    for (JsonNode f : report.get("findings"))
      if (f.get("impact").asText().equals("Minor") && f.get("likelihood").asText().equals("Low"))
        expected++;
    Run run = chromium("--dump-dom", page.toUri() + "#impact=Minor&likelihood=Low");
    assertThat(visibleRows(run.stdout())).isEqualTo(expected).isPositive();
    assertThat(run.stdout()).contains("class=\"cell selected\"");
  }

  @Test
  void topologyIsDrawnWithItsSinglePointsOfFailureMarked() throws Exception {
    Run run = unfiltered();
    long spofs = 0;
    for (JsonNode n : report.get("topology").get("nodes")) if (n.get("spof").asBoolean()) spofs++;
    assertThat(spofs).isPositive();
    assertThat(occurrences(run.stdout(), " spof\" data-node=\"")).isEqualTo(spofs);
  }

  @Test
  void suppressedFindingsAreListedWhenTheReportHasThem() throws Exception {
    ObjectNode withSuppressed = report.deepCopy();
    ObjectNode suppressed = report.get("findings").get(0).deepCopy();
    suppressed
        .putObject("suppression")
        .put("reason", "accepted for the batch tier")
        .put("until", "2027-01-31")
        .put("source", "inline")
        .put("file", "data.yaml")
        .put("line", 120);
    withSuppressed.putArray("suppressed").add(suppressed);
    StringWriter json = new StringWriter();
    new ObjectMapper().writeValue(new ScriptSafeJson(json), withSuppressed);
    String html = Files.readString(page);
    String old = HtmlReportTest.embeddedJson(html);
    Path variant = dir.resolve("suppressed.html");
    Files.writeString(variant, html.replace(old, json.toString()));
    Run run = chromium("--dump-dom", variant.toUri().toString());
    assertThat(bodyTag(run.stdout())).contains("data-errors=\"0\"");
    assertThat(run.stdout())
        .contains("<h2>Suppressed</h2>")
        .contains("data-table=\"suppressed\"")
        .contains("accepted for the batch tier")
        .contains("2027-01-31");
  }

  @Test
  void withoutSuppressionsThereIsNoSuppressedSection() throws Exception {
    assertThat(unfiltered().stdout()).doesNotContain("<h2>Suppressed</h2>");
  }

  @Test
  void screenshotIsTaken() throws Exception {
    Path shot = dir.resolve("dashboard.png");
    chromium(
        "--screenshot=" + shot,
        "--window-size=1280,2000",
        "--hide-scrollbars",
        page.toUri().toString());
    byte[] png = Files.readAllBytes(shot);
    assertThat(png).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    assertThat(png.length).isGreaterThan(20_000);
    Path target = Path.of("target", "dashboard.png");
    Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
    if (Boolean.getBoolean("relplan.updateDocs"))
      Files.copy(shot, Path.of("docs", "dashboard.png"), StandardCopyOption.REPLACE_EXISTING);
  }

  // ------------------------------------------------------------------ the portfolio page

  /** The portfolio page of the committed public-repository reports, written once. */
  private static Path portfolioPage;

  static Path portfolioPage() throws IOException {
    if (portfolioPage == null) {
      List<WorkloadReport> reports = new ArrayList<>();
      try (var files = Files.list(Path.of("src/test/resources/portfolio"))) {
        for (Path f : files.sorted().toList())
          if (f.toString().endsWith(".json")) reports.add(ReportReader.read(f));
      }
      portfolioPage = dir.resolve("portfolio.html");
      Files.writeString(
          portfolioPage, new PortfolioHtml().render(Portfolio.of(reports)), StandardCharsets.UTF_8);
    }
    return portfolioPage;
  }

  @Test
  void portfolioDrawsWithoutConsoleMessagesOrScriptErrors() throws Exception {
    Run run = chromium("--dump-dom", portfolioPage().toUri().toString());
    assertThat(bodyTag(run.stdout()))
        .contains("data-state=\"ready\"")
        .contains("data-errors=\"0\"");
    assertThat(run.stderr().lines().filter(line -> line.contains(":CONSOLE")).toList()).isEmpty();
    assertThat(tableRows(run.stdout(), "workloads")).isEqualTo(2);
  }

  @Test
  void portfolioWorkloadFilterKeepsOnlyMatchingRows() throws Exception {
    Run run = chromium("--dump-dom", portfolioPage().toUri() + "#workload=petclinic");
    assertThat(tableRows(run.stdout(), "workloads")).isEqualTo(1);
    assertThat(tableRows(run.stdout(), "targets")).isEqualTo(1);
    // The six rules with petclinic findings stay, shared with the demo or not; the demo's own go.
    assertThat(tableRows(run.stdout(), "gaps")).isEqualTo(6);
  }

  @Test
  void portfolioSortsAColumnDescending() throws Exception {
    Run byName = chromium("--dump-dom", portfolioPage().toUri().toString());
    assertThat(firstWorkloadRow(byName.stdout())).isEqualTo("microservices-demo");
    Run byMaturity =
        chromium("--dump-dom", portfolioPage().toUri() + "#sort=workloads:maturity:descending");
    assertThat(firstWorkloadRow(byMaturity.stdout())).isEqualTo("spring-petclinic-microservices");
    assertThat(byMaturity.stdout()).contains("data-key=\"maturity\" aria-sort=\"descending\"");
  }

  /** The visible row count the portfolio page wrote on one of its tables. */
  static int tableRows(String dom, String table) {
    String tag = "data-table=\"" + table + "\"";
    int at = dom.indexOf(tag);
    assertThat(at).as("table " + table + " in the dumped page").isNotNegative();
    int end = dom.indexOf('>', at);
    String marker = "data-visible-rows=\"";
    int start = dom.lastIndexOf("<table", at);
    String opening = dom.substring(start, end);
    int value = opening.indexOf(marker) + marker.length();
    return Integer.parseInt(opening.substring(value, opening.indexOf('"', value)));
  }

  /** The workload named by the first row of the portfolio's workloads table. */
  static String firstWorkloadRow(String dom) {
    int table = dom.indexOf("data-table=\"workloads\"");
    String marker = "<tr data-workload=\"";
    int start = dom.indexOf(marker, table) + marker.length();
    return dom.substring(start, dom.indexOf('"', start));
  }

  /** What one chromium run wrote. */
  record Run(String stdout, String stderr) {}

  /**
   * Runs headless chromium on the page with a profile of its own, without the sandbox (CI runs as
   * root) and without background network use; output goes to files, so no pipe fills up.
   */
  static Run chromium(String... pageArguments) throws IOException, InterruptedException {
    Path out = Files.createTempFile(dir, "chromium", ".out");
    Path err = Files.createTempFile(dir, "chromium", ".err");
    List<String> command = new ArrayList<>();
    command.add(chromium.toString());
    command.addAll(
        List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--disable-extensions",
            "--disable-background-networking",
            "--user-data-dir=" + Files.createTempDirectory(dir, "profile"),
            "--enable-logging=stderr",
            "--v=0",
            "--virtual-time-budget=10000"));
    command.addAll(List.of(pageArguments));
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish within " + TIMEOUT_SECONDS + " s");
    }
    Run run = new Run(Files.readString(out), Files.readString(err));
    assertThat(p.exitValue()).as("chromium exit code; stderr:%n%s", run.stderr()).isZero();
    return run;
  }

  /** The opening tag of the dumped page's body. */
  static String bodyTag(String dom) {
    int start = dom.indexOf("<body");
    assertThat(start).as("a body in the dumped page").isNotNegative();
    return dom.substring(start, dom.indexOf('>', start) + 1);
  }

  /** The findings table's count of visible rows, as the page wrote it. */
  static int visibleRows(String dom) {
    String marker = "data-visible-rows=\"";
    int start = dom.indexOf(marker);
    assertThat(start).as("the findings table's row count in the dumped page").isNotNegative();
    start += marker.length();
    return Integer.parseInt(dom.substring(start, dom.indexOf('"', start)));
  }

  static long occurrences(String text, String part) {
    long count = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) count++;
    return count;
  }

  /** The executable of that name in a PATH folder, or null. */
  static Path onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) return null;
    for (String folder : path.split(File.pathSeparator)) {
      if (folder.isEmpty()) continue;
      Path candidate = Path.of(folder, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return candidate;
    }
    return null;
  }
}
