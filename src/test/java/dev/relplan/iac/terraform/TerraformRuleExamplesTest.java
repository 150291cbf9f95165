package dev.relplan.iac.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.pipeline.Pipeline;
import dev.relplan.assess.Assessment;
import dev.relplan.source.Location;
import dev.relplan.rules.Context;
import dev.relplan.rules.Finding;
import dev.relplan.rules.Risk;
import dev.relplan.rules.Rule;
import dev.relplan.rules.RuleRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The Terraform counterpart of the rule example tests: every rule over its Terraform examples in
 * src/test/resources/rules-terraform/RULE-ID/{fail,pass,undetermined}/, with the same markers
 * ({@code # relplan:finding} = first evidence line of exactly one finding, {@code # relplan:evidence}
 * = appears in the evidence of some finding).
 */
class TerraformRuleExamplesTest {
  static final Path ROOT = Path.of("src/test/resources/rules-terraform");

  /** The flag rules every format must detect, each with a failing and a passing Terraform example. */
  @Test
  void everyFlagRuleHasTerraformExamples() {
    List<String> missing = new ArrayList<>();
    for (Rule r : RuleRegistry.all()) {
      if (r.meta().flag() == null) continue;
      // Application-code rules (REL-CODE-*) judge source files, whatever the IaC format: their examples are under rules/.
      if (r.meta().id().startsWith("REL-CODE-")) continue;
      Path dir = ROOT.resolve(r.meta().id());
      if (!Files.isDirectory(dir.resolve("fail")) || !Files.isDirectory(dir.resolve("pass"))) missing.add(r.meta().id());
    }
    assertThat(missing).as("flag rules without Terraform fail/pass examples").isEmpty();
  }

  @TestFactory
  Stream<DynamicTest> examples() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Rule r : RuleRegistry.all()) {
      String id = r.meta().id();
      Path dir = ROOT.resolve(id);
      if (Files.isDirectory(dir.resolve("fail"))) tests.add(DynamicTest.dynamicTest(id + " fail", () -> assertFails(id, dir.resolve("fail"))));
      if (Files.isDirectory(dir.resolve("pass"))) tests.add(DynamicTest.dynamicTest(id + " pass", () -> assertPasses(id, dir.resolve("pass"))));
      if (Files.isDirectory(dir.resolve("undetermined"))) {
        tests.add(DynamicTest.dynamicTest(id + " undetermined", () -> assertUndetermined(id, dir.resolve("undetermined"))));
      }
    }
    return tests.stream();
  }

  static Assessment assess(Path dir) throws IOException {
    return Pipeline.run(new Pipeline.Request(List.of(dir), "example", Context.defaults(), List.of())).assessment();
  }

  static List<Finding> findingsOf(Assessment a, String rule) {
    return a.findings().stream().map(Assessment.NumberedFinding::finding).filter(f -> f.rule().id().equals(rule)).toList();
  }

  static void assertFails(String rule, Path dir) throws IOException {
    Assessment a = assess(dir);
    List<Finding> findings = findingsOf(a, rule);
    Set<String> expectedFirst = marked(dir, "relplan:finding");
    Set<String> actualFirst = new TreeSet<>();
    for (Finding f : findings) if (!f.evidence().isEmpty()) actualFirst.add(f.evidence().get(0).toString());
    assertThat(findings).as("findings of " + rule + " in " + dir + "; undetermined: " + a.undetermined()).isNotEmpty();
    if (!expectedFirst.isEmpty()) {
      assertThat(actualFirst).as("first evidence lines of " + rule).isEqualTo(expectedFirst);
      assertThat(findings).as("one finding per marked line").hasSize(expectedFirst.size());
    }
    Set<String> allEvidence = new TreeSet<>();
    for (Finding f : findings) for (Location l : f.evidence()) allEvidence.add(l.toString());
    assertThat(allEvidence).as("evidence lines of " + rule).containsAll(marked(dir, "relplan:evidence"));
    if (findings.get(0).rule().flag() != null) {
      for (Finding f : findings) {
        assertThat(f.risk().atLeast(Risk.HIGH)).as(f.title() + " is a flagged production finding: High or Critical").isTrue();
      }
    }
  }

  static void assertPasses(String rule, Path dir) throws IOException {
    Assessment a = assess(dir);
    assertThat(findingsOf(a, rule)).as("findings of " + rule + " in " + dir).isEmpty();
    assertThat(a.undetermined().stream().filter(u -> u.rule().id().equals(rule)).toList()).as("Cannot Determine in a pass example").isEmpty();
  }

  static void assertUndetermined(String rule, Path dir) throws IOException {
    Assessment a = assess(dir);
    assertThat(findingsOf(a, rule)).as("findings of " + rule + " when the value cannot be resolved").isEmpty();
    assertThat(a.undetermined().stream().filter(u -> u.rule().id().equals(rule)).toList()).as("Cannot Determine of " + rule).isNotEmpty();
  }

  /** file:line of every line carrying the marker, with paths relative to the example directory. */
  static Set<String> marked(Path dir, String marker) throws IOException {
    Set<String> out = new TreeSet<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        List<String> lines = Files.readAllLines(f);
        for (int i = 0; i < lines.size(); i++) {
          if (lines.get(i).contains("# " + marker)) out.add(dir.relativize(f).toString().replace('\\', '/') + ":" + (i + 1));
        }
      }
    }
    return out;
  }
}
