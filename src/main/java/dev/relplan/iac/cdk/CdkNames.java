package dev.relplan.iac.cdk;

import java.util.Arrays;
import java.util.Map;

/**
 * The one spelling of an AWS CDK name, whatever import wrote it: {@code aws-cdk-lib/aws-rds},
 * {@code aws-cdk-lib}'s {@code aws_rds} namespace and CDK v1's {@code @aws-cdk/aws-rds} all become
 * {@code aws_rds.DatabaseInstance}; the core library's names have no module ({@code Duration}).
 */
final class CdkNames {
  private CdkNames() {}

  /**
   * The canonical name of a qualified name the JavaScript file resolved through its imports, or
   * null when it is not a CDK name.
   */
  static String canonical(String qualified) {
    if (qualified == null) return null;
    String rest;
    if (qualified.startsWith("aws-cdk-lib/")) rest = qualified.substring("aws-cdk-lib/".length());
    else if (qualified.startsWith("aws-cdk-lib."))
      rest = qualified.substring("aws-cdk-lib.".length());
    else if (qualified.startsWith("@aws-cdk/core."))
      return qualified.substring("@aws-cdk/core.".length());
    else if (qualified.startsWith("@aws-cdk/")) rest = qualified.substring("@aws-cdk/".length());
    else if (qualified.startsWith("aws_cdk.core."))
      return qualified.substring("aws_cdk.core.".length());
    else if (qualified.startsWith("aws_cdk.")) rest = qualified.substring("aws_cdk.".length());
    else return null;
    int dot = rest.indexOf('.');
    String module = dot < 0 ? rest : rest.substring(0, dot);
    if (!module.startsWith("aws-") && !module.startsWith("aws_")) return rest; // a core name
    return module.replace('-', '_') + (dot < 0 ? "" : rest.substring(dot));
  }

  /** Whether a file's text may use the CDK at all: checked before anything is parsed. */
  static boolean mayUseCdk(String content) {
    return content.contains("aws-cdk-lib") || content.contains("@aws-cdk/");
  }

  /** Whether a Python module's text may import the CDK ({@code aws_cdk}, v1 or v2). */
  static boolean mayUseCdkInPython(String content) {
    return content.contains("aws_cdk");
  }

  private static final String JAVA_ROOT = "software.amazon.awscdk.";
  private static final String JAVA_SERVICES = JAVA_ROOT + "services.";

  /**
   * Java packages of the construct library whose module name is not their dotted parts joined with
   * underscores ({@code services.lambda.eventsources} is {@code aws_lambda_event_sources}).
   */
  private static final Map<String, String> JAVA_SUBPACKAGES =
      Map.of("eventsources", "event_sources");

  /**
   * The canonical name of a Java class name ({@code
   * software.amazon.awscdk.services.rds.DatabaseInstance} is {@code aws_rds.DatabaseInstance},
   * {@code software.amazon.awscdk.Duration} and CDK v1's {@code
   * software.amazon.awscdk.core.Duration} are {@code Duration}), or null when it is not a CDK name.
   * Nested names stay ({@code aws_s3.Bucket.Builder}).
   */
  static String canonicalJava(String qualified) {
    if (qualified == null || !qualified.startsWith(JAVA_ROOT)) return null;
    if (!qualified.startsWith(JAVA_SERVICES)) {
      String core = qualified.substring(JAVA_ROOT.length());
      return core.startsWith("core.") ? core.substring("core.".length()) : core;
    }
    String[] parts = qualified.substring(JAVA_SERVICES.length()).split("\\.");
    StringBuilder module = new StringBuilder("aws");
    int i = 0;
    for (;
        i < parts.length && !parts[i].isEmpty() && Character.isLowerCase(parts[i].charAt(0));
        i++) module.append('_').append(JAVA_SUBPACKAGES.getOrDefault(parts[i], parts[i]));
    if (i == 0 || i == parts.length) return null; // no service package, or no class named
    return module + "." + String.join(".", Arrays.asList(parts).subList(i, parts.length));
  }

  /**
   * The Java class name of a canonical name, as a Java app imports it ({@code
   * aws_rds.DatabaseInstance} is {@code software.amazon.awscdk.services.rds.DatabaseInstance}).
   */
  static String javaName(String canonical) {
    int dot = canonical.indexOf('.');
    String module = dot < 0 ? "" : canonical.substring(0, dot);
    if (!module.startsWith("aws_")) return JAVA_ROOT + canonical;
    StringBuilder pkg = new StringBuilder();
    for (String part :
        module.substring("aws_".length()).replace("event_sources", "eventsources").split("_"))
      pkg.append(part).append('.');
    return JAVA_SERVICES + pkg + canonical.substring(dot + 1);
  }

  /** Whether a Java file's text may use the CDK ({@code software.amazon.awscdk}, v1 or v2). */
  static boolean mayUseCdkInJava(String content) {
    return content.contains("software.amazon.awscdk");
  }

  /**
   * The language of a CDK app file relplan does not read (C#, Go: the construct library's other
   * bindings), or null: its stacks are infrastructure, listed in the notes, not application code.
   */
  static String unreadLanguage(String name, String content) {
    if (name.endsWith(".cs") && content.contains("Amazon.CDK")) return "C#";
    if (name.endsWith(".go") && content.contains("github.com/aws/aws-cdk-go/")) return "Go";
    return null;
  }
}
