package dev.relplan.rules;

import dev.relplan.model.Resource;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * A gap the rules found, before numbering. {@code subject} is the resource (or call, handler,
 * migration) the gap is on, for the later stages that judge it by its role and word the advice in
 * its format; null for gaps about the whole repository. {@code flag} is the seed's flag the gap
 * carries: the rule's, unless the assessment showed the seed's qualifier does not hold (transient
 * data is not "data to back up"). {@code written} is, for a gap about the whole repository, the one
 * infrastructure dialect the repository is written in (null when it mixes several or has none), so
 * that its advice can use that dialect's mechanism; null for a gap on a subject, whose own dialect
 * decides.
 */
public record Finding(
    RuleMeta rule,
    String resource,
    String title,
    String description,
    List<Location> evidence,
    Impact impact,
    String impactReason,
    Likelihood likelihood,
    String likelihoodReason,
    Resource subject,
    String flag,
    Dialect written) {

  /**
   * The dialect the advice is worded in: the subject's, or the repository's for a repository gap.
   */
  public Dialect dialect() {
    return subject != null ? Dialect.of(subject) : written;
  }

  /** Impact × likelihood, exactly the seed's matrix. */
  public Risk risk() {
    return Risk.of(impact, likelihood);
  }

  /** The same finding at another likelihood, with the reason for it. */
  public Finding withLikelihood(Likelihood rated, String reason) {
    return new Finding(
        rule,
        resource,
        title,
        description,
        evidence,
        impact,
        impactReason,
        rated,
        reason,
        subject,
        flag,
        written);
  }

  /** The same finding described otherwise (naming the definition it holds for). */
  public Finding withDescription(String described) {
    return new Finding(
        rule,
        resource,
        title,
        described,
        evidence,
        impact,
        impactReason,
        likelihood,
        likelihoodReason,
        subject,
        flag,
        written);
  }

  /** The same finding at another impact, with the reason for it. */
  public Finding withImpact(Impact rated, String reason) {
    return new Finding(
        rule,
        resource,
        title,
        description,
        evidence,
        rated,
        reason,
        likelihood,
        likelihoodReason,
        subject,
        flag,
        written);
  }

  /** The same finding citing these locations too (after its own, without repeats). */
  public Finding withEvidence(List<Location> more) {
    List<Location> all = new ArrayList<>(evidence);
    for (Location l : more) if (!all.contains(l)) all.add(l);
    return new Finding(
        rule,
        resource,
        title,
        description,
        List.copyOf(all),
        impact,
        impactReason,
        likelihood,
        likelihoodReason,
        subject,
        flag,
        written);
  }

  /** The same finding under another title. */
  public Finding withTitle(String retitled) {
    return new Finding(
        rule,
        resource,
        retitled,
        description,
        evidence,
        impact,
        impactReason,
        likelihood,
        likelihoodReason,
        subject,
        flag,
        written);
  }

  /** The same finding without the seed's flag (its qualifier does not hold for the subject). */
  public Finding withoutFlag() {
    return new Finding(
        rule,
        resource,
        title,
        description,
        evidence,
        impact,
        impactReason,
        likelihood,
        likelihoodReason,
        subject,
        null,
        written);
  }
}
