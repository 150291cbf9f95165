package dev.relplan.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownEscapeTest {
  @Test
  void textWithNothingToEscapeIsReturnedUncopied() {
    String plain = "Set MultiAZ: true on Orders (MinSize > 1, 99.9 % target)";
    assertThat(MarkdownRenderer.esc(plain)).isSameAs(plain);
  }

  @Test
  void eachCharacterThatNeedsEscapingStillIsEscaped() {
    assertThat(MarkdownRenderer.esc("a|b")).isEqualTo("a\\|b");
    assertThat(MarkdownRenderer.esc("a\nb")).isEqualTo("a b");
    assertThat(MarkdownRenderer.esc("<script>")).isEqualTo("\\<script>");
    assertThat(MarkdownRenderer.esc("a\\*b")).isEqualTo("a\\\\*b");
    assertThat(MarkdownRenderer.esc("`<b>`")).isEqualTo("`<b>`");
    assertThat(MarkdownRenderer.esc("x\u001b[31m")).isEqualTo("x\uFFFD[31m");
  }
}
