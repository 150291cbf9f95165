package dev.relplan.iac.kubernetes.helm;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Unpacks a vendored chart archive ({@code charts/name-1.2.3.tgz}, a gzip-compressed tar) into the
 * private copy, so that its templates get the same {@code lookup} rewrite as the chart's own. Only
 * regular files are written, only inside the target directory, within the copy's size budget; long
 * names (POSIX {@code path} records and GNU long-name entries) are read, links and devices skipped.
 */
final class ChartArchive {
  private static final int BLOCK = 512;
  private static final long MAX_HEADER_BYTES = 1024 * 1024;

  private ChartArchive() {}

  /** Unpacks {@code archive} under {@code into}; the bytes written, at most {@code budget}. */
  static long unpack(Path archive, Path into, long budget) throws IOException {
    Path root = into.toAbsolutePath().normalize();
    long written = 0;
    try (InputStream in =
        new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive)))) {
      byte[] header = new byte[BLOCK];
      String longName = null;
      while (readFully(in, header) && !allZero(header)) {
        long size = octal(header, 124, 12);
        long padding = (BLOCK - size % BLOCK) % BLOCK;
        char type = (char) header[156];
        String name = longName != null ? longName : headerName(header);
        longName = null;
        if (type == 'x' || type == 'L') {
          if (size > MAX_HEADER_BYTES)
            throw new IOException(archive.getFileName() + ": header too long");
          byte[] data = in.readNBytes((int) size);
          longName = type == 'L' ? cString(data, 0, data.length) : paxPath(data);
        } else if (type == '0' || type == '\0') {
          written += size;
          if (written > budget) throw new IOException(archive.getFileName() + " is too large");
          write(in, root, name, size);
        } else in.skipNBytes(size);
        in.skipNBytes(padding);
      }
    }
    return written;
  }

  private static void write(InputStream in, Path root, String name, long size) throws IOException {
    Path to = root.resolve(name).normalize();
    if (!to.startsWith(root) || to.equals(root))
      throw new IOException("an archive entry points outside its chart: " + name);
    Files.createDirectories(to.getParent());
    byte[] content = in.readNBytes((int) size);
    boolean template = false;
    for (Path part : root.relativize(to)) template |= part.toString().equals("templates");
    if (template) {
      String text = new String(content, StandardCharsets.UTF_8);
      Files.writeString(to, TemplateActions.withoutLookup(text), StandardCharsets.UTF_8);
    } else Files.write(to, content);
  }

  private static boolean readFully(InputStream in, byte[] block) throws IOException {
    return in.readNBytes(block, 0, block.length) == block.length;
  }

  private static boolean allZero(byte[] block) {
    for (byte b : block) if (b != 0) return false;
    return true;
  }

  /** The entry's name: the ustar prefix, if any, and the name field. */
  private static String headerName(byte[] header) {
    String name = cString(header, 0, 100);
    boolean ustar = new String(header, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
    String prefix = ustar ? cString(header, 345, 155) : "";
    return prefix.isEmpty() ? name : prefix + "/" + name;
  }

  private static String cString(byte[] bytes, int from, int length) {
    int end = from;
    while (end < from + length && bytes[end] != 0) end++;
    return new String(bytes, from, end - from, StandardCharsets.UTF_8);
  }

  private static long octal(byte[] bytes, int from, int length) throws IOException {
    long value = 0;
    for (int i = from; i < from + length; i++) {
      byte b = bytes[i];
      if (b == 0 || b == ' ') continue;
      if (b < '0' || b > '7') throw new IOException("not a tar archive");
      value = value * 8 + (b - '0');
    }
    return value;
  }

  /** The {@code path} record of a POSIX extended header ({@code "LEN path=VALUE\n"}); or null. */
  private static String paxPath(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    int at = 0;
    while (at < text.length()) {
      int space = text.indexOf(' ', at);
      if (space < 0) return null;
      int length;
      try {
        length = Integer.parseInt(text.substring(at, space));
      } catch (NumberFormatException e) {
        return null;
      }
      if (length <= 0 || at + length > text.length()) return null;
      String record = text.substring(space + 1, at + length);
      if (record.startsWith("path=")) return record.substring(5).stripTrailing();
      at += length;
    }
    return null;
  }
}
