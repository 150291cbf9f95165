package dev.relplan.rules;

/**
 * What the user told us about the workload, which calibrates what is required: an availability
 * target of 99.99% or more needs multiple Regions, 99.9% does not.
 */
public record Context(
    Double availabilityTarget, String rto, String rpo, java.util.List<Incident> incidents) {
  public Context(Double availabilityTarget, String rto, String rpo) {
    this(availabilityTarget, rto, rpo, java.util.List.of());
  }

  public static Context defaults() {
    return new Context(null, null, null);
  }

  public boolean needsMultiRegion() {
    return availabilityTarget != null && availabilityTarget >= 99.99;
  }
}
