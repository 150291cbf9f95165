package dev.relplan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    assertThat(Files.readString(DOC))
        .as("docs/rules.md is stale: run mvn -B test -Drelplan.updateDocs=true")
        .isEqualTo(generated);
  }

  @Test
  void everyRuleHasAUniqueIdAndBestPracticesFromTheReliabilityPillar() {
    List<String> ids = RuleRegistry.all().stream().map(r -> r.meta().id()).toList();
    assertThat(ids).doesNotHaveDuplicates();
    for (Rule r : RuleRegistry.all()) {
      assertThat(r.meta().bestPractices())
          .as(r.meta().id())
          .isNotEmpty()
          .allMatch(b -> b.matches("REL(0[1-9]|1[0-3])-BP0[1-9]"));
    }
  }

  /** The example folders of a rule, one per format and kind, relative to the repository root. */
  private static List<String> examples(String id) {
    List<String> out = new ArrayList<>();
    for (InputFormat format : InputFormat.values()) {
      for (String kind : RuleExamplesTest.KINDS) {
        Path dir = RuleExamplesTest.exampleDir(id, format, kind);
        if (Files.isDirectory(dir)) out.add(dir.toString().replace('\\', '/') + "/");
      }
    }
    return out;
  }

  @Test
  void everyRuleNamesTheFileOfItsClass() {
    for (Rule r : RuleRegistry.all())
      assertThat(Path.of(RulesDoc.sourcePath(r))).as(r.meta().id()).isRegularFile();
  }
}
