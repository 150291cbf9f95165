package dev.relplan.rules;

/** The six domains of the reliability scorecard. */
public enum Domain {
  FAULT_TOLERANCE("Fault Tolerance"),
  RECOVERY("Recovery & Backup"),
  SCALING("Scaling & Capacity"),
  RESILIENCE("Resilience Patterns"),
  CHANGE("Change Management"),
  TESTING("Testing & Validation");

  public final String title;

  Domain(String title) {
    this.title = title;
  }
}
