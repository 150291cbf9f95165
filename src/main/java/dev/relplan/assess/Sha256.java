package dev.relplan.assess;

/**
 * SHA-256 (FIPS 180-4, section 6.2) of a byte array, for findings' fingerprints. The JDK's {@code
 * MessageDigest} gives the same digest, but its first use in a run initialises the security
 * providers and links the digest's byte-array views, about 50 ms of a 0.6 s small-repository run
 * (docs/performance.md); a fingerprint is an identity, not a security measure, so this plain
 * version serves.
 */
final class Sha256 {
  /** The first 32 bits of the fractional parts of the cube roots of the first 64 primes. */
  private static final int[] ROUND_CONSTANTS = fractionBits(64, 3);

  /** The first 32 bits of the fractional parts of the square roots of the first 8 primes. */
  private static final int[] INITIAL_HASH = fractionBits(8, 2);

  private Sha256() {}

  /** The 32-byte digest of {@code message}. */
  static byte[] digest(byte[] message) {
    int[] hash = INITIAL_HASH.clone();
    int[] schedule = new int[64];
    byte[] padded = padded(message);
    for (int block = 0; block < padded.length; block += 64) {
      compress(hash, schedule, padded, block);
    }
    byte[] out = new byte[32];
    for (int i = 0; i < 8; i++) {
      for (int b = 0; b < 4; b++) out[4 * i + b] = (byte) (hash[i] >>> (24 - 8 * b));
    }
    return out;
  }

  /** The message, a 1 bit, zeros, and its length in bits: a multiple of 64 bytes (5.1.1). */
  private static byte[] padded(byte[] message) {
    int length = ((message.length + 8) / 64 + 1) * 64;
    byte[] padded = new byte[length];
    System.arraycopy(message, 0, padded, 0, message.length);
    padded[message.length] = (byte) 0x80;
    long bits = (long) message.length * 8;
    for (int b = 0; b < 8; b++) padded[length - 1 - b] = (byte) (bits >>> (8 * b));
    return padded;
  }

  /** One 64-byte block into the running hash (6.2.2). */
  private static void compress(int[] hash, int[] w, byte[] data, int offset) {
    for (int t = 0; t < 16; t++) {
      int at = offset + 4 * t;
      w[t] =
          (data[at] & 0xff) << 24
              | (data[at + 1] & 0xff) << 16
              | (data[at + 2] & 0xff) << 8
              | (data[at + 3] & 0xff);
    }
    for (int t = 16; t < 64; t++) {
      int s0 =
          Integer.rotateRight(w[t - 15], 7)
              ^ Integer.rotateRight(w[t - 15], 18)
              ^ (w[t - 15] >>> 3);
      int s1 =
          Integer.rotateRight(w[t - 2], 17) ^ Integer.rotateRight(w[t - 2], 19) ^ (w[t - 2] >>> 10);
      w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    int a = hash[0], b = hash[1], c = hash[2], d = hash[3];
    int e = hash[4], f = hash[5], g = hash[6], h = hash[7];
    for (int t = 0; t < 64; t++) {
      int sum1 =
          Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25);
      int choose = (e & f) ^ (~e & g);
      int t1 = h + sum1 + choose + ROUND_CONSTANTS[t] + w[t];
      int sum0 =
          Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22);
      int majority = (a & b) ^ (a & c) ^ (b & c);
      int t2 = sum0 + majority;
      h = g;
      g = f;
      f = e;
      e = d + t1;
      d = c;
      c = b;
      b = a;
      a = t1 + t2;
    }
    hash[0] += a;
    hash[1] += b;
    hash[2] += c;
    hash[3] += d;
    hash[4] += e;
    hash[5] += f;
    hash[6] += g;
    hash[7] += h;
  }

  /**
   * The first 32 bits of the fractional part of the {@code root}-th root of each of the first
   * {@code count} primes, as the standard defines its constants (4.2.2, 5.3.3). A double carries
   * them exactly: the roots are below 7, leaving 50 bits of fraction; the tests compare the digest
   * with the JDK's.
   */
  private static int[] fractionBits(int count, int root) {
    int[] out = new int[count];
    int found = 0;
    for (int n = 2; found < count; n++) {
      if (!isPrime(n)) continue;
      double r = root == 2 ? Math.sqrt(n) : Math.cbrt(n);
      out[found++] = (int) (long) ((r - Math.floor(r)) * 0x1p32);
    }
    return out;
  }

  private static boolean isPrime(int n) {
    for (int d = 2; d * d <= n; d++) {
      if (n % d == 0) return false;
    }
    return true;
  }
}
