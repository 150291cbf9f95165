package dev.relplan.model;

/** Zone values that are not zone names. */
public final class Zones {
  /** Every Availability Zone of the Region (CloudFormation Fn::GetAZs used as a whole list). */
  public static final String ALL_IN_REGION = "all Availability Zones of the Region";

  private static final String ZONE_LIST =
      "the Availability Zones of the Region, read at plan time from ";

  private Zones() {}

  /**
   * The zone names a data source returns (Terraform {@code data.aws_availability_zones.x.names}):
   * unknown, but its elements are distinct, so element i and element j (i != j) are different
   * zones.
   */
  public static Unknown zoneList(String source) {
    return new Unknown(ZONE_LIST + source);
  }

  public static boolean isZoneList(Object v) {
    return v instanceof Unknown u && u.reason().startsWith(ZONE_LIST);
  }

  /** A stable name for element i of a zone list: distinct indexes give distinct zones. */
  public static String zone(Object zoneList, int index) {
    return "zone "
        + (index + 1)
        + " of "
        + ((Unknown) zoneList).reason().substring(ZONE_LIST.length());
  }
}
