package dev.relplan.code;

import dev.relplan.discover.SourceFile;
import dev.relplan.source.FileGuard;
import dev.relplan.source.SkippedFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The per-file phases of a language scanner: every file's work on every core ({@link
 * FileGuard#parallel}), each file through {@link FileGuard#run}, outcomes in the files' order so
 * the merged output does not depend on the threads' timing. The work must not change state shared
 * between files: cross-file passes run between such phases, on one thread.
 */
public final class PerFile {
  /** What one file's work returned, or, when it did not complete, why the file was skipped. */
  public record Outcome<R>(R result, SkippedFile skipped) {
    /** Whether the file's work completed (its result is to be kept). */
    public boolean completed() {
      return skipped == null;
    }
  }

  private PerFile() {}

  /** {@code work} on every file, each guarded; outcomes in the files' order. */
  public static <R> List<Outcome<R>> each(List<SourceFile> files, Function<SourceFile, R> work) {
    return each(files, SourceFile::display, work);
  }

  /**
   * {@code work} on every item (a file in some form, named {@code display} in the report), each
   * guarded; outcomes in the items' order.
   */
  public static <T, R> List<Outcome<R>> each(
      List<T> items, Function<T, String> display, Function<T, R> work) {
    return FileGuard.parallel(items, item -> guarded(display.apply(item), item, work));
  }

  /**
   * The per-file scans merged in the files' order: a file's findings only when its whole scan
   * completed, else its skipped entry.
   */
  public static ScanResult scan(List<SourceFile> files, Function<SourceFile, ScanResult> work) {
    return scan(files, SourceFile::display, work);
  }

  /** Like {@link #scan(List, Function)} for files in some other form, named {@code display}. */
  public static <T> ScanResult scan(
      List<T> items, Function<T, String> display, Function<T, ScanResult> work) {
    List<ScanResult> results = new ArrayList<>();
    for (Outcome<ScanResult> o : each(items, display, work))
      results.add(o.completed() ? o.result() : skippedOnly(o.skipped()));
    return ScanResult.merge(results);
  }

  private static ScanResult skippedOnly(SkippedFile skipped) {
    return ScanResult.of(List.of(), List.of(), List.of(skipped));
  }

  private static <T, R> Outcome<R> guarded(String display, T item, Function<T, R> work) {
    List<R> result = new ArrayList<>(1);
    Optional<SkippedFile> skipped = FileGuard.run(display, () -> result.add(work.apply(item)));
    return skipped
        .map(s -> new Outcome<R>(null, s))
        .orElseGet(() -> new Outcome<>(result.get(0), null));
  }
}
