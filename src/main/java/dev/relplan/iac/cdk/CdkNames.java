package dev.relplan.iac.cdk;

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

  /**
   * The language of a CDK app file relplan does not read (Java, C#, Go: the construct library's
   * other bindings), or null: its stacks are infrastructure, listed in the notes, not application
   * code.
   */
  static String unreadLanguage(String name, String content) {
    if (name.endsWith(".java") && content.contains("software.amazon.awscdk")) return "Java";
    if (name.endsWith(".cs") && content.contains("Amazon.CDK")) return "C#";
    if (name.endsWith(".go") && content.contains("github.com/aws/aws-cdk-go/")) return "Go";
    return null;
  }
}
