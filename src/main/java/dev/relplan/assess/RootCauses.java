package dev.relplan.assess;

import dev.relplan.model.Resource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Findings on the same resource that share one cause, grouped so that the plan holds one action for
 * them: min = max leaves compute fixed, without headroom and without a scaling policy; a call with
 * no timeout has no breaker either; a table without any backup has no cross-Region copy either; a
 * function deployed all at once has no automatic rollback. The first finding of a family present is
 * the primary one; the others keep their flags and point to it.
 */
final class RootCauses {
  /** One cause and the rules that report its symptoms, primary first. */
  record Family(String cause, List<String> rules) {}

  static final List<Family> FAMILIES =
      List.of(
          new Family(
              "fixed capacity",
              List.of("REL-ASG-MIN-EQUALS-MAX", "REL-COMPUTE-FIXED", "REL-SCALING-NO-POLICY")),
          new Family(
              "unprotected call",
              List.of("REL-CODE-CALL-NO-TIMEOUT-OR-BREAKER", "REL-CODE-CALL-NO-TIMEOUT")),
          new Family("no backup", List.of("REL-BACKUP-MISSING", "REL-BACKUP-NO-CROSS-REGION")),
          new Family(
              "unmanaged deployment",
              List.of("REL-DEPLOY-ALL-AT-ONCE", "REL-DEPLOY-NO-AUTO-ROLLBACK")));

  private RootCauses() {}

  /** The groups of two or more findings, in the primary findings' order. */
  static List<Assessment.RootCause> of(List<Assessment.NumberedFinding> findings) {
    Map<String, List<Assessment.NumberedFinding>> bySubjectAndCause = new LinkedHashMap<>();
    Map<String, Family> familyOf = new LinkedHashMap<>();
    for (Assessment.NumberedFinding f : findings) {
      Resource subject = f.finding().subject();
      if (subject == null) continue;
      for (Family family : FAMILIES) {
        if (!family.rules().contains(f.finding().rule().id())) continue;
        String key = family.cause() + "|" + subject.key() + "|" + subject.location;
        bySubjectAndCause.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
        familyOf.put(key, family);
      }
    }
    List<Assessment.RootCause> groups = new ArrayList<>();
    bySubjectAndCause.forEach(
        (key, members) -> {
          if (members.size() < 2) return;
          List<String> order = familyOf.get(key).rules();
          List<Assessment.NumberedFinding> sorted = new ArrayList<>(members);
          sorted.sort(
              Comparator.comparing(
                  (Assessment.NumberedFinding m) -> order.indexOf(m.finding().rule().id())));
          groups.add(
              new Assessment.RootCause(
                  familyOf.get(key).cause(),
                  sorted.get(0).id(),
                  sorted.subList(1, sorted.size()).stream()
                      .map(Assessment.NumberedFinding::id)
                      .toList()));
        });
    groups.sort(Comparator.comparing(Assessment.RootCause::primary));
    return groups;
  }
}
