package dev.relplan.generate;

import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;
import dev.relplan.parse.SeqNode;
import dev.relplan.parse.hcl.Attribute;
import dev.relplan.parse.hcl.Block;
import dev.relplan.parse.hcl.Expr;
import dev.relplan.parse.hcl.HclFile;
import dev.relplan.parse.hcl.TemplatePart;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The new standard SQS queues that keep what an asynchronous source failed to deliver (Lambda
 * dead-letter queues and on-failure destinations, EventBridge target dead-letter queues), and the
 * permission to send to them: an SQS queue policy for a service principal, or sqs:SendMessage on
 * the function's execution role. Lambda and EventBridge accept only standard queues here (the
 * EventBridge User Guide: "EventBridge DLQs are standard Amazon SQS queues").
 */
final class FailureQueues {
  static final String COST =
      "a standard SQS queue keeping failed events 14 days, billed per request like any other (an"
          + " empty one costs nothing); alarm on its ApproximateNumberOfMessagesVisible and replay"
          + " its messages once the cause is fixed";

  /** Permission edits, or why they cannot be made (then nothing is generated). */
  record Grant(List<FixOutcome.Edit> edits, String why) {}

  private FailureQueues() {}

  /** A standard queue keeping messages 14 days, created under the subject's condition. */
  static List<String> templateQueue(String name, String condition) {
    List<String> lines = new ArrayList<>(List.of(name + ":", "  Type: AWS::SQS::Queue"));
    if (condition != null) lines.add("  Condition: " + condition);
    lines.addAll(List.of("  Properties:", "    MessageRetentionPeriod: 1209600"));
    return lines;
  }

  /**
   * An AWS::SQS::QueuePolicy letting {@code service} send to the queue on behalf of the resource
   * {@code source} (aws:SourceArn), as the EventBridge and SNS dead-letter queue guides require.
   */
  static List<String> templateQueuePolicy(
      String name, String queue, String service, String sourceArn, String condition) {
    List<String> lines = new ArrayList<>(List.of(name + ":", "  Type: AWS::SQS::QueuePolicy"));
    if (condition != null) lines.add("  Condition: " + condition);
    lines.addAll(
        List.of(
            "  Properties:",
            "    Queues:",
            "      - !Ref " + queue,
            "    PolicyDocument:",
            "      Version: '2012-10-17'",
            "      Statement:",
            "        - Effect: Allow",
            "          Principal:",
            "            Service: " + service,
            "          Action: sqs:SendMessage",
            "          Resource: !GetAtt " + queue + ".Arn",
            "          Condition:",
            "            ArnEquals:",
            "              aws:SourceArn: " + sourceArn));
    return lines;
  }

  /**
   * sqs:SendMessage on the queue for the execution role of the template's function {@code id}: a
   * SAM SQSSendMessagePolicy in the function's Policies when SAM creates its role, else an
   * AWS::IAM::Policy on the role its Role names with !GetAtt ROLE.Arn.
   */
  static Grant templateGrant(YamlTemplate template, String id, String queue, Set<String> taken)
      throws YamlTemplate.NotEditable {
    MapNode props = template.properties(id);
    if (props == null)
      throw new YamlTemplate.NotEditable("its function's Properties are not in block style");
    MapNode.Entry role = props.entry("Role");
    if (role == null && "AWS::Serverless::Function".equals(template.type(id)))
      return samPolicy(template, id, props, queue);
    String roleId = role == null ? null : getAttArnOf(role.value());
    if (roleId == null || !"AWS::IAM::Role".equals(template.type(roleId)))
      return new Grant(
          List.of(),
          "the execution role of "
              + id
              + " is not an AWS::IAM::Role of this template: allow it sqs:SendMessage on the new"
              + " queue by hand");
    String name = template.free(id + "DeadLetterSendPolicy", taken);
    List<String> lines = new ArrayList<>(List.of(name + ":", "  Type: AWS::IAM::Policy"));
    String condition = template.condition(id);
    if (condition != null) lines.add("  Condition: " + condition);
    lines.addAll(
        List.of(
            "  Properties:",
            "    PolicyName: send-to-" + queue,
            "    Roles:",
            "      - !Ref " + roleId,
            "    PolicyDocument:",
            "      Version: '2012-10-17'",
            "      Statement:",
            "        - Effect: Allow",
            "          Action: sqs:SendMessage",
            "          Resource: !GetAtt " + queue + ".Arn"));
    return new Grant(List.of(new FixOutcome.Edit(null, template.resources(lines))), null);
  }

  /** A SAM policy template item added first to the function's Policies (or a new Policies). */
  private static Grant samPolicy(YamlTemplate template, String id, MapNode props, String queue)
      throws YamlTemplate.NotEditable {
    List<String> item =
        List.of("- SQSSendMessagePolicy:", "    QueueName: !GetAtt " + queue + ".QueueName");
    MapNode.Entry policies = props.entry("Policies");
    if (policies == null) {
      List<String> block = new ArrayList<>(List.of("Policies:"));
      item.forEach(l -> block.add("  " + l));
      return new Grant(
          List.of(new FixOutcome.Edit(null, template.firstProperties(id, block))), null);
    }
    if (!(policies.value() instanceof SeqNode seq) || seq.tag() != null || seq.items().isEmpty())
      return new Grant(
          List.of(),
          "its Policies are not a list of policies: add an SQSSendMessagePolicy for the new queue"
              + " by hand");
    int first = seq.items().get(0).location().line();
    int indent = template.indentOf(first);
    if (first <= policies.keyLocation().line()
        || !template.line(first).substring(indent).startsWith("- "))
      throw new YamlTemplate.NotEditable("its Policies are not a block-style list");
    List<String> lines = item.stream().map(l -> " ".repeat(indent) + l).toList();
    return new Grant(
        List.of(new FixOutcome.Edit(null, new UnifiedDiff.Insertion(first - 1, lines))), null);
  }

  /** R of {@code !GetAtt R.Arn} / {@code !GetAtt [R, Arn]}, else null. */
  static String getAttArnOf(Node n) {
    if (n instanceof ScalarNode s
        && "!GetAtt".equals(s.tag())
        && s.text() != null
        && s.text().endsWith(".Arn")) return s.text().substring(0, s.text().length() - 4);
    if (n instanceof SeqNode s
        && "!GetAtt".equals(s.tag())
        && s.items().size() == 2
        && s.items().get(0) instanceof ScalarNode r
        && s.items().get(1) instanceof ScalarNode a
        && "Arn".equals(a.text())) return r.text();
    return null;
  }

  /** A Terraform standard queue keeping messages 14 days, a blank line before it. */
  static List<String> terraformQueue(String name) {
    return List.of(
        "",
        "resource \"" + TerraformFixes.QUEUE_TYPE + "\" \"" + name + "\" {",
        "  message_retention_seconds = 1209600",
        "}");
  }

  /** An aws_sqs_queue_policy letting {@code service} send to the queue from {@code sourceArn}. */
  static List<String> terraformQueuePolicy(
      String name, String queue, String service, String sourceArn) {
    String q = TerraformFixes.QUEUE_TYPE + "." + queue;
    return List.of(
        "",
        "resource \"aws_sqs_queue_policy\" \"" + name + "\" {",
        "  queue_url = " + q + ".id",
        "  policy = jsonencode({",
        "    Version = \"2012-10-17\"",
        "    Statement = [{",
        "      Effect    = \"Allow\"",
        "      Principal = { Service = \"" + service + "\" }",
        "      Action    = \"sqs:SendMessage\"",
        "      Resource  = " + q + ".arn",
        "      Condition = { ArnEquals = { \"aws:SourceArn\" = " + sourceArn + " } }",
        "    }]",
        "  })",
        "}");
  }

  /** A new queue for a Terraform fix and its edits, or why it is not made. */
  record TerraformQueued(String queue, List<FixOutcome.Edit> edits, String why) {}

  /**
   * A new queue after {@code block}, the configuration block {@code config} (given the queue's
   * name) at the end of {@code block}, and the role of {@code grantee}'s function allowed to send
   * to the queue; with the reason instead when that role cannot be edited.
   */
  static TerraformQueued terraformQueued(
      EditedFile file,
      HclFile hcl,
      Block block,
      Block grantee,
      Function<String, List<String>> config)
      throws YamlTemplate.NotEditable {
    String queue = TerraformFixes.free(block.label(1) + "_dlq", file.taken());
    Grant grant = terraformGrant(hcl, grantee, queue, file.taken());
    if (grant.why() != null) return new TerraformQueued(queue, List.of(), grant.why());
    List<FixOutcome.Edit> edits = new ArrayList<>();
    edits.add(new FixOutcome.Edit(null, terraformBlock(hcl, block, config.apply(queue))));
    edits.add(
        new FixOutcome.Edit(
            null, new UnifiedDiff.Insertion(block.endLine(), terraformQueue(queue))));
    edits.addAll(grant.edits());
    return new TerraformQueued(queue, edits, null);
  }

  /**
   * sqs:SendMessage on the queue for the role of a Terraform function, as an aws_iam_role_policy:
   * its role named by {@code aws_iam_role.R.arn} or by a literal role ARN (the policy takes the
   * role's name, the ARN's last path segment).
   */
  static Grant terraformGrant(HclFile hcl, Block function, String queue, Set<String> taken) {
    Attribute role = function.body().attribute("role").orElse(null);
    String arn = role == null ? null : literal(role.value());
    String roleName = null;
    if (role != null
        && role.value() instanceof Expr.ScopeTraversal r
        && r.root().equals("aws_iam_role")
        && r.attributeNames().size() == 2
        && r.attributeNames().get(1).equals("arn"))
      roleName = "aws_iam_role." + r.attributeNames().get(0) + ".name";
    else if (arn != null && arn.startsWith("arn:") && arn.contains(":role/"))
      roleName = "\"" + arn.substring(arn.lastIndexOf('/') + 1) + "\"";
    if (roleName == null)
      return new Grant(
          List.of(),
          "the role of "
              + function.label(1)
              + " is not an aws_iam_role or a role ARN written out: allow it sqs:SendMessage on the"
              + " new queue by hand");
    String name = TerraformFixes.free(function.label(1) + "_dlq_send", taken);
    List<String> lines =
        List.of(
            "",
            "resource \"aws_iam_role_policy\" \"" + name + "\" {",
            "  name = \"send-to-" + queue.replace('_', '-') + "\"",
            "  role = " + roleName,
            "  policy = jsonencode({",
            "    Version = \"2012-10-17\"",
            "    Statement = [{",
            "      Effect   = \"Allow\"",
            "      Action   = \"sqs:SendMessage\"",
            "      Resource = " + TerraformFixes.QUEUE_TYPE + "." + queue + ".arn",
            "    }]",
            "  })",
            "}");
    return new Grant(
        List.of(new FixOutcome.Edit(null, new UnifiedDiff.Insertion(function.endLine(), lines))),
        null);
  }

  /** The text of a plain string literal, else null. */
  static String literal(Expr e) {
    if (e instanceof Expr.TemplateExpr t
        && !t.heredoc()
        && t.parts().stream().allMatch(p -> p instanceof TemplatePart.Literal)) {
      StringBuilder s = new StringBuilder();
      t.parts().forEach(p -> s.append(((TemplatePart.Literal) p).text()));
      return s.toString();
    }
    return null;
  }

  /** A nested block added at the end of a multi-line resource block. */
  static UnifiedDiff.Insertion terraformBlock(HclFile hcl, Block block, List<String> lines)
      throws YamlTemplate.NotEditable {
    if (block.endLine() <= block.range().line())
      throw new YamlTemplate.NotEditable("its block is written on one line");
    String indent = TerraformFixes.indentOf(hcl, block);
    List<String> out = new ArrayList<>();
    if (!block.body().items().isEmpty()) out.add("");
    lines.forEach(l -> out.add(indent + l));
    return new UnifiedDiff.Insertion(block.endLine() - 1, out);
  }
}
