package dev.relplan.rules;

import dev.relplan.source.Location;
import java.util.List;

/** A gap the rules found, before numbering and risk are assigned. */
public record Finding(
    RuleMeta rule,
    String resource,
    String title,
    String description,
    List<Location> evidence,
    Impact impact,
    String impactReason,
    Likelihood likelihood,
    String likelihoodReason) {

  public Risk risk() {
    return Risk.of(impact, likelihood);
  }
}
