package dev.relplan.code;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;
import org.treesitter.TSParser;

/**
 * Where the tree-sitter native libraries are unpacked. The bindings' loader writes them into {@code
 * ~/.tree-sitter/lib} unless the {@code tree-sitter-lib} system property names another directory; a
 * CI container's home is often read-only and a scan must not leave files behind, so every parser is
 * made here, after the property points at a directory private to this process that is deleted at
 * exit.
 */
public final class TreeSitterNatives {
  /** The system property the bindings' {@code NativeUtils} reads for its unpack directory. */
  static final String LIBRARY_DIRECTORY_PROPERTY = "tree-sitter-lib";

  private static boolean configured;

  private TreeSitterNatives() {}

  /** A new parser, its native library (and its grammar's, loaded next) unpacked off home. */
  public static TSParser newParser() {
    configure();
    return new TSParser();
  }

  /**
   * Points the loader at a fresh owner-only temporary directory, once; a directory the user chose
   * with {@code -Dtree-sitter-lib=...} is kept.
   */
  static synchronized void configure() {
    if (configured) return;
    configured = true;
    if (System.getProperty(LIBRARY_DIRECTORY_PROPERTY) != null) return;
    Path directory = privateDirectory();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(directory)));
    System.setProperty(LIBRARY_DIRECTORY_PROPERTY, directory.toString());
  }

  private static Path privateDirectory() {
    try {
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix"))
        return Files.createTempDirectory(
            "relplan-tree-sitter-",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      return Files.createTempDirectory("relplan-tree-sitter-");
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot create a temporary directory for the tree-sitter native libraries", e);
    }
  }

  /** Best effort: a library still mapped on some systems cannot be deleted, and exit goes on. */
  private static void deleteTree(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
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
      // the directory is already gone or unreadable: nothing more to clean
    }
  }
}
