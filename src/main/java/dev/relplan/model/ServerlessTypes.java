package dev.relplan.model;

/**
 * How a resource the Serverless Framework generates from serverless.yml (a function, what its
 * events and plugins create) records that it was written there: its {@link Resource#declaredType}
 * is the CloudFormation type after {@link #PREFIX}, so advice is worded in serverless.yml's keys
 * (functions, events) rather than the generated template's properties. Resources written under
 * {@code resources:} are CloudFormation and keep their own type.
 */
public final class ServerlessTypes {
  public static final String PREFIX = "serverless.yml:";

  private ServerlessTypes() {}

  /** The written type of a resource generated from serverless.yml with this CloudFormation type. */
  public static String generated(String type) {
    return PREFIX + type;
  }

  /** True for a resource generated from serverless.yml's functions, events or plugins. */
  public static boolean isGenerated(Resource r) {
    return r.writtenType().startsWith(PREFIX);
  }
}
