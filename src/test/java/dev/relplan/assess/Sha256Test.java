package dev.relplan.assess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Sha256Test {
  @Test
  void digestEqualsTheJdksForEveryLengthAcrossThePaddingBoundaries() throws Exception {
    Random random = new Random(8);
    for (int length = 0; length <= 300; length++) {
      byte[] message = new byte[length];
      random.nextBytes(message);
      assertArrayEquals(jdk(message), Sha256.digest(message), "length " + length);
    }
  }

  @Test
  void digestEqualsTheJdksForAFindingIdentityWithNonAsciiText() throws Exception {
    byte[] identity =
        "REL-DB-SINGLE-AZ|AWS::RDS::DBInstance|stacks/données.yaml|Orders·Db"
            .getBytes(StandardCharsets.UTF_8);
    assertArrayEquals(jdk(identity), Sha256.digest(identity));
  }

  private static byte[] jdk(byte[] message) throws NoSuchAlgorithmException {
    return MessageDigest.getInstance("SHA-256").digest(message);
  }
}
