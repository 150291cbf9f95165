package dev.relplan.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CoreSchemaNumbersTest {
  /** The YAML 1.2 core schema's number expressions, as the loader matched them before. */
  private static final Pattern CORE_SCHEMA_NUMBER =
      Pattern.compile(
          "[-+]?(0|[1-9][0-9]*)|0o[0-7]+|0x[0-9a-fA-F]+"
              + "|[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?"
              + "|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");

  /** Every string of up to five characters from an alphabet of the schema's building blocks. */
  @Test
  void everyShortScalarIsANumberExactlyWhenTheCoreSchemaExpressionsMatchIt() {
    List<String> mismatches = new ArrayList<>();
    char[] alphabet = "018fx.oeE+-in٣".toCharArray();
    List<String> level = List.of("");
    for (int length = 1; length <= 5; length++) {
      List<String> next = new ArrayList<>();
      for (String prefix : level) {
        for (char c : alphabet) {
          String s = prefix + c;
          next.add(s);
          if (CoreSchemaNumbers.isNumber(s) != CORE_SCHEMA_NUMBER.matcher(s).matches()) {
            mismatches.add(s);
          }
        }
      }
      level = next;
    }
    assertThat(mismatches).isEmpty();
  }

  @Test
  void spelledOutInfinityAndNotANumberAreNumbersOnlyInTheSchemasThreeSpellings() {
    for (String s : List.of(".inf", "-.Inf", "+.INF", ".nan", ".NaN", ".NAN", "1.5e-3", "0o17"))
      assertThat(CoreSchemaNumbers.isNumber(s)).as(s).isTrue();
    for (String s : List.of(".iNf", "-.nan", ".Nan", "0o", "0x", "0xG", "1e", "1_000", "."))
      assertThat(CoreSchemaNumbers.isNumber(s)).as(s).isFalse();
  }
}
