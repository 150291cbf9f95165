package dev.relplan.cli;

import dev.relplan.assess.Assessment;
import dev.relplan.assess.Coverage;
import dev.relplan.rules.Risk;
import dev.relplan.source.InputError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code --fail-on} gate: a risk level (findings at or above it) and/or {@code incomplete}
 * (something the IaC refers to could not be read), each given once or comma-separated.
 *
 * @param threshold the lowest risk that fails the build, null when no level is given
 * @param incomplete whether incomplete coverage fails the build
 */
record FailOn(Risk threshold, boolean incomplete) {
  /** The value that makes incomplete coverage fail the build. */
  static final String INCOMPLETE = "incomplete";

  static final FailOn NONE = new FailOn(null, false);

  /** The gate the --fail-on values ask for; a value that is neither a level nor incomplete is 2. */
  static FailOn parse(List<String> values) {
    Risk threshold = null;
    boolean incomplete = false;
    for (String value : values) {
      if (value.trim().equalsIgnoreCase(INCOMPLETE)) {
        incomplete = true;
        continue;
      }
      Risk level;
      try {
        level = Risk.parse(value.trim());
      } catch (IllegalArgumentException e) {
        throw new InputError(
            "--fail-on '"
                + value
                + "' is not a risk level or incomplete: use critical, high, medium, low or incomplete");
      }
      // Two levels: the lower one fails on more, as the user asked for both.
      if (threshold == null || threshold.atLeast(level)) threshold = level;
    }
    return new FailOn(threshold, incomplete);
  }

  /**
   * What tripped the gate, as the one stderr line (without the "relplan: " prefix), or null when
   * nothing did. Against a baseline only new findings fail the build: known debt is tracked, not
   * re-litigated; coverage is judged on every run.
   */
  String tripped(Assessment assessment, boolean againstBaseline) {
    List<String> reasons = new ArrayList<>();
    if (threshold != null) {
      long atOrAbove =
          assessment.findings().stream().filter(f -> f.risk().atLeast(threshold)).count();
      long fresh =
          assessment.findings().stream()
              .filter(f -> f.risk().atLeast(threshold) && !"unchanged".equals(f.status()))
              .count();
      if (fresh > 0)
        reasons.add(
            "--fail-on "
                + threshold.name().toLowerCase(Locale.ROOT)
                + ": "
                + atOrAbove
                + (atOrAbove == 1 ? " finding" : " findings")
                + " at or above "
                + threshold.title
                + (againstBaseline ? " (" + fresh + " new)" : ""));
    }
    Coverage coverage = assessment.coverage();
    if (incomplete && !coverage.complete())
      reasons.add(
          "--fail-on incomplete: "
              + coverage.summary()
              + " could not be read (see the coverage appendix)");
    return reasons.isEmpty() ? null : String.join("; ", reasons);
  }
}
