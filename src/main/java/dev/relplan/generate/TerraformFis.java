package dev.relplan.generate;

import dev.relplan.model.Resource;
import java.util.List;
import java.util.Map;

/**
 * FIS experiment templates for one Terraform root module, as a {@code relplan_fis.tf} to put in its
 * folder: targets and stop conditions reference the module's own resource addresses.
 */
final class TerraformFis {
  static final String FILE_NAME = "relplan_fis.tf";

  private TerraformFis() {}

  static GeneratedFile file(
      String folder,
      SourceTexts texts,
      List<FisExperiments.Experiment> experiments,
      List<Resource> alarms) {
    String relativeFolder =
        BackupGenerator.folderOf(texts.outputPath(folder.isEmpty() ? "x" : folder + "/x"));
    StringBuilder tf = new StringBuilder();
    tf.append("# relplan generate fis: experiment templates for the testing plan; nothing runs")
        .append(" until an experiment is started.\n");
    if (alarms.isEmpty())
      tf.append(
          "# No CloudWatch alarm is defined in this module, so the experiments have no stop"
              + " condition: add one on the workload's errors and name it before running them.\n");
    tf.append(
        """

        data "aws_partition" "relplan_fis" {}

        resource "aws_iam_role" "relplan_fis" {
          name_prefix = "relplan-fis-"
          assume_role_policy = jsonencode({
            Version = "2012-10-17"
            Statement = [{
              Effect    = "Allow"
              Principal = { Service = "fis.amazonaws.com" }
              Action    = "sts:AssumeRole"
            }]
          })
        }
        """);
    List<String> policies = CloudFormationFis.managedPolicies(experiments);
    if (!policies.isEmpty()) {
      tf.append(
          """

          resource "aws_iam_role_policy_attachment" "relplan_fis" {
            for_each   = toset([%s])
            role       = aws_iam_role.relplan_fis.name
            policy_arn = "arn:${data.aws_partition.relplan_fis.partition}:iam::aws:policy/service-role/${each.value}"
          }
          """
              .formatted(String.join(", ", policies.stream().map(p -> "\"" + p + "\"").toList())));
    }
    if (experiments.stream().anyMatch(e -> e.permission() == null))
      tf.append(
          """

          # No managed policy covers the Lambda actions: what FIS documents they need.
          resource "aws_iam_role_policy" "relplan_fis_lambda" {
            name = "relplan-fis-lambda"
            role = aws_iam_role.relplan_fis.id
            policy = jsonencode({
              Version = "2012-10-17"
              Statement = [{
                Effect   = "Allow"
                Action   = ["lambda:GetFunction", "tag:GetResources"]
                Resource = "*"
              }]
            })
          }
          """);
    java.util.Set<String> taken = new java.util.HashSet<>();
    for (FisExperiments.Experiment e : experiments) {
      String name = "relplan_" + e.kind() + "_" + label(e.subject().id);
      for (int i = 2; !taken.add(name); i++) name = name + i;
      tf.append('\n')
          .append("resource \"aws_fis_experiment_template\" \"")
          .append(name)
          .append("\" {\n")
          .append("  description = \"")
          .append(e.description().replace("\"", "'"))
          .append("\"\n")
          .append("  role_arn    = aws_iam_role.relplan_fis.arn\n");
      if (alarms.isEmpty()) tf.append("\n  stop_condition {\n    source = \"none\"\n  }\n");
      for (Resource alarm : alarms)
        tf.append("\n  stop_condition {\n    source = \"aws:cloudwatch:alarm\"\n    value  = ")
            .append(TerraformBackup.address(alarm))
            .append(".arn\n  }\n");
      tf.append("\n  action {\n    name      = \"")
          .append(e.kind())
          .append("\"\n    action_id = \"")
          .append(e.actionId())
          .append("\"\n");
      for (Map.Entry<String, String> p : e.actionParameters().entrySet())
        tf.append("\n    parameter {\n      key   = \"")
            .append(p.getKey())
            .append("\"\n      value = \"")
            .append(p.getValue())
            .append("\"\n    }\n");
      tf.append("\n    target {\n      key   = \"")
          .append(e.targetKey())
          .append("\"\n      value = \"")
          .append(e.targetKey())
          .append("\"\n    }\n  }\n");
      tf.append("\n  target {\n    name           = \"")
          .append(e.targetKey())
          .append("\"\n    resource_type  = \"")
          .append(e.resourceType())
          .append("\"\n    selection_mode = \"")
          .append(e.selectionMode())
          .append("\"\n");
      switch (e.by()) {
        case ARN -> {
          tf.append("    resource_arns  = [");
          tf.append(
              String.join(
                  ", ",
                  e.targetResources().stream()
                      .map(r -> TerraformBackup.address(r) + ".arn")
                      .toList()));
          tf.append("]\n");
        }
        case TAG ->
            tf.append("\n    resource_tag {\n      key   = \"aws:autoscaling:groupName\"\n")
                .append("      value = ")
                .append(TerraformBackup.address(e.subject()))
                .append(".name\n    }\n")
                .append("\n    filter {\n      path   = \"State.Name\"\n")
                .append("      values = [\"running\"]\n    }\n");
        case PARAMETERS ->
            tf.append("    parameters = {\n      cluster = ")
                .append(TerraformBackup.address(e.targetResources().get(0)))
                .append(".name\n      service = ")
                .append(TerraformBackup.address(e.targetResources().get(1)))
                .append(".name\n    }\n");
      }
      tf.append("  }\n\n  tags = {\n    Name = \"relplan-")
          .append(e.kind())
          .append("-")
          .append(label(e.subject().id).replace('_', '-'))
          .append("\"\n  }\n}\n");
    }
    String path =
        FisGenerator.FOLDER + (relativeFolder.isEmpty() ? "" : relativeFolder + "/") + FILE_NAME;
    return new GeneratedFile(path, tf.toString());
  }

  /** A Terraform address as a name part: its resource name ("aws_ecs_service.api" gives "api"). */
  private static String label(String address) {
    String name = address.substring(address.lastIndexOf('.') + 1);
    StringBuilder out = new StringBuilder();
    for (char c : name.toCharArray())
      out.append(c < 128 && Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : '_');
    return out.toString();
  }
}
