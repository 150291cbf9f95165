package dev.relplan.rules;

/**
 * What the user told us about the workload, which calibrates what is required: an availability
 * target of 99.99% or more needs multiple Regions, 99.9% does not. {@code tier} is the business
 * tier (critical, high, medium, low) as stated in relplan.yaml, or null; it is reported, and
 * changes no rating (the README's relplan.yaml section says why). {@code incidents} is null only in
 * a request where --incidents was not given, so that the configuration file's may apply. {@code
 * environment} is the relplan.yaml environment chosen with --environment, or null; it is reported.
 */
public record Context(
    Double availabilityTarget,
    String rto,
    String rpo,
    java.util.List<Incident> incidents,
    String tier,
    String environment) {
  public Context(
      Double availabilityTarget,
      String rto,
      String rpo,
      java.util.List<Incident> incidents,
      String tier) {
    this(availabilityTarget, rto, rpo, incidents, tier, null);
  }

  /** The same objectives, for the relplan.yaml environment chosen. */
  public Context inEnvironment(String chosen) {
    return new Context(availabilityTarget, rto, rpo, incidents, tier, chosen);
  }

  public Context(
      Double availabilityTarget, String rto, String rpo, java.util.List<Incident> incidents) {
    this(availabilityTarget, rto, rpo, incidents, null);
  }

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
