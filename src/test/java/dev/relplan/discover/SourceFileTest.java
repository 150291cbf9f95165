package dev.relplan.discover;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceFileTest {
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
}
