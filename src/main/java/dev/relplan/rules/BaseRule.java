package dev.relplan.rules;

import java.util.List;

/** Holds a rule's metadata; subclasses only implement the check. */
public abstract class BaseRule implements Rule {
  private final RuleMeta meta;

  protected BaseRule(RuleMeta meta) {
    this.meta = meta;
  }

  @Override
  public RuleMeta meta() {
    return meta;
  }

  /** Short constructor for metadata; lists are given as comma-separated text to keep rules readable. */
  protected static RuleMeta meta(String id, String flag, Domain domain, String title, String bestPractices,
                                 Impact impact, String impactReason, Likelihood likelihood, String likelihoodReason,
                                 Tier tier, String effort, String services, String remediation, String dependsOn) {
    List<String> bps = split(bestPractices);
    List<String> questions = bps.stream().map(b -> b.substring(0, 5)).distinct().toList();
    return new RuleMeta(id, flag, domain, title, questions, bps, impact, impactReason, likelihood, likelihoodReason, tier,
        effort, split(services), remediation, split(dependsOn));
  }

  private static List<String> split(String s) {
    if (s == null || s.isBlank()) return List.of();
    return List.of(s.split("\\s*,\\s*"));
  }
}
