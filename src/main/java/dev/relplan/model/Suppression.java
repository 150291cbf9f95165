package dev.relplan.model;

import dev.relplan.source.Location;
import java.time.LocalDate;
import java.util.List;

/**
 * A finding the repository's owners have accepted: a {@code relplan:ignore} comment, a {@code
 * relplan} Metadata entry or annotation (inline), or an entry of relplan.yaml's {@code
 * suppressions} (config). It names a rule id or a seed flag ({@code id}), why ({@code reason},
 * never empty) and until when ({@code until}, null for no end).
 *
 * <p>Which findings it covers: {@code file} null means any file (config only), else findings
 * declared in that file (the scan's path of it); {@code lines} empty means the whole file, else
 * only findings whose subject, call chain or first evidence is declared on one of those lines of
 * {@code file} (the declaration the comment stands on, above or inside); {@code resource} null
 * means any resource, else only findings on the resource of that name.
 *
 * @param location where the suppression is written (the comment, the Metadata entry, the
 *     relplan.yaml entry)
 */
public record Suppression(
    String id,
    String reason,
    LocalDate until,
    Source source,
    Location location,
    String file,
    List<Lines> lines,
    String resource) {

  /** Lines {@code from} to {@code to} of a file, both included. */
  public record Lines(int from, int to) {
    public boolean contain(int line) {
      return from <= line && line <= to;
    }
  }

  /** Where a suppression is written. */
  public enum Source {
    /** In the scanned files, beside what it suppresses. */
    INLINE,
    /** In relplan.yaml, the central list. */
    CONFIG;

    /** The word the reports use: "inline" or "config". */
    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public Suppression {
    lines = List.copyOf(lines);
  }

  /** Whether a declaration on {@code line} of its file lies in what it covers. */
  public boolean coversLine(int line) {
    return lines.isEmpty() || lines.stream().anyMatch(l -> l.contain(line));
  }

  /** Whether it covers a whole file rather than declarations in it. */
  public boolean fileLevel() {
    return file != null && lines.isEmpty();
  }

  /** Whether its end date lies before {@code date} (never without an end date or a date). */
  public boolean expiredOn(LocalDate date) {
    return until != null && date != null && until.isBefore(date);
  }
}
