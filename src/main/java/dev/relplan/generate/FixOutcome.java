package dev.relplan.generate;

import java.util.List;

/**
 * What one fix of {@code generate fixes} does to the file declaring its resource: the insertions
 * and the line the README lists, or why it changes nothing.
 */
record FixOutcome(List<UnifiedDiff.Insertion> edits, String fixed, String notGenerated) {
  FixOutcome {
    edits = List.copyOf(edits);
  }

  static FixOutcome edited(String fixed, UnifiedDiff.Insertion... edits) {
    return new FixOutcome(List.of(edits), fixed, null);
  }

  static FixOutcome left(String why) {
    return new FixOutcome(List.of(), null, why);
  }
}
