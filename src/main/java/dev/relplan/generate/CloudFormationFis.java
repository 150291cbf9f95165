package dev.relplan.generate;

import dev.relplan.model.Database;
import dev.relplan.model.Resource;
import dev.relplan.parse.YamlText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * FIS experiment templates for one CloudFormation or SAM template, as a patch adding them and their
 * role to its Resources: targets and stop conditions name the template's own resources.
 */
final class CloudFormationFis {
  private CloudFormationFis() {}

  static GeneratedFile patch(
      String file,
      SourceTexts texts,
      List<FisExperiments.Experiment> experiments,
      List<Resource> alarms)
      throws YamlTemplate.NotEditable {
    String text = texts.text(file);
    YamlTemplate template = YamlTemplate.read(file, text);
    Set<String> taken = template.names();
    String role = template.free("RelplanFisRole", taken);
    List<String> block = new ArrayList<>();
    block.add(
        "# relplan generate fis: experiment templates for the testing plan; nothing runs until");
    block.add("# an experiment is started.");
    if (alarms.isEmpty())
      block.add(
          "# No CloudWatch alarm is defined in this template, so the experiments have no stop"
              + " condition: add one on the workload's errors and name it before running them.");
    block.add(role + ":");
    block.add("  Type: AWS::IAM::Role");
    block.add("  Properties:");
    block.add("    AssumeRolePolicyDocument:");
    block.add("      Version: \"2012-10-17\"");
    block.add("      Statement:");
    block.add("        - Effect: Allow");
    block.add("          Principal:");
    block.add("            Service: fis.amazonaws.com");
    block.add("          Action: sts:AssumeRole");
    block.add("    ManagedPolicyArns:");
    for (String policy : managedPolicies(experiments))
      block.add("      - !Sub arn:${AWS::Partition}:iam::aws:policy/service-role/" + policy);
    if (experiments.stream().anyMatch(e -> e.permission() == null)) {
      // No managed policy covers the Lambda actions: what FIS documents they need.
      block.add("    Policies:");
      block.add("      - PolicyName: relplan-fis-lambda");
      block.add("        PolicyDocument:");
      block.add("          Version: \"2012-10-17\"");
      block.add("          Statement:");
      block.add("            - Effect: Allow");
      block.add("              Action:");
      block.add("                - lambda:GetFunction");
      block.add("                - tag:GetResources");
      block.add("              Resource: \"*\"");
    }
    for (FisExperiments.Experiment e : experiments) {
      String id =
          template.free("RelplanFis" + capitalized(e.kind()) + alphanumeric(e.subject().id), taken);
      block.add(id + ":");
      block.add("  Type: AWS::FIS::ExperimentTemplate");
      block.add("  Properties:");
      block.add("    Description: " + YamlText.doubleQuoted(e.description()));
      block.add("    RoleArn: !GetAtt " + role + ".Arn");
      block.add("    StopConditions:");
      if (alarms.isEmpty()) block.add("      - Source: none");
      for (Resource alarm : alarms) {
        block.add("      - Source: aws:cloudwatch:alarm");
        block.add("        Value: !GetAtt " + alarm.id + ".Arn");
      }
      block.add("    Targets:");
      block.add("      " + e.targetKey() + ":");
      block.add("        ResourceType: " + e.resourceType());
      switch (e.by()) {
        case ARN -> {
          block.add("        ResourceArns:");
          for (Resource r : e.targetResources()) block.add("          - " + arn(r));
        }
        case TAG -> {
          block.add("        ResourceTags:");
          block.add("          aws:autoscaling:groupName: !Ref " + e.subject().id);
          block.add("        Filters:");
          block.add("          - Path: State.Name");
          block.add("            Values:");
          block.add("              - running");
        }
        case PARAMETERS -> {
          block.add("        Parameters:");
          block.add("          cluster: !Ref " + e.targetResources().get(0).id);
          block.add("          service: !GetAtt " + e.targetResources().get(1).id + ".Name");
        }
      }
      block.add("        SelectionMode: " + e.selectionMode());
      block.add("    Actions:");
      block.add("      " + e.kind() + ":");
      block.add("        ActionId: " + e.actionId());
      if (!e.actionParameters().isEmpty()) {
        block.add("        Parameters:");
        for (Map.Entry<String, String> p : e.actionParameters().entrySet())
          block.add("          " + p.getKey() + ": \"" + p.getValue() + "\"");
      }
      block.add("        Targets:");
      block.add("          " + e.targetKey() + ": " + e.targetKey());
      block.add("    Tags:");
      block.add(
          "      Name: relplan-" + e.kind() + "-" + alphanumeric(e.subject().id).toLowerCase());
    }
    String diff = UnifiedDiff.of(texts.relative(file), text, List.of(template.resources(block)));
    return new GeneratedFile(FisGenerator.FOLDER + texts.outputPath(file) + ".patch", diff);
  }

  /** The FIS managed policies the experiments need, each once. */
  static List<String> managedPolicies(List<FisExperiments.Experiment> experiments) {
    Set<String> out = new LinkedHashSet<>();
    for (FisExperiments.Experiment e : experiments)
      if (e.permission() != null) out.add(e.permission());
    return List.copyOf(out);
  }

  private static String arn(Resource r) {
    if (r instanceof Database d)
      return "!GetAtt "
          + r.id
          + (d.kind == Database.Kind.CLUSTER ? ".DBClusterArn" : ".DBInstanceArn");
    return "!GetAtt " + r.id + ".Arn";
  }

  static String alphanumeric(String id) {
    StringBuilder out = new StringBuilder();
    for (char c : id.toCharArray()) if (c < 128 && Character.isLetterOrDigit(c)) out.append(c);
    return out.toString();
  }

  private static String capitalized(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
