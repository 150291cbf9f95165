package dev.relplan.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A temporary directory only this user can open, deleted when the process exits: where relplan
 * unpacks native libraries and copies charts, never the user's home (a read-only home in CI must
 * not stop the run).
 */
public final class PrivateTempDirectory {
  private PrivateTempDirectory() {}

  /** A new owner-only directory in the system's temporary directory, deleted at exit. */
  public static Path create(String prefix, String purpose) {
    try {
      Path dir =
          FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
              ? Files.createTempDirectory(
                  prefix,
                  PosixFilePermissions.asFileAttribute(
                      PosixFilePermissions.fromString("rwx------")))
              : Files.createTempDirectory(prefix);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory for " + purpose, e);
    }
  }

  /**
   * Deletes {@code dir} and everything under it; best effort: a library still mapped on some
   * systems cannot be deleted, and exit goes on.
   */
  public static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  // left for the system's temporary-file cleaning
                }
              });
    } catch (IOException | UncheckedIOException e) {
      // already gone or unreadable: nothing more to clean
    }
  }
}
