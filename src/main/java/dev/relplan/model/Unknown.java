package dev.relplan.model;

/** A part of a value (for example one element of a list) that could not be resolved, with why. */
public record Unknown(String reason) {
  @Override
  public String toString() {
    return "<unknown: " + reason + ">";
  }
}
