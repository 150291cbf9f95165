package dev.relplan.generate;

import dev.relplan.model.EventRule;
import dev.relplan.model.Function;
import dev.relplan.model.Resource;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.SeqNode;
import dev.relplan.parse.hcl.Block;
import dev.relplan.parse.hcl.HclFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * REL-ASYNC-NO-DLQ on an EventBridge rule: one new standard SQS queue as the dead-letter queue of
 * each of its targets that has none (DeadLetterConfig.Arn on an AWS::Events::Rule target,
 * dead_letter_config.arn on aws_cloudwatch_event_target), and the queue policy the EventBridge User
 * Guide asks for: events.amazonaws.com may send, from this rule only (aws:SourceArn).
 */
final class EventTargetDeadLetterFix implements MechanicalFix {
  static final String TYPE = "AWS::Events::Rule";
  static final String TF_TYPE = "aws_cloudwatch_event_rule";
  static final String TF_TARGET = "aws_cloudwatch_event_target";

  @Override
  public Set<String> rules() {
    return Set.of("REL-ASYNC-NO-DLQ");
  }

  @Override
  public boolean edits(Resource r) {
    if (!(r instanceof EventRule)) return false;
    return Fixes.writtenAs(r, TYPE, TF_TYPE);
  }

  @Override
  public FixOutcome apply(FixTarget t) throws YamlTemplate.NotEditable {
    List<EventRule.Target> targets = new ArrayList<>();
    for (EventRule.Target target : ((EventRule) t.subject).targets)
      if (!(target.arn().present() && t.workload.resolve(target.arn().get()) instanceof Function)
          && !target.deadLetterTarget().present()
          && !target.deadLetterTarget().unresolved()) targets.add(target);
    if (targets.isEmpty())
      return FixOutcome.left("its targets' dead-letter queues are set elsewhere");
    return Fixes.inTerraform(t.subject) ? terraform(t, targets) : template(t, targets);
  }

  private static FixOutcome template(FixTarget t, List<EventRule.Target> targets)
      throws YamlTemplate.NotEditable {
    EditedFile file = t.file();
    YamlTemplate template = file.template();
    String id = t.subject.id;
    MapNode props = template.properties(id);
    if (props == null || !(props.get("Targets") instanceof SeqNode seq) || seq.tag() != null)
      return FixOutcome.left(
          "its Targets are set by an expression: give each target a DeadLetterConfig where its"
              + " value comes from");
    String queue = template.free(id + "DeadLetterQueue", file.taken());
    List<FixOutcome.Edit> edits = new ArrayList<>();
    for (EventRule.Target target : targets) {
      MapNode item = itemAt(seq, target.location().line());
      if (item == null || item.entries().size() < 2)
        throw new YamlTemplate.NotEditable("its target " + target.id() + " is not a block mapping");
      int second = item.entries().get(1).keyLocation().line();
      String indent = " ".repeat(template.indentOf(second));
      if (second == item.entries().get(0).keyLocation().line()
          || !template.line(second).startsWith(indent + item.entries().get(1).key()))
        throw new YamlTemplate.NotEditable("its target " + target.id() + " is not in block style");
      edits.add(
          new FixOutcome.Edit(
              null,
              new UnifiedDiff.Insertion(
                  second - 1,
                  List.of(
                      indent + "DeadLetterConfig:", indent + "  Arn: !GetAtt " + queue + ".Arn"))));
    }
    String condition = template.condition(id);
    List<String> resources = new ArrayList<>(List.of(""));
    resources.addAll(FailureQueues.templateQueue(queue, condition));
    resources.add("");
    resources.addAll(
        FailureQueues.templateQueuePolicy(
            template.free(queue + "Policy", file.taken()),
            queue,
            "events.amazonaws.com",
            "!GetAtt " + id + ".Arn",
            condition));
    edits.add(new FixOutcome.Edit(null, template.resources(resources)));
    return FixOutcome.editedIn(fixedLine("DeadLetterConfig", queue, targets), edits);
  }

  private static FixOutcome terraform(FixTarget t, List<EventRule.Target> targets)
      throws YamlTemplate.NotEditable {
    EditedFile file = t.file();
    HclFile hcl = file.hcl(t.workload);
    Block rule = TerraformFixes.resourceBlock(hcl, TF_TYPE, t.subject.location.line());
    if (rule == null) throw new YamlTemplate.NotEditable("its resource block is not in the file");
    String queue = TerraformFixes.free(rule.label(1) + "_dlq", file.taken());
    String queueArn = TerraformFixes.QUEUE_TYPE + "." + queue + ".arn";
    List<FixOutcome.Edit> edits = new ArrayList<>();
    for (EventRule.Target target : targets) {
      EditedFile targetFile = t.file(target.location().file());
      HclFile targetHcl = targetFile.hcl(t.workload);
      Block block = TerraformFixes.resourceBlock(targetHcl, TF_TARGET, target.location().line());
      if (block == null)
        throw new YamlTemplate.NotEditable(
            "its target " + target.id() + " is not a resource block");
      if (!block.body().blocks("dynamic").isEmpty())
        return FixOutcome.left(
            "its target "
                + target.id()
                + " has dynamic blocks: add its dead_letter_config by hand");
      edits.add(
          new FixOutcome.Edit(
              target.location().file(),
              FailureQueues.terraformBlock(
                  targetHcl, block, List.of("dead_letter_config {", "  arn = " + queueArn, "}"))));
    }
    List<String> resources = new ArrayList<>(FailureQueues.terraformQueue(queue));
    resources.addAll(
        FailureQueues.terraformQueuePolicy(
            queue, queue, "events.amazonaws.com", TF_TYPE + "." + rule.label(1) + ".arn"));
    edits.add(new FixOutcome.Edit(null, new UnifiedDiff.Insertion(rule.endLine(), resources)));
    return FixOutcome.editedIn(
        fixedLine("dead_letter_config", "aws_sqs_queue." + queue, targets), edits);
  }

  /** The item of the Targets list starting on the line. */
  private static MapNode itemAt(SeqNode seq, int line) {
    for (Node n : seq.items()) if (n instanceof MapNode m && m.location().line() == line) return m;
    return null;
  }

  private static String fixedLine(String key, String queue, List<EventRule.Target> targets) {
    return key
        + " of target"
        + (targets.size() == 1 ? " " : "s ")
        + String.join(", ", targets.stream().map(EventRule.Target::id).toList())
        + " to a new queue "
        + queue
        + " (messages kept 14 days), with a queue policy letting events.amazonaws.com send from"
        + " this rule only. Cost: "
        + FailureQueues.COST
        + "; events EventBridge could not deliver after its retries (24 hours, 185 attempts by"
        + " default) now land there instead of being dropped.";
  }
}
