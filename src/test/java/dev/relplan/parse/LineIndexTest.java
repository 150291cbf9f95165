package dev.relplan.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class LineIndexTest {
  @Test
  void offsetsMapToTheLineHoldingThemWhateverTheLineBreak() {
    LineIndex index = new LineIndex("a\nb\r\nc\rd");
    assertThat(index.lineCount()).isEqualTo(4);
    assertThat(index.lineOf(0)).isEqualTo(1);
    assertThat(index.lineOf(1)).isEqualTo(1);
    assertThat(index.lineOf(2)).isEqualTo(2);
    assertThat(index.lineOf(5)).isEqualTo(3);
    assertThat(index.lineOf(7)).isEqualTo(4);
    assertThat(index.lineOf(100)).isEqualTo(4);
  }

  @Test
  void lineTextLeavesOutItsLineBreak() {
    LineIndex index = new LineIndex("a\nb\r\nc\rd");
    assertThat(index.text(2)).isEqualTo("b");
    assertThat(index.text(3)).isEqualTo("c");
    assertThat(index.text(4)).isEqualTo("d");
    assertThat(index.text(5)).isEmpty();
  }

  /** A rescan from the start per line would take minutes here; the timeout guards a hang. */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void everyLineOfAHundredsOfThousandsLineTextIsFound() {
    int lines = 300_000;
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i <= lines; i++) sb.append("line ").append(i).append('\n');
    LineIndex index = new LineIndex(sb.toString());
    int matching = 0;
    for (int i = 1; i <= lines; i++) if (index.text(i).equals("line " + i)) matching++;
    assertThat(matching).isEqualTo(lines);
  }
}
