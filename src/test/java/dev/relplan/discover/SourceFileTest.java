package dev.relplan.discover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class SourceFileTest {
  @TempDir Path tmp;

  /** A file on disk, discovered with the given text. */
  private SourceFile onDisk(String text) throws IOException {
    Path file = Files.writeString(tmp.resolve("t.yaml"), text, StandardCharsets.UTF_8);
    return new SourceFile(file, "t.yaml", FileKind.OTHER, text, List.of());
  }

  @Test
  void aReleasedFileQuotesItsLinesReadAgainFromDisk() throws IOException {
    SourceFile f = onDisk("a: 1\n  b: 2\n");
    f.release();
    assertThat(f.line(2)).isEqualTo("b: 2");
  }

  @Test
  void aReleasedFileWhoseTextChangedOnDiskQuotesNoLine() throws IOException {
    SourceFile f = onDisk("a: 1\n  b: 2\n");
    f.release();
    Files.writeString(f.path(), "a: 1\n  b: 3\n", StandardCharsets.UTF_8);
    assertThat(f.line(2)).isEmpty();
  }

  @Test
  void aReleasedFileNoLongerGivesItsTextOrTrees() throws IOException {
    SourceFile f = onDisk("a: 1\n");
    f.release();
    assertThatThrownBy(f::content).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(f::documents).isInstanceOf(IllegalStateException.class);
  }

  static SourceFile of(String content) {
    return new SourceFile(Path.of("t.yaml"), "t.yaml", FileKind.OTHER, content, List.of());
  }

  @Test
  void linesEndAtLf() {
    SourceFile f = of("a: 1\n  b: 2\nc: 3");
    assertThat(f.line(1)).isEqualTo("a: 1");
    assertThat(f.line(2)).isEqualTo("b: 2");
    assertThat(f.line(3)).isEqualTo("c: 3");
    assertThat(f.line(4)).isEmpty();
    assertThat(f.line(0)).isEmpty();
  }

  @Test
  void linesEndAtCrlf() {
    SourceFile f = of("a: 1\r\nb: 2\r\n\r\nd: 4\r\n");
    assertThat(f.line(2)).isEqualTo("b: 2");
    assertThat(f.line(3)).isEmpty();
    assertThat(f.line(4)).isEqualTo("d: 4");
  }

  @Test
  void linesEndAtALoneCr() {
    SourceFile f = of("a: 1\rb: 2\r\rd: 4");
    assertThat(f.line(2)).isEqualTo("b: 2");
    assertThat(f.line(3)).isEmpty();
    assertThat(f.line(4)).isEqualTo("d: 4");
  }

  /** A rescan from the start per line would take minutes here; the timeout guards a hang. */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void everyLineOfALargeFileIsFoundWithoutRescanningIt() {
    int lines = 300_000;
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i <= lines; i++) sb.append("  key").append(i).append(": v\r\n");
    SourceFile f = of(sb.toString());
    int matching = 0;
    for (int i = 1; i <= lines; i++) if (f.line(i).equals("key" + i + ": v")) matching++;
    assertThat(matching).isEqualTo(lines);
  }
}
