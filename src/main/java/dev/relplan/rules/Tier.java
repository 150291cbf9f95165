package dev.relplan.rules;

/** Remediation tiers of the plan. */
public enum Tier {
  QUICK_WIN("Quick Win"),
  FOUNDATION("Foundation"),
  STRATEGIC("Strategic");

  public final String title;

  Tier(String title) {
    this.title = title;
  }
}
