package dev.relplan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.assess.Assessment;
import dev.relplan.pipeline.Adapters;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.source.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The one example harness: every rule over its examples in {@code
 * src/test/resources/rules/<RULE-ID>/<format>/<kind>/}, where {@code <format>} is the folder of an
 * {@link InputFormat} ({@code cloudformation}, {@code terraform}, {@code code}) and {@code <kind>}
 * is one of:
 *
 * <ul>
 *   <li>{@code fail/}: the rule reports at least one finding. Each line marked {@code
 *       relplan:finding} is the first evidence line of exactly one finding of the rule, and when
 *       any line is so marked there are no other findings of it; each line marked {@code
 *       relplan:evidence} appears in the evidence of some finding of the rule. A rule that raises a
 *       seed flag rates every finding of a (production) example High or Critical.
 *   <li>{@code pass/}: the rule reports nothing and says nothing is Cannot Determine.
 *   <li>{@code undetermined/} (optional): the rule reports nothing and says Cannot Determine.
 * </ul>
 *
 * <p>One marker syntax for every format: {@code relplan:finding} or {@code relplan:evidence} right
 * after the line's comment leader, {@code #} (YAML, HCL, Python, TOML), {@code //} (HCL, Java,
 * JavaScript/TypeScript, Go, C#), {@code --} (SQL) or {@code <!--} (XML, Markdown). A file that
 * cannot carry comments (JSON) is marked from a sidecar file beside the example folder, {@code
 * <kind>.markers} (e.g. {@code cloudformation/fail.markers}), whose lines read {@code
 * relplan:evidence params/prod.json:4} (the marker, then file:line relative to the example folder);
 * lines starting with {@code #} are comments. The sidecar sits outside the example folder so that
 * the scanned input, and its reports, stay exactly the example's files. Markers belong to {@code
 * fail/} examples only.
 *
 * <p>Completeness: every rule has a failing and a passing example for each format its metadata says
 * can express it ({@link RuleMeta#formats()}), and no folder for another. A new format is a new
 * {@link InputFormat} and new folders, not a new test class.
 */
class RuleExamplesTest {
  static final Path ROOT = Path.of("src/test/resources/rules");
  static final List<String> KINDS = List.of("fail", "pass", "undetermined");
  private static final Pattern MARKER =
      Pattern.compile("(?:#|//|--|<!--)\\s*(relplan:(?:finding|evidence))\\b");
  private static final Pattern SIDECAR_LINE =
      Pattern.compile("(relplan:(?:finding|evidence))\\s+(\\S+:\\d+)");

  @Test
  void everyRuleHasAFailingAndAPassingExampleForEveryFormatThatCanExpressIt() {
    List<String> missing = new ArrayList<>();
    for (Rule r : RuleRegistry.all()) {
      for (InputFormat format : r.meta().formats()) {
        for (String kind : List.of("fail", "pass")) {
          Path dir = exampleDir(r.meta().id(), format, kind);
          if (!Files.isDirectory(dir))
            missing.add(ROOT.relativize(dir).toString().replace('\\', '/'));
        }
      }
    }
    assertThat(missing).as("example folders required by the rules' formats").isEmpty();
  }

  @Test
  void everyExampleFolderBelongsToARuleAndAFormatItDeclares() throws IOException {
    Set<String> expected = new TreeSet<>();
    for (Rule r : RuleRegistry.all()) {
      for (InputFormat format : r.meta().formats()) {
        for (String kind : KINDS) {
          expected.add(r.meta().id() + "/" + format.folder() + "/" + kind);
          expected.add(r.meta().id() + "/" + format.folder() + "/" + kind + ".markers");
        }
      }
    }
    List<String> unexpected = new ArrayList<>();
    try (Stream<Path> entries = Files.walk(ROOT, 3)) {
      for (Path p : entries.filter(p -> ROOT.relativize(p).getNameCount() == 3).toList()) {
        String name = ROOT.relativize(p).toString().replace('\\', '/');
        if (!expected.contains(name)) unexpected.add(name);
      }
    }
    try (Stream<Path> entries = Files.walk(ROOT, 2)) {
      // A file directly under a rule or a format folder is in no example.
      entries
          .filter(Files::isRegularFile)
          .forEach(p -> unexpected.add(ROOT.relativize(p).toString().replace('\\', '/')));
    }
    assertThat(unexpected)
        .as("entries that are no example of a registered rule in a format it declares")
        .isEmpty();
  }

  @TestFactory
  Stream<DynamicNode> examples() {
    List<DynamicNode> rules = new ArrayList<>();
    for (Rule r : RuleRegistry.all()) {
      String id = r.meta().id();
      List<DynamicNode> tests = new ArrayList<>();
      for (InputFormat format : r.meta().formats()) {
        for (String kind : KINDS) {
          Path dir = exampleDir(id, format, kind);
          if (Files.isDirectory(dir)) {
            tests.add(
                DynamicTest.dynamicTest(
                    format.folder() + " " + kind, () -> check(RuleRegistry.all(), id, kind, dir)));
          }
        }
      }
      rules.add(DynamicContainer.dynamicContainer(id, tests));
    }
    return rules.stream();
  }

  static Path exampleDir(String ruleId, InputFormat format, String kind) {
    return ROOT.resolve(ruleId).resolve(format.folder()).resolve(kind);
  }

  /** Checks one example folder of {@code kind} for {@code rule}, assessed with {@code rules}. */
  static void check(List<Rule> rules, String rule, String kind, Path dir) throws IOException {
    switch (kind) {
      case "fail" -> assertFails(rule, dir, assess(dir, rules));
      case "pass" -> assertPasses(rule, dir, assess(dir, rules));
      default -> assertUndetermined(rule, dir, assess(dir, rules));
    }
  }

  static Assessment assess(Path dir) throws IOException {
    return assess(dir, RuleRegistry.all());
  }

  static Assessment assess(Path dir, List<Rule> rules) throws IOException {
    Pipeline.Request request =
        new Pipeline.Request(List.of(dir), "example", Context.defaults(), List.of());
    return Pipeline.run(request, Adapters.all(request), rules).assessment();
  }

  static List<Finding> findingsOf(Assessment a, String rule) {
    return a.findings().stream()
        .map(Assessment.NumberedFinding::finding)
        .filter(f -> f.rule().id().equals(rule))
        .toList();
  }

  private static List<Undetermined> undeterminedOf(Assessment a, String rule) {
    return a.undetermined().stream().filter(u -> u.rule().id().equals(rule)).toList();
  }

  private static void assertFails(String rule, Path dir, Assessment a) throws IOException {
    List<Finding> findings = findingsOf(a, rule);
    assertThat(findings)
        .as("findings of " + rule + " in " + dir + "; undetermined: " + undeterminedOf(a, rule))
        .isNotEmpty();
    Set<String> expectedFirst = marked(dir, "relplan:finding");
    if (!expectedFirst.isEmpty()) {
      Set<String> actualFirst = new TreeSet<>();
      for (Finding f : findings)
        if (!f.evidence().isEmpty()) actualFirst.add(f.evidence().get(0).toString());
      assertThat(actualFirst).as("first evidence lines of " + rule).isEqualTo(expectedFirst);
      assertThat(findings).as("one finding per marked line").hasSize(expectedFirst.size());
    }
    Set<String> allEvidence = new TreeSet<>();
    for (Finding f : findings) for (Location l : f.evidence()) allEvidence.add(l.toString());
    assertThat(allEvidence)
        .as("evidence lines of " + rule)
        .containsAll(marked(dir, "relplan:evidence"));
    // SPEC §2: a finding that carries a flag is High or Critical in production; a rating may
    // unflag a finding the seed's flag does not cover (docs/judgment.md), which is then exempt
    for (Finding f : findings) {
      if (f.flag() != null) {
        assertThat(f.risk().atLeast(Risk.HIGH))
            .as(f.title() + " is a flagged production finding: High or Critical")
            .isTrue();
      }
    }
  }

  private static void assertPasses(String rule, Path dir, Assessment a) throws IOException {
    assertNoMarkers(dir);
    assertThat(findingsOf(a, rule)).as("findings of " + rule + " in " + dir).isEmpty();
    assertThat(undeterminedOf(a, rule)).as("Cannot Determine in a pass example").isEmpty();
  }

  private static void assertUndetermined(String rule, Path dir, Assessment a) throws IOException {
    assertNoMarkers(dir);
    assertThat(findingsOf(a, rule))
        .as("findings of " + rule + " when the value cannot be resolved")
        .isEmpty();
    assertThat(undeterminedOf(a, rule)).as("Cannot Determine of " + rule).isNotEmpty();
  }

  private static void assertNoMarkers(Path dir) throws IOException {
    assertThat(marked(dir, "relplan:finding"))
        .as("finding markers outside a fail example")
        .isEmpty();
    assertThat(marked(dir, "relplan:evidence"))
        .as("evidence markers outside a fail example")
        .isEmpty();
  }

  /**
   * file:line of every line carrying the marker, in the files or the sidecar, relative to the
   * example directory.
   */
  static Set<String> marked(Path dir, String marker) throws IOException {
    Set<String> out = new TreeSet<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        List<String> lines = Files.readAllLines(f);
        for (int i = 0; i < lines.size(); i++) {
          Matcher m = MARKER.matcher(lines.get(i));
          while (m.find())
            if (m.group(1).equals(marker))
              out.add(dir.relativize(f).toString().replace('\\', '/') + ":" + (i + 1));
        }
      }
    }
    Path sidecar = dir.resolveSibling(dir.getFileName() + ".markers");
    if (Files.isRegularFile(sidecar)) {
      for (String line : Files.readAllLines(sidecar)) {
        if (line.isBlank() || line.startsWith("#")) continue;
        Matcher m = SIDECAR_LINE.matcher(line.strip());
        assertThat(m.matches()).as(sidecar + ": marker then file:line, not " + line).isTrue();
        if (m.group(1).equals(marker)) out.add(m.group(2));
      }
    }
    return out;
  }
}
