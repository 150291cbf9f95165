package dev.relplan.parse.treesitter;

import dev.relplan.source.PrivateTempDirectory;
import java.nio.file.Path;
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
    Path directory =
        PrivateTempDirectory.create("relplan-tree-sitter-", "the tree-sitter native libraries");
    System.setProperty(LIBRARY_DIRECTORY_PROPERTY, directory.toString());
  }
}
