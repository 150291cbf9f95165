package dev.relplan.discover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** How a file's bytes become its text (ASCII has a path of its own; both must agree). */
class DecodeTest {
  private static final byte[] MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private static byte[] withMark(String text) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[MARK.length + body.length];
    System.arraycopy(MARK, 0, out, 0, MARK.length);
    System.arraycopy(body, 0, out, MARK.length, body.length);
    return out;
  }

  @Test
  void asciiTextLosesOnlyItsByteOrderMark() throws CharacterCodingException {
    assertThat(Discovery.decode(withMark("a: 1\n"))).isEqualTo("a: 1\n");
  }

  @Test
  void nonAsciiTextIsDecodedAsUtf8WithoutItsByteOrderMark() throws CharacterCodingException {
    assertThat(Discovery.decode(withMark("name: café ✓\n"))).isEqualTo("name: café ✓\n");
  }

  @Test
  void malformedUtf8IsAnError() {
    byte[] latin1 = "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> Discovery.decode(latin1)).isInstanceOf(CharacterCodingException.class);
  }
}
