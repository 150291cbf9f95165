package dev.relplan.model;

/** Zone values that are not zone names. */
public final class Zones {
  /** Every Availability Zone of the Region (CloudFormation Fn::GetAZs used as a whole list). */
  public static final String ALL_IN_REGION = "all Availability Zones of the Region";

  private Zones() {}
}
