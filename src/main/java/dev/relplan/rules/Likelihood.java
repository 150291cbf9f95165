package dev.relplan.rules;

public enum Likelihood {
  LOW("Low"),
  MEDIUM("Medium"),
  HIGH("High");

  public final String title;

  Likelihood(String title) {
    this.title = title;
  }
}
