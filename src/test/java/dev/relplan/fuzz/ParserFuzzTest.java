package dev.relplan.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.relplan.parse.JsonLoader;
import dev.relplan.parse.ParseException;
import dev.relplan.parse.YamlLoader;
import dev.relplan.parse.hcl.HclParser;
import dev.relplan.parse.hcl.HclSyntaxException;

/**
 * The parsers take untrusted files: whatever the bytes, they return a tree or a located parse
 * error, never another exception. In a normal test run only the seed inputs run; fuzz for real with
 * {@code JAZZER_FUZZ=1 mvn -B test -Dtest=ParserFuzzTest}.
 */
class ParserFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void yamlLoaderReturnsATreeOrAParseError(byte[] input) {
    try {
      YamlLoader.loadAll("fuzz.yaml", new String(input, java.nio.charset.StandardCharsets.UTF_8));
    } catch (ParseException expected) {
      // a located, user-facing error is the contract
    }
  }

  @FuzzTest(maxDuration = "60s")
  void jsonLoaderReturnsATreeOrAParseError(byte[] input) {
    try {
      JsonLoader.load("fuzz.json", new String(input, java.nio.charset.StandardCharsets.UTF_8));
    } catch (ParseException expected) {
      // a located, user-facing error is the contract
    }
  }

  @FuzzTest(maxDuration = "60s")
  void hclParserReturnsATreeOrASyntaxError(byte[] input) {
    try {
      HclParser.parse("fuzz.tf", new String(input, java.nio.charset.StandardCharsets.UTF_8));
    } catch (HclSyntaxException expected) {
      // a located, user-facing error is the contract
    }
  }
}
