package dev.relplan.assess;

import dev.relplan.model.Suppression;
import dev.relplan.source.ScanRoots;
import java.util.ArrayList;
import java.util.List;

/** The plan's notes about suppressions: those covering no finding, and undated expiry. */
final class SuppressionNotes {
  private SuppressionNotes() {}

  static List<String> of(Suppressing.Outcome outcome, Suppressing.Policy policy, ScanRoots roots) {
    List<String> notes = new ArrayList<>();
    for (Suppression s : outcome.unused())
      notes.add(
          "Suppression of "
              + s.id()
              + " at "
              + roots.shown(s.location())
              + " covers no finding (the finding is gone, or the suppression is not on, above or"
              + " inside the declaration: docs/suppressions.md).");
    long dated =
        policy.suppressions().stream()
            .filter(s -> s.until() != null && !outcome.ignored().contains(s))
            .count();
    if (policy.date() == null && dated > 0)
      notes.add(
          dated
              + (dated == 1 ? " suppression has" : " suppressions have")
              + " an until date, not checked: the report has no date (pass --date today or"
              + " --date YYYY-MM-DD to stop applying expired suppressions).");
    return notes;
  }
}
