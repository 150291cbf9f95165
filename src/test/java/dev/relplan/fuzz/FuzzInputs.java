package dev.relplan.fuzz;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import dev.relplan.adapt.Adapter;
import dev.relplan.discover.Discovery;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Workload;
import dev.relplan.parse.Node;
import dev.relplan.parse.ParseException;
import dev.relplan.parse.YamlLoader;
import dev.relplan.source.SkippedFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fuzz inputs as the product sees them: one discovered file held in memory (no disk I/O per
 * execution, so that a campaign reaches millions of inputs), under a folder that does not exist so
 * nothing can be read beside it.
 */
final class FuzzInputs {
  private static final Path ROOT = Path.of("/relplan-fuzz-root-that-does-not-exist");

  private FuzzInputs() {}

  /** The bytes as discovery decodes them (malformed UTF-8 replaced, as the loaders are given). */
  static String text(byte[] input) {
    return new String(input, StandardCharsets.UTF_8);
  }

  static SourceFile file(String display, FileKind kind, String content, List<Node> documents) {
    return new SourceFile(ROOT.resolve(display), display, kind, content, documents);
  }

  static SourceFile code(String display, byte[] input) {
    return file(display, FileKind.SOURCE_CODE, text(input), List.of());
  }

  /** A discovery result holding only the given file, as {@code Pipeline} gives it to an adapter. */
  static Discovery.Result discovered(SourceFile file) {
    return discovered(List.of(file));
  }

  /** A discovery result holding only the given files, in this order. */
  static Discovery.Result discovered(List<SourceFile> files) {
    return new Discovery.Result(List.copyOf(files), List.of(), Map.of(), List.of(""));
  }

  /**
   * A skipped file is part of the contract only with its name and a reason to show; and a reason
   * naming a programming error (the per-file guard turned a {@code NullPointerException} into a
   * skipped file) is a crash the guard hid, not a reason to show.
   */
  static void assertLocated(List<SkippedFile> skipped) {
    for (SkippedFile s : skipped) {
      assertNotNull(s.file(), "skipped file without a name");
      assertNotNull(s.reason(), "skipped file without a reason: " + s.file());
      // The whole reason, as FileGuard words it: other reasons may quote the input's text.
      for (String error : PROGRAMMING_ERRORS) {
        if (s.reason().equals("stopped: could not be analysed (" + error + ")"))
          fail(s.file() + ": " + s.reason());
      }
      if (s.reason().equals("stopped: internal error")) fail(s.file() + ": " + s.reason());
    }
  }

  /**
   * Exceptions that only a bug throws; {@code FileGuard} names the class in the skipped file's
   * reason ("stopped: could not be analysed (NullPointerException)").
   */
  private static final List<String> PROGRAMMING_ERRORS =
      List.of(
          "NullPointerException",
          "ClassCastException",
          "IndexOutOfBoundsException",
          "ArrayIndexOutOfBoundsException",
          "StringIndexOutOfBoundsException",
          "NegativeArraySizeException",
          "ArithmeticException",
          "NumberFormatException",
          "UnsupportedOperationException",
          "NoSuchElementException",
          "ConcurrentModificationException",
          "InvalidPathException");

  /**
   * The files the adapter claims among {@code files}, adapted and linked into a new workload as
   * {@code Pipeline} does; then the skipped-file contract. Nothing claimed: nothing to check.
   */
  static void adaptClaimed(Adapter adapter, List<SourceFile> files) {
    List<SourceFile> claimed = files.stream().filter(adapter::claims).toList();
    if (claimed.isEmpty()) return;
    Workload workload = new Workload();
    adapter.adapt(discovered(claimed), workload);
    adapter.link(discovered(claimed), workload);
    assertLocated(adapter.skipped());
  }

  /** The input's YAML documents (empty ones dropped), or none when it is not YAML. */
  static List<Node> yamlDocuments(String display, String content) {
    try {
      return YamlLoader.loadAll(display, content).stream().filter(Objects::nonNull).toList();
    } catch (ParseException notYaml) {
      return List.of(); // discovery lists the file as skipped with this located error
    }
  }
}
