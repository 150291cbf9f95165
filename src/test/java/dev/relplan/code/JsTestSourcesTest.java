package dev.relplan.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.code.javascript.JavaScriptCodeScanner;
import org.junit.jupiter.api.Test;

/** JavaScript and TypeScript test files call mocks and local servers: they are not scanned. */
class JsTestSourcesTest {
  private static final JavaScriptCodeScanner JS = new JavaScriptCodeScanner();

  @Test
  void jestAndMochaConventionsAreTests() {
    assertThat(JS.isTest("src/orders.test.ts")).isTrue();
    assertThat(JS.isTest("src/orders.spec.js")).isTrue();
    assertThat(JS.isTest("src/__tests__/orders.js")).isTrue();
    assertThat(JS.isTest("test/orders.mjs")).isTrue();
    assertThat(JS.isTest("src/orders.ts")).isFalse();
    assertThat(JS.isTest("src/latest.js")).isFalse();
  }
}
