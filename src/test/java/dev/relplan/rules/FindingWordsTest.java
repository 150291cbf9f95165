package dev.relplan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A finding's description and effort name settings the way the subject's own format writes them:
 * the reader of a CDK, Terraform or serverless.yml plan edits the key the plan names, and a
 * CloudFormation plan keeps the template's property names.
 */
class FindingWordsTest {
  private static final Set<InputFormat> NOT_CLOUDFORMATION =
      Set.of(
          InputFormat.CDK, InputFormat.CDK_PYTHON, InputFormat.TERRAFORM, InputFormat.SERVERLESS);

  @Test
  void cdkTypeScriptNamesTheConstructsProp() throws IOException {
    assertThat(description("REL-DB-SINGLE-AZ", InputFormat.CDK))
        .contains(" has multiAz false")
        .doesNotContain("MultiAZ");
  }

  @Test
  void cdkPythonNamesTheKeywordArgument() throws IOException {
    assertThat(description("REL-DB-SINGLE-AZ", InputFormat.CDK_PYTHON))
        .contains(" has multi_az false")
        .doesNotContain("MultiAZ");
  }

  @Test
  void terraformNamesTheProvidersAttribute() throws IOException {
    assertThat(description("REL-SQS-VISIBILITY-TIMEOUT", InputFormat.TERRAFORM))
        .startsWith("visibility_timeout_seconds of aws_sqs_queue.thumbnails is 30 s,");
  }

  @Test
  void serverlessNamesTheFunctionsKey() throws IOException {
    assertThat(description("REL-LAMBDA-NO-RESERVED-CONCURRENCY", InputFormat.SERVERLESS))
        .endsWith(", and it has no reservedConcurrency.");
  }

  @Test
  void cloudFormationKeepsTheTemplatesPropertyName() throws IOException {
    assertThat(description("REL-DB-SINGLE-AZ", InputFormat.CLOUDFORMATION))
        .contains(" has MultiAZ false");
  }

  @TestFactory
  Stream<DynamicTest> noExampleOutsideCloudFormationIsToldACloudFormationPropertyName() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Rule rule : RuleRegistry.all()) {
      for (InputFormat format : NOT_CLOUDFORMATION) {
        Path dir = RuleExamplesTest.exampleDir(rule.meta().id(), format, "fail");
        if (rule.meta().formats().contains(format) && Files.isDirectory(dir))
          tests.add(
              DynamicTest.dynamicTest(
                  rule.meta().id() + " " + format.folder(), () -> assertOwnWords(rule, dir)));
      }
    }
    return tests.stream();
  }

  private static void assertOwnWords(Rule rule, Path dir) throws IOException {
    for (Finding f : RuleExamplesTest.findingsOf(RuleExamplesTest.assess(dir), rule.meta().id())) {
      Dialect written = f.dialect();
      if (written == null || written == Dialect.CLOUDFORMATION || written == Dialect.SAM) continue;
      String text = f.description() + "\n" + Advice.of(f).effort();
      for (Property p : Property.values()) {
        String template = p.in(Dialect.CLOUDFORMATION);
        if (template.equals(p.in(written))) continue;
        assertThat(containsWord(text, template))
            .as(
                "%s on %s (%s) names %s: %s",
                rule.meta().id(), f.resource(), written, template, text)
            .isFalse();
      }
    }
  }

  /** True when {@code word} occurs in {@code text} not inside a longer identifier. */
  private static boolean containsWord(String text, String word) {
    for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      int end = at + word.length();
      boolean startsWord = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
      boolean endsWord = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
      if (startsWord && endsWord) return true;
    }
    return false;
  }

  private static String description(String ruleId, InputFormat format) throws IOException {
    Path dir = RuleExamplesTest.exampleDir(ruleId, format, "fail");
    List<Finding> findings = RuleExamplesTest.findingsOf(RuleExamplesTest.assess(dir), ruleId);
    assertThat(findings).as(ruleId + " " + format.folder()).isNotEmpty();
    return findings.get(0).description();
  }
}
