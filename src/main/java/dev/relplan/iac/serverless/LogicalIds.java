package dev.relplan.iac.serverless;

import java.util.Locale;

/**
 * The CloudFormation logical ids the Serverless Framework gives what it generates, so references
 * written in {@code resources} ({@code Fn::GetAtt: [HelloLambdaFunction, Arn]}) reach the model
 * objects of the functions: a name is normalized by replacing {@code -} with {@code Dash} and
 * {@code _} with {@code Underscore} and capitalizing its first letter (the framework's naming
 * conventions,
 * serverless.com/framework/docs/providers/aws/guide/resources#aws-cloudformation-resource-reference).
 */
final class LogicalIds {
  private LogicalIds() {}

  static String normalized(String name) {
    String n = name.replace("-", "Dash").replace("_", "Underscore");
    return n.isEmpty() ? n : n.substring(0, 1).toUpperCase(Locale.ROOT) + n.substring(1);
  }

  /** A name reduced to letters and digits, capitalized: how event sources name their mappings. */
  static String alphanumeric(String name) {
    StringBuilder sb = new StringBuilder();
    for (char c : name.toCharArray()) if (Character.isLetterOrDigit(c)) sb.append(c);
    return normalized(sb.toString());
  }

  static String function(String name) {
    return normalized(name) + "LambdaFunction";
  }
}
