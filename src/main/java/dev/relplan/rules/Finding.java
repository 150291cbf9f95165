package dev.relplan.rules;

import dev.relplan.model.Resource;
import dev.relplan.source.Location;
import java.util.List;

/**
 * A gap the rules found, before numbering and risk are assigned. {@code subject} is the resource
 * (or call, handler, migration) the gap is on, for the later stages that judge it by its role and
 * word the advice in its format; null for gaps about the whole repository.
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
    Resource subject) {

  public Risk risk() {
    return Risk.of(impact, likelihood);
  }

  /** The same finding at another likelihood, with the reason for it. */
  public Finding withLikelihood(Likelihood rated, String reason) {
    return new Finding(
        rule, resource, title, description, evidence, impact, impactReason, rated, reason, subject);
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
        subject);
  }
}
