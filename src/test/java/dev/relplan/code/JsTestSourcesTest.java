package dev.relplan.code;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** JavaScript and TypeScript test files call mocks and local servers: they are not scanned. */
class JsTestSourcesTest {
  @Test
  void jestAndMochaConventionsAreTests() {
    assertThat(CodeScanner.isTest("src/orders.test.ts")).isTrue();
    assertThat(CodeScanner.isTest("src/orders.spec.js")).isTrue();
    assertThat(CodeScanner.isTest("src/__tests__/orders.js")).isTrue();
    assertThat(CodeScanner.isTest("test/orders.mjs")).isTrue();
    assertThat(CodeScanner.isTest("src/orders.ts")).isFalse();
    assertThat(CodeScanner.isTest("src/latest.js")).isFalse();
  }
}
