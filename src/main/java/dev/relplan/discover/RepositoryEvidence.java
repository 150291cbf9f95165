package dev.relplan.discover;

import dev.relplan.model.EvidenceKind;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises evidence files by name: a team's runbooks, load tests and drills are documents and
 * scripts in many formats, so their name and folder are what can be judged without running them.
 */
final class RepositoryEvidence {
  private RepositoryEvidence() {}

  static Optional<EvidenceKind> classify(String display, String content) {
    String p = display.toLowerCase(Locale.ROOT);
    String name = p.substring(p.lastIndexOf('/') + 1);
    boolean doc =
        name.endsWith(".md")
            || name.endsWith(".txt")
            || name.endsWith(".adoc")
            || name.endsWith(".rst");
    if (doc
        && (contains(
                p,
                "disaster-recovery",
                "disaster_recovery",
                "dr-runbook",
                "dr_runbook",
                "dr-plan",
                "failover-runbook",
                "failover")
            || name.startsWith("dr-")
            || name.startsWith("dr_")
            || name.equals("dr.md"))) {
      return Optional.of(EvidenceKind.DR_RUNBOOK);
    }
    if (contains(
        p,
        "restore-test",
        "restore_test",
        "restore-drill",
        "backup-restore",
        "restore-verification")) {
      return Optional.of(EvidenceKind.RESTORE_TEST);
    }
    if (doc && contains(p, "runbook", "playbook")) return Optional.of(EvidenceKind.RUNBOOK);
    if (doc && contains(p, "postmortem", "post-mortem", "incident-review", "post-incident")) {
      return Optional.of(EvidenceKind.POSTMORTEM);
    }
    if (name.endsWith(".jmx")
        || name.startsWith("locustfile")
        || contains(p, "/k6/", "load-test", "loadtest", "load_test", "/gatling/", "artillery")) {
      return Optional.of(EvidenceKind.LOAD_TEST);
    }
    if (contains(p, "chaos", "gameday", "game-day"))
      return Optional.of(EvidenceKind.CHAOS_EXPERIMENT);
    return Optional.empty();
  }

  private static boolean contains(String s, String... parts) {
    for (String part : parts) if (s.contains(part)) return true;
    return false;
  }
}
