package dev.relplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relplan.report.Renderers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The command-line contract of SPEC §1: options, outputs and exit codes (0 done, 1 --fail-on
 * reached, 2 usage or input error).
 */
class CliTest {
  static final String ORDERS = "examples/orders-platform";
  static final String RESILIENT = "examples/resilient-web";
  static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path tmp;

  record Result(int code, String out, String err) {
    List<String> errLines() {
      return err.lines().toList();
    }

    JsonNode json() throws IOException {
      return MAPPER.readTree(out);
    }
  }

  static Result run(String... args) {
    return run(Renderers.all(), args);
  }

  /** Runs the command line offering these output formats, capturing what it prints. */
  static Result run(Renderers renderers, String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      code = Main.execute(renderers, args);
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    return new Result(
        code,
        out.toString(StandardCharsets.UTF_8),
        withoutAgentLog(err.toString(StandardCharsets.UTF_8)));
  }

  /**
   * Stderr without the lines Jazzer's agent prints when it instruments a class loaded for the first
   * time: once a fuzz test has run in this test JVM, a class the command loads later (a help text)
   * is announced on the same stream, which is not the command's output.
   */
  private static String withoutAgentLog(String err) {
    StringBuilder kept = new StringBuilder();
    err.lines()
        .filter(line -> !line.startsWith("INFO: Instrumented "))
        .forEach(line -> kept.append(line).append(System.lineSeparator()));
    return kept.toString();
  }

  /** Exit 2, nothing on stdout, exactly one line on stderr that contains every given fragment. */
  static void assertUsageError(Result r, String... fragments) {
    assertThat(r.code()).as("exit code; stderr: " + r.err()).isEqualTo(2);
    assertThat(r.out()).as("stdout").isEmpty();
    assertThat(r.errLines()).as("stderr lines").hasSize(1);
    String line = r.errLines().get(0);
    assertThat(line)
        .startsWith("relplan: ")
        .doesNotContain("internal error")
        .doesNotContain("Exception");
    for (String f : fragments) assertThat(line).contains(f);
  }

  // ------------------------------------------------------------------ help and version

  @Test
  void helpExitsZeroAndShowsUsage() {
    Result r = run("--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Usage: relplan").contains("assess");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void assessHelpExitsZeroAndListsTheOptions() {
    Result r = run("assess", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains(
            "--target", "--rto", "--rpo", "--parameters", "--format", "--output", "--fail-on");
  }

  @Test
  void versionExitsZeroAndPrintsTheVersion() {
    Result r = run("--version");
    assertThat(r.code()).isZero();
    assertThat(r.out().strip()).isEqualTo("relplan " + Main.VERSION);
  }

  // ------------------------------------------------------------------ usage errors: exit 2, one
  // line naming the problem

  @Test
  void missingPathExitsTwoNamingThePath() {
    assertUsageError(run("assess", "no/such/dir"), "'no/such/dir'", "does not exist");
  }

  @Test
  void missingPathAmongSeveralExitsTwo() {
    assertUsageError(run("assess", RESILIENT, "no-such-dir"), "'no-such-dir'");
  }

  @Test
  void noPathExitsTwo() {
    assertUsageError(run("assess"), "PATH");
  }

  @Test
  void unknownOptionExitsTwo() {
    assertUsageError(run("assess", RESILIENT, "--bogus"), "--bogus");
  }

  static Stream<Arguments> badOptions() {
    return Stream.of(
        Arguments.of("--target", "abc"),
        Arguments.of("--target", "100"),
        Arguments.of("--target", "0"),
        Arguments.of("--target", "-99.9"),
        Arguments.of("--target", "NaN"),
        Arguments.of("--target", "Infinity"),
        Arguments.of("--rto", "5x"),
        Arguments.of("--rto", "-5m"),
        Arguments.of("--rto", "0m"),
        Arguments.of("--rto", ""),
        Arguments.of("--rpo", "soon"),
        Arguments.of("--rpo", "PT"),
        Arguments.of("--format", "xml"),
        Arguments.of("--format", "JSONX"),
        Arguments.of("--fail-on", "severe"),
        Arguments.of("--fail-on", ""),
        Arguments.of("--date", "2020-13-01"));
  }

  @ParameterizedTest(name = "{0} ''{1}''")
  @MethodSource("badOptions")
  void badOptionValueExitsTwoWithOneLine(String option, String value) {
    assertUsageError(run("assess", RESILIENT, option, value), option, value);
  }

  @Test
  void unknownFormatListsEveryFormatOnOffer() {
    Result r = run("assess", RESILIENT, "--format", "xml");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.errLines())
        .containsExactly("relplan: --format xml is not available: use md, json, sarif or html");
  }

  @Test
  void formatHelpNamesEveryFormatWithTheDefaultFirst() {
    Result r = run("assess", "--help");
    assertThat(r.out().lines())
        .anyMatch(
            l ->
                l.strip().startsWith("--format=F ")
                    && l.strip().endsWith(" md (default), json, sarif or html; repeatable."));
  }

  // ------------------------------------------------------------------ --fail-on

  @Test
  void failOnHighWithHighFindingsExitsOne() throws IOException {
    Result r = run("assess", ORDERS, "--format", "json", "--fail-on", "high");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.errLines()).as("one summary line, nothing else").hasSize(1);
    assertThat(r.json().at("/summary/high").asInt()).as("the report is still written").isPositive();
  }

  @Test
  void failOnCriticalWithoutCriticalFindingsExitsZero() throws IOException {
    Result r = run("assess", RESILIENT, "--format", "json", "--fail-on", "critical");
    JsonNode summary = r.json().get("summary");
    // resilient-web has one High finding (no pre-production environment) and nothing Critical.
    assertThat(summary.get("critical").asInt()).isZero();
    assertThat(summary.get("high").asInt()).isPositive();
    assertThat(r.code()).isZero();
  }

  @Test
  void failOnHighWithOnlyHighFindingsExitsOne() {
    assertThat(run("assess", RESILIENT, "--fail-on", "high").code()).isEqualTo(1);
  }

  @Test
  void failOnLevelIsCaseInsensitive() {
    assertThat(run("assess", RESILIENT, "--fail-on", "HIGH").code()).isEqualTo(1);
  }

  static Stream<Arguments> failOnMatrix() {
    List<Arguments> out = new ArrayList<>();
    for (String dir : List.of(ORDERS, RESILIENT)) {
      for (String level : List.of("critical", "high", "medium", "low"))
        out.add(Arguments.of(dir, level));
    }
    return out.stream();
  }

  /**
   * Exit 1 exactly when some finding is at or above the level (SPEC §1), judged from the report's
   * own counts.
   */
  @ParameterizedTest(name = "{0} --fail-on {1}")
  @MethodSource("failOnMatrix")
  void failOnExitsOneExactlyWhenAFindingIsAtOrAboveTheLevel(String dir, String level)
      throws IOException {
    Result r = run("assess", dir, "--format", "json", "--fail-on", level);
    JsonNode s = r.json().get("summary");
    List<String> order = List.of("critical", "high", "medium", "low");
    int atOrAbove = 0;
    for (String l : order.subList(0, order.indexOf(level) + 1)) atOrAbove += s.get(l).asInt();
    assertThat(r.code())
        .as("findings at or above " + level + ": " + atOrAbove)
        .isEqualTo(atOrAbove > 0 ? 1 : 0);
  }

  @Test
  void withoutFailOnFindingsDoNotChangeTheExitCode() {
    assertThat(run("assess", ORDERS).code()).isZero();
  }

  // ------------------------------------------------------------------ outputs

  @Test
  void jsonToFileWritesTheFileAndNothingToStdout() throws IOException {
    Path file = tmp.resolve("plan.json");
    Result r = run("assess", RESILIENT, "--format", "json", "-o", file.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEmpty();
    JsonNode report = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
    assertThat(report.get("schemaVersion").asText()).isEqualTo("1");
  }

  @Test
  void outputFileInMissingDirectoriesIsCreated() {
    Path file = tmp.resolve("a/b/plan.md");
    assertThat(run("assess", RESILIENT, "--output", file.toString()).code()).isZero();
    assertThat(file).isRegularFile();
  }

  @Test
  void twoFormatsToDirectoryWriteTwoFiles() throws IOException {
    Path dir = tmp.resolve("out");
    Result r = run("assess", RESILIENT, "--format", "md", "--format", "json", "-o", dir.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEmpty();
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("reliability-plan.json", "reliability-plan.md");
    }
    assertThat(Files.readString(dir.resolve("reliability-plan.md"), StandardCharsets.UTF_8))
        .startsWith("#");
    assertThat(MAPPER.readTree(dir.resolve("reliability-plan.json").toFile()).has("findings"))
        .isTrue();
  }

  @Test
  void dashWritesToStdout() throws IOException {
    Result r = run("assess", RESILIENT, "--format", "json", "-o", "-");
    assertThat(r.code()).isZero();
    assertThat(r.json().get("tool").get("name").asText()).isEqualTo("relplan");
  }

  @Test
  void markdownIsTheDefaultFormat() {
    Result r = run("assess", RESILIENT);
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("#").doesNotStartWith("{");
  }

  @Test
  void unwritableOutputExitsTwoNamingThePath() throws IOException {
    Path notADir = Files.writeString(tmp.resolve("file.txt"), "x");
    String target = notADir.resolve("plan.json").toString();
    assertUsageError(run("assess", RESILIENT, "--format", "json", "-o", target), "file.txt");
  }

  @Test
  void targetAndRecoveryObjectivesAreReported() throws IOException {
    Result r =
        run(
            "assess",
            RESILIENT,
            "--format",
            "json",
            "--target",
            "99.95%",
            "--rto",
            "1h",
            "--rpo",
            "PT15M");
    assertThat(r.code()).isZero();
    JsonNode w = r.json().get("workload");
    assertThat(w.get("availabilityTarget").asText()).isEqualTo("99.95");
    assertThat(w.get("rto").asText()).isEqualTo("PT1H");
    assertThat(w.get("rpo").asText()).isEqualTo("PT15M");
  }

  // ------------------------------------------------------------------ --parameters

  static List<JsonNode> findings(JsonNode report, String rule) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode f : report.get("findings")) if (f.get("rule").asText().equals(rule)) out.add(f);
    return out;
  }

  @Test
  void stagingParametersTurnOnTheSingleAzDatabaseFinding() throws IOException {
    Result staging =
        run("assess", ORDERS, "--format", "json", "--parameters", ORDERS + "/params/staging.json");
    Result prod =
        run("assess", ORDERS, "--format", "json", "--parameters", ORDERS + "/params/prod.json");
    assertThat(staging.code()).isZero();
    assertThat(prod.code()).isZero();
    assertThat(findings(prod.json(), "REL-DB-SINGLE-AZ"))
        .as("prod: MultiAZ is !If [IsProd, true, false] = true")
        .isEmpty();
    List<JsonNode> single = findings(staging.json(), "REL-DB-SINGLE-AZ");
    assertThat(single).hasSize(1);
    JsonNode f = single.get(0);
    assertThat(f.get("resource").asText()).isEqualTo("OrdersDatabase");
    List<String> evidence = new ArrayList<>();
    for (JsonNode e : f.get("evidence"))
      evidence.add(e.get("file").asText() + ":" + e.get("line").asInt());
    assertThat(evidence).contains("data.yaml:76", "params/staging.json:3");
    assertThat(staging.json().at("/workload/notes").toString()).contains("params/staging.json");
  }

  @Test
  void parametersFileThatIsATemplateExitsTwo() {
    assertUsageError(
        run("assess", ORDERS, "--parameters", ORDERS + "/app.yaml"), "app.yaml", "no parameters");
  }

  @Test
  void parametersFileThatIsMarkdownExitsTwo() {
    assertUsageError(run("assess", ORDERS, "--parameters", ORDERS + "/README.md"), "README.md");
  }

  @Test
  void missingParametersFileExitsTwo() {
    assertUsageError(
        run("assess", ORDERS, "--parameters", "no-such-params.json"),
        "no-such-params.json",
        "does not exist");
  }

  @Test
  void parametersDirectoryExitsTwoSayingItIsADirectory() {
    assertUsageError(
        run("assess", ORDERS, "--parameters", ORDERS + "/params"), "params", "directory");
  }

  @Test
  void unparseableParametersFileExitsTwo() throws IOException {
    Path p = Files.writeString(tmp.resolve("p.json"), "{\"Parameters\": {");
    assertUsageError(
        run("assess", ORDERS, "--parameters", p.toString()), "p.json", "cannot be parsed");
  }

  @Test
  void parametersFileThatIsNotUtf8ExitsTwo() throws IOException {
    Path p = Files.write(tmp.resolve("p.json"), new byte[] {'{', (byte) 0xFF, (byte) 0xFE, '}'});
    assertUsageError(run("assess", ORDERS, "--parameters", p.toString()), "p.json", "UTF-8");
  }

  // ------------------------------------------------------------------ PATH forms

  static List<String> evidenceFiles(JsonNode report) {
    java.util.TreeSet<String> out = new java.util.TreeSet<>();
    for (JsonNode f : report.get("findings"))
      for (JsonNode e : f.get("evidence")) out.add(e.get("file").asText());
    return List.copyOf(out);
  }

  @Test
  void fileGivenAloneIsCitedByItsName() throws IOException {
    Result r = run("assess", ORDERS + "/data.yaml", "--format", "json");
    assertThat(r.code()).isZero();
    assertThat(evidenceFiles(r.json())).containsExactly("data.yaml");
  }

  /** Each evidence location as "root | file". */
  static List<String> rootedEvidence(JsonNode report) {
    java.util.TreeSet<String> out = new java.util.TreeSet<>();
    for (JsonNode f : report.get("findings"))
      for (JsonNode e : f.get("evidence"))
        out.add(e.get("root").asText() + " | " + e.get("file").asText());
    return List.copyOf(out);
  }

  @Test
  void fileGivenWithOtherPathsIsItsOwnRootAndCitedByItsName() throws IOException {
    Result r = run("assess", ORDERS + "/data.yaml", RESILIENT, "--format", "json");
    assertThat(r.code()).isZero();
    assertThat(rootedEvidence(r.json()))
        .isNotEmpty()
        .allMatch(
            f -> f.equals(ORDERS + "/data.yaml | data.yaml") || f.startsWith(RESILIENT + " | "));
    assertThat(r.json().at("/workload/packagesAnalyzed").toString())
        .contains("\"" + ORDERS + "/data.yaml\"");
  }

  @Test
  void severalDirectoriesCiteFilesRelativeToTheirRoot() throws IOException {
    Result r = run("assess", RESILIENT, ORDERS, "--format", "json");
    assertThat(r.code()).isZero();
    assertThat(rootedEvidence(r.json()))
        .isNotEmpty()
        .allMatch(f -> f.startsWith(ORDERS + " | ") || f.startsWith(RESILIENT + " | "));
    for (String f : rootedEvidence(r.json()))
      assertThat(Path.of(f.replace(" | ", "/"))).as(f).isRegularFile();
  }
}
