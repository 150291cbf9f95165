package dev.relplan.assess;

import dev.relplan.model.Suppression;
import dev.relplan.rules.Finding;
import dev.relplan.source.Location;
import dev.relplan.source.ScanRoots;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Sets apart the findings the repository's owners accepted (docs/suppressions.md). It runs once the
 * rules and the assessment have decided the findings, so suppressing never changes what a finding
 * is or its fingerprint; suppressed findings then count nowhere (summary, scorecard, plan,
 * --fail-on) but are listed, each with the suppression that covers it.
 */
final class Suppressing {
  /**
   * The run's suppressions (inline first, in file order, then relplan.yaml's in its order), the
   * report's date that decides which have expired (none without one), and whether inline ones are
   * ignored (--ignore-inline-suppressions).
   */
  record Policy(List<Suppression> suppressions, LocalDate date, boolean ignoreInline) {
    static Policy none() {
      return new Policy(List.of(), null, false);
    }
  }

  /** A finding set apart, and the suppression that covers it. */
  record Covered(Finding finding, Suppression by) {}

  /**
   * The findings still active, those covered, the suppressions past their date, those ignored by
   * policy, and those in force that cover no finding.
   */
  record Outcome(
      List<Finding> active,
      List<Covered> covered,
      List<Suppression> expired,
      List<Suppression> ignored,
      List<Suppression> unused) {}

  private Suppressing() {}

  static Outcome apply(List<Finding> findings, Policy policy, ScanRoots roots) {
    List<Suppression> inForce = new ArrayList<>();
    List<Suppression> expired = new ArrayList<>();
    List<Suppression> ignored = new ArrayList<>();
    for (Suppression s : policy.suppressions()) {
      if (policy.ignoreInline() && s.source() == Suppression.Source.INLINE) ignored.add(s);
      else if (s.expiredOn(policy.date())) expired.add(s);
      else inForce.add(s);
    }
    List<Finding> active = new ArrayList<>();
    List<Covered> covered = new ArrayList<>();
    Set<Suppression> used = new LinkedHashSet<>();
    for (Finding f : findings) {
      Suppression by = inForce.stream().filter(s -> covers(s, f, roots)).findFirst().orElse(null);
      if (by == null) {
        active.add(f);
      } else {
        covered.add(new Covered(f, by));
        used.add(by);
      }
    }
    List<Suppression> unused = inForce.stream().filter(s -> !used.contains(s)).toList();
    return new Outcome(active, covered, expired, ignored, unused);
  }

  /** Whether a suppression names the finding's rule or flag and covers where it is declared. */
  static boolean covers(Suppression s, Finding f, ScanRoots roots) {
    boolean named =
        s.id().equals(f.rule().id()) || s.id().equals(f.flag()) || s.id().equals(f.rule().flag());
    if (!named) return false;
    if (s.resource() != null && !s.resource().equals(f.resource())) return false;
    if (s.file() == null) return true;
    for (Location at : declaredAt(f)) {
      boolean inFile =
          s.file().equals(at.file())
              || (s.source() == Suppression.Source.CONFIG
                  && s.file().equals(roots.rooted(at).file()));
      if (inFile && s.coversLine(at.line())) return true;
    }
    return false;
  }

  /**
   * Where a finding is declared: its subject's declaration, the module or nested-stack calls that
   * created the subject, and its first evidence line (a code finding's call, a deciding property).
   */
  static List<Location> declaredAt(Finding f) {
    List<Location> at = new ArrayList<>();
    if (f.subject() != null) {
      at.add(f.subject().location);
      at.addAll(f.subject().callChain);
    }
    if (!f.evidence().isEmpty()) at.add(f.evidence().get(0));
    return at.stream().filter(Objects::nonNull).toList();
  }
}
