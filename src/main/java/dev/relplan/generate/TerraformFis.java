package dev.relplan.generate;

import dev.relplan.model.Resource;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * FIS experiment templates for one Terraform root module, as a {@code relplan_fis.tf} to put in its
 * folder: targets and stop conditions reference the module's own resource addresses, inputs are
 * variables.
 */
final class TerraformFis {
  static final String FILE_NAME = "relplan_fis.tf";

  private TerraformFis() {}

  static GeneratedFile file(
      String folder, SourceTexts texts, List<FisTemplate> experiments, List<Resource> alarms) {
    String relativeFolder =
        BackupGenerator.folderOf(texts.outputPath(folder.isEmpty() ? "x" : folder + "/x"));
    StringBuilder tf = new StringBuilder();
    tf.append("# relplan generate fis: experiment templates for the testing plan; nothing runs")
        .append(" until an experiment is started.\n");
    if (alarms.isEmpty())
      tf.append(
          "# No CloudWatch alarm is defined in this module, so the experiments have no stop"
              + " condition: add one on the workload's errors and name it before running them.\n");
    variables(experiments, tf);
    role(experiments, tf);
    Set<String> taken = new HashSet<>();
    for (FisTemplate e : experiments) {
      String base = "relplan_" + e.kind() + "_" + label(e.subjectId());
      String name = base;
      for (int i = 2; !taken.add(name); i++) name = base + i;
      experiment(name, e, alarms, tf);
    }
    String path =
        FisGenerator.FOLDER + (relativeFolder.isEmpty() ? "" : relativeFolder + "/") + FILE_NAME;
    return new GeneratedFile(path, tf.toString());
  }

  private static void variables(List<FisTemplate> experiments, StringBuilder tf) {
    Set<FisInput> inputs = new LinkedHashSet<>();
    experiments.forEach(e -> inputs.addAll(e.inputs()));
    for (FisInput input : inputs)
      tf.append("\nvariable \"")
          .append(input.terraformName)
          .append("\" {\n  type        = string\n  description = ")
          .append(quoted(input.description))
          .append("\n}\n");
  }

  private static void role(List<FisTemplate> experiments, StringBuilder tf) {
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
    if (!policies.isEmpty())
      tf.append(
          """

          resource "aws_iam_role_policy_attachment" "relplan_fis" {
            for_each   = toset([%s])
            role       = aws_iam_role.relplan_fis.name
            policy_arn = "arn:${data.aws_partition.relplan_fis.partition}:iam::aws:policy/service-role/${each.value}"
          }
          """
              .formatted(String.join(", ", policies.stream().map(TerraformFis::quoted).toList())));
    List<String> inline = CloudFormationFis.inlineActions(experiments);
    if (!inline.isEmpty())
      tf.append(
          """

          # Actions no FIS managed policy covers: the permissions the FIS actions reference lists.
          resource "aws_iam_role_policy" "relplan_fis_inline" {
            name = "relplan-fis-inline"
            role = aws_iam_role.relplan_fis.id
            policy = jsonencode({
              Version = "2012-10-17"
              Statement = [{
                Effect   = "Allow"
                Action   = [%s]
                Resource = "*"
              }]
            })
          }
          """
              .formatted(String.join(", ", inline.stream().map(TerraformFis::quoted).toList())));
  }

  private static void experiment(
      String name, FisTemplate e, List<Resource> alarms, StringBuilder tf) {
    tf.append("\nresource \"aws_fis_experiment_template\" \"")
        .append(name)
        .append("\" {\n  description = ")
        .append(quoted(e.description()))
        .append("\n  role_arn    = aws_iam_role.relplan_fis.arn\n");
    if (alarms.isEmpty()) tf.append("\n  stop_condition {\n    source = \"none\"\n  }\n");
    for (Resource alarm : alarms)
      tf.append("\n  stop_condition {\n    source = \"aws:cloudwatch:alarm\"\n    value  = ")
          .append(TerraformBackup.address(alarm))
          .append(".arn\n  }\n");
    for (FisTemplate.Action a : e.actions()) {
      tf.append("\n  action {\n    name      = ")
          .append(quoted(a.name()))
          .append("\n    action_id = ")
          .append(quoted(a.actionId()))
          .append("\n");
      for (Map.Entry<String, FisTemplate.Value> p : a.parameters().entrySet())
        tf.append("\n    parameter {\n      key   = ")
            .append(quoted(p.getKey()))
            .append("\n      value = ")
            .append(value(p.getValue()))
            .append("\n    }\n");
      tf.append("\n    target {\n      key   = ")
          .append(quoted(a.targetKey()))
          .append("\n      value = ")
          .append(quoted(a.targetName()))
          .append("\n    }\n  }\n");
    }
    for (FisTemplate.Target t : e.targets()) target(t, tf);
    if (e.skipEmptyTargets())
      tf.append("\n  experiment_options {\n    empty_target_resolution_mode = \"skip\"\n  }\n");
    tf.append("\n  tags = {\n    Name = \"relplan-")
        .append(e.kind())
        .append("-")
        .append(label(e.subjectId()).replace('_', '-'))
        .append("\"\n  }\n}\n");
  }

  private static void target(FisTemplate.Target t, StringBuilder tf) {
    tf.append("\n  target {\n    name           = ")
        .append(quoted(t.name()))
        .append("\n    resource_type  = ")
        .append(quoted(t.resourceType()))
        .append("\n    selection_mode = ")
        .append(quoted(t.selectionMode()))
        .append("\n");
    if (!t.arns().isEmpty())
      tf.append("    resource_arns  = [")
          .append(String.join(", ", t.arns().stream().map(TerraformFis::value).toList()))
          .append("]\n");
    if (!t.parameters().isEmpty()) {
      tf.append("    parameters = {\n");
      t.parameters()
          .forEach(
              (k, v) -> tf.append("      ").append(k).append(" = ").append(value(v)).append('\n'));
      tf.append("    }\n");
    }
    t.tags()
        .forEach(
            (k, v) ->
                tf.append("\n    resource_tag {\n      key   = ")
                    .append(quoted(k))
                    .append("\n      value = ")
                    .append(value(v))
                    .append("\n    }\n"));
    for (FisTemplate.Filter f : t.filters())
      tf.append("\n    filter {\n      path   = ")
          .append(quoted(f.path()))
          .append("\n      values = [")
          .append(String.join(", ", f.values().stream().map(TerraformFis::value).toList()))
          .append("]\n    }\n");
    tf.append("  }\n");
  }

  /** A value as HCL: a string, an attribute of a resource address, or a variable. */
  private static String value(FisTemplate.Value v) {
    if (v instanceof FisTemplate.Literal l) return quoted(l.text());
    if (v instanceof FisTemplate.Arn a) return TerraformBackup.address(a.resource()) + ".arn";
    if (v instanceof FisTemplate.Name n) return TerraformBackup.address(n.resource()) + ".name";
    if (v instanceof FisTemplate.ServiceName n)
      return TerraformBackup.address(n.resource()) + ".name";
    return "var." + ((FisTemplate.Input) v).input().terraformName;
  }

  /** An HCL string literal; {@code ${} and {@code %{} are escaped so they stay text. */
  private static String quoted(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') out.append('\\');
      out.append(c);
      if ((c == '$' || c == '%') && i + 1 < text.length() && text.charAt(i + 1) == '{')
        out.append(c);
    }
    return out.append('"').toString();
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
