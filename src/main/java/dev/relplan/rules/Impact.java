package dev.relplan.rules;

/** Impact of a failure, as defined by the seed's risk assessment. */
public enum Impact {
  MINOR("Minor"),
  MODERATE("Moderate"),
  SEVERE("Severe");

  public final String title;

  Impact(String title) {
    this.title = title;
  }

  public Impact lower() {
    return this == SEVERE ? MODERATE : MINOR;
  }
}
