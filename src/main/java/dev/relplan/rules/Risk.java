package dev.relplan.rules;

/** Risk level from impact × likelihood, exactly the seed's matrix. */
public enum Risk {
  CRITICAL("Critical"),
  HIGH("High"),
  MEDIUM("Medium"),
  LOW("Low");

  public final String title;

  Risk(String title) {
    this.title = title;
  }

  public static Risk of(Impact impact, Likelihood likelihood) {
    return switch (impact) {
      case SEVERE -> likelihood == Likelihood.HIGH ? CRITICAL : HIGH;
      case MODERATE -> likelihood == Likelihood.HIGH ? HIGH : MEDIUM;
      case MINOR -> likelihood == Likelihood.HIGH ? MEDIUM : LOW;
    };
  }

  public boolean atLeast(Risk other) {
    return ordinal() <= other.ordinal();
  }

  public static Risk parse(String s) {
    return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
  }
}
