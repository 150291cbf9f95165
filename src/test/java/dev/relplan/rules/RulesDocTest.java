package dev.relplan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/rules.md must be exactly what the rule metadata generates. */
class RulesDocTest {
  private static final Path DOC = Path.of("docs/rules.md");

  @Test
  void rulesReferenceIsGeneratedFromTheRuleMetadata() throws IOException {
    String generated = RulesDoc.render(RuleRegistry.all(), RulesDocTest::examples);
    if (Boolean.getBoolean("relplan.updateDocs")) {
      Files.createDirectories(DOC.getParent());
      Files.writeString(DOC, generated);
    }
    assertThat(Files.readString(DOC)).as("docs/rules.md is stale: run mvn -B test -Drelplan.updateDocs=true").isEqualTo(generated);
  }

  @Test
  void everyRuleHasAUniqueIdAndBestPracticesFromTheReliabilityPillar() {
    List<String> ids = RuleRegistry.all().stream().map(r -> r.meta().id()).toList();
    assertThat(ids).doesNotHaveDuplicates();
    for (Rule r : RuleRegistry.all()) {
      assertThat(r.meta().bestPractices()).as(r.meta().id()).isNotEmpty().allMatch(b -> b.matches("REL(0[1-9]|1[0-3])-BP0[1-9]"));
    }
  }

  /** CloudFormation examples (rules/) and Terraform examples (rules-terraform/) of a rule. */
  private static List<String> examples(String id) {
    List<String> out = new java.util.ArrayList<>();
    for (Path root : List.of(RuleExamplesTest.ROOT, Path.of("src/test/resources/rules-terraform"))) {
      Path dir = root.resolve(id);
      if (!Files.isDirectory(dir)) continue;
      try (Stream<Path> files = Files.walk(dir)) {
        files.filter(Files::isRegularFile).map(p -> p.toString().replace('\\', '/')).sorted().forEach(out::add);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return out;
  }
}
