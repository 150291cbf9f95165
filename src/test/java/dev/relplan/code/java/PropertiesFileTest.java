package dev.relplan.code.java;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** application.properties read as java.util.Properties reads it, with the lines kept. */
class PropertiesFileTest {
  private static final String TRICKY =
      """
      # a comment = not a key
        ! another comment
      plain=1
      spaced   :   two words
      a\\=b = escaped separator
      continued = first, \\
          second
      unicode = \\u0041\\t!
      keyonly
      even = ends in a backslash \\\\
      next = 3
      """;

  @Test
  void keysAndValuesAreThoseJavaUtilPropertiesReads() throws Exception {
    Properties expected = new Properties();
    expected.load(new StringReader(TRICKY));
    Properties read = new Properties();
    for (PropertiesFile.Entry e : PropertiesFile.read(TRICKY)) read.put(e.key(), e.value());
    assertThat(read).isEqualTo(expected);
  }

  @Test
  void eachEntryKeepsTheLineItStartsOn() {
    assertThat(PropertiesFile.read(TRICKY))
        .extracting(e -> e.key() + "@" + e.line())
        .containsExactly(
            "plain@3",
            "spaced@4",
            "a=b@5",
            "continued@6",
            "unicode@8",
            "keyonly@9",
            "even@10",
            "next@11");
  }

  @Test
  void javaCodeScannerAsksDiscoveryForProfilePropertiesFiles() {
    assertThat(new JavaCodeScanner().asksFor("application-prod.properties")).isTrue();
    assertThat(new JavaCodeScanner().asksFor("messages.properties")).isFalse();
  }
}
