package dev.relplan.generate;

import dev.relplan.model.Database;
import dev.relplan.model.Resource;
import dev.relplan.parse.YamlText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * FIS experiment templates for one CloudFormation or SAM template, as a patch adding them and their
 * role to its Resources: targets and stop conditions name the template's own resources.
 */
final class CloudFormationFis {
  private CloudFormationFis() {}

  static GeneratedFile patch(
      String file, SourceTexts texts, List<FisTemplate> experiments, List<Resource> alarms)
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
    block.addAll(role(role, experiments));
    for (FisTemplate e : experiments) {
      String id =
          template.free("RelplanFis" + capitalized(e.kind()) + alphanumeric(e.subjectId()), taken);
      block.addAll(experiment(id, role, e, alarms));
    }
    List<UnifiedDiff.Insertion> insertions = new ArrayList<>();
    List<String> inputs = parameters(experiments, taken);
    if (!inputs.isEmpty()) insertions.add(template.parameters(inputs));
    insertions.add(template.resources(block));
    String diff = UnifiedDiff.of(texts.relative(file), text, insertions);
    return new GeneratedFile(FisGenerator.FOLDER + texts.outputPath(file) + ".patch", diff);
  }

  /** Parameter entries for the inputs the experiments take, each once. */
  static List<String> parameters(List<FisTemplate> experiments, Set<String> taken) {
    Set<FisInput> inputs = new LinkedHashSet<>();
    experiments.forEach(e -> inputs.addAll(e.inputs()));
    List<String> out = new ArrayList<>();
    for (FisInput input : inputs) {
      taken.add(input.cloudFormationName);
      out.add(input.cloudFormationName + ":");
      out.add("  Type: " + input.cloudFormationType);
      out.add("  Description: " + YamlText.doubleQuoted(input.description));
    }
    return out;
  }

  /**
   * The role FIS assumes, with the managed policies and inline permissions the experiments need.
   */
  static List<String> role(String role, List<FisTemplate> experiments) {
    List<String> block = new ArrayList<>();
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
    List<String> policies = managedPolicies(experiments);
    if (!policies.isEmpty()) {
      block.add("    ManagedPolicyArns:");
      for (String policy : policies)
        block.add("      - !Sub arn:${AWS::Partition}:iam::aws:policy/service-role/" + policy);
    }
    List<String> inline = inlineActions(experiments);
    if (!inline.isEmpty()) {
      block.add("    Policies:");
      block.add("      - PolicyName: relplan-fis-inline");
      block.add("        PolicyDocument:");
      block.add("          Version: \"2012-10-17\"");
      block.add("          Statement:");
      block.add("            - Effect: Allow");
      block.add("              Action:");
      for (String action : inline) block.add("                - " + action);
      block.add("              Resource: \"*\"");
    }
    return block;
  }

  /** One AWS::FIS::ExperimentTemplate resource. */
  static List<String> experiment(String id, String role, FisTemplate e, List<Resource> alarms) {
    List<String> block = new ArrayList<>();
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
    for (FisTemplate.Target t : e.targets()) {
      block.add("      " + t.name() + ":");
      block.add("        ResourceType: " + t.resourceType());
      if (!t.arns().isEmpty()) {
        block.add("        ResourceArns:");
        for (FisTemplate.Value arn : t.arns()) block.add("          - " + value(arn));
      }
      if (!t.tags().isEmpty()) {
        block.add("        ResourceTags:");
        t.tags().forEach((k, v) -> block.add("          " + k + ": " + value(v)));
      }
      if (!t.parameters().isEmpty()) {
        block.add("        Parameters:");
        t.parameters().forEach((k, v) -> block.add("          " + k + ": " + value(v)));
      }
      if (!t.filters().isEmpty()) {
        block.add("        Filters:");
        for (FisTemplate.Filter f : t.filters()) {
          block.add("          - Path: " + f.path());
          block.add("            Values:");
          for (FisTemplate.Value v : f.values()) block.add("              - " + value(v));
        }
      }
      block.add("        SelectionMode: " + t.selectionMode());
    }
    block.add("    Actions:");
    for (FisTemplate.Action a : e.actions()) {
      block.add("      " + a.name() + ":");
      block.add("        ActionId: " + a.actionId());
      if (!a.parameters().isEmpty()) {
        block.add("        Parameters:");
        a.parameters().forEach((k, v) -> block.add("          " + k + ": " + value(v)));
      }
      block.add("        Targets:");
      block.add("          " + a.targetKey() + ": " + a.targetName());
    }
    if (e.skipEmptyTargets()) {
      block.add("    ExperimentOptions:");
      block.add("      EmptyTargetResolutionMode: skip");
    }
    block.add("    Tags:");
    block.add("      Name: relplan-" + e.kind() + "-" + alphanumeric(e.subjectId()).toLowerCase());
    return block;
  }

  /** A value as CloudFormation YAML: a quoted literal, an intrinsic function or a parameter. */
  private static String value(FisTemplate.Value v) {
    if (v instanceof FisTemplate.Literal l) return YamlText.doubleQuoted(l.text());
    if (v instanceof FisTemplate.Arn a) return arn(a.resource());
    if (v instanceof FisTemplate.Name n) return "!Ref " + n.resource().id;
    if (v instanceof FisTemplate.ServiceName n) return "!GetAtt " + n.resource().id + ".Name";
    return "!Ref " + ((FisTemplate.Input) v).input().cloudFormationName;
  }

  /** The FIS managed policies the experiments need, each once, sorted. */
  static List<String> managedPolicies(List<FisTemplate> experiments) {
    Set<String> out = new TreeSet<>();
    for (FisTemplate e : experiments) out.addAll(e.managedPolicies());
    return List.copyOf(out);
  }

  /** The inline IAM actions the experiments need, each once, sorted. */
  static List<String> inlineActions(List<FisTemplate> experiments) {
    Set<String> out = new TreeSet<>();
    for (FisTemplate e : experiments) out.addAll(e.inlineActions());
    return List.copyOf(out);
  }

  /**
   * A resource's ARN: its ARN return value where it has one; EC2 instances and subnets and
   * ElastiCache replication groups have none, so the ARN is built from what Ref returns (instance
   * and subnet ids, the replication group id).
   */
  private static String arn(Resource r) {
    if (r instanceof Database d)
      return "!GetAtt "
          + r.id
          + (d.kind == Database.Kind.CLUSTER ? ".DBClusterArn" : ".DBInstanceArn");
    String prefix = "!Sub \"arn:${AWS::Partition}:";
    String account = ":${AWS::Region}:${AWS::AccountId}:";
    return switch (r.writtenType()) {
      case "AWS::EC2::Subnet" -> prefix + "ec2" + account + "subnet/${" + r.id + "}\"";
      case "AWS::EC2::Instance" -> prefix + "ec2" + account + "instance/${" + r.id + "}\"";
      case "AWS::ElastiCache::ReplicationGroup" ->
          prefix + "elasticache" + account + "replicationgroup:${" + r.id + "}\"";
      default -> "!GetAtt " + r.id + ".Arn";
    };
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
