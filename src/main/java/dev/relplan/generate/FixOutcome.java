package dev.relplan.generate;

import java.util.List;

/**
 * What one fix of {@code generate fixes} changes, each insertion in its file (null: the file
 * declaring the finding's subject), and the line the README lists; or why it changes nothing.
 */
record FixOutcome(List<Edit> edits, String fixed, String notGenerated) {
  /** An insertion into one scanned file (null: the subject's own file). */
  record Edit(String file, UnifiedDiff.Insertion insertion) {}

  FixOutcome {
    edits = List.copyOf(edits);
  }

  /** Insertions into the file declaring the subject. */
  static FixOutcome edited(String fixed, UnifiedDiff.Insertion... insertions) {
    return new FixOutcome(
        java.util.Arrays.stream(insertions).map(i -> new Edit(null, i)).toList(), fixed, null);
  }

  /** Insertions into any scanned files (a Helm values file, a template beside the subject's). */
  static FixOutcome editedIn(String fixed, List<Edit> edits) {
    return new FixOutcome(edits, fixed, null);
  }

  static FixOutcome left(String why) {
    return new FixOutcome(List.of(), null, why);
  }
}
