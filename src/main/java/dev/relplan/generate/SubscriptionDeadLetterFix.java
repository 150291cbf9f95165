package dev.relplan.generate;

import dev.relplan.model.Resource;
import dev.relplan.model.Subscription;
import dev.relplan.model.Topic;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.hcl.Attribute;
import dev.relplan.parse.hcl.Block;
import dev.relplan.parse.hcl.HclFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * REL-ASYNC-NO-DLQ on an SQS or HTTP(S) SNS subscription: a new standard SQS queue as its
 * dead-letter queue (RedrivePolicy deadLetterTargetArn on AWS::SNS::Subscription, redrive_policy on
 * aws_sns_topic_subscription) and the queue policy the SNS developer guide asks for:
 * sns.amazonaws.com may send, from the subscription's topic only (aws:SourceArn). A FIFO topic's
 * subscription needs a FIFO dead-letter queue, which is not generated.
 */
final class SubscriptionDeadLetterFix implements MechanicalFix {
  static final String TYPE = "AWS::SNS::Subscription";
  static final String TF_TYPE = "aws_sns_topic_subscription";

  @Override
  public Set<String> rules() {
    return Set.of("REL-ASYNC-NO-DLQ");
  }

  @Override
  public boolean edits(Resource r) {
    if (!(r instanceof Subscription)) return false;
    return Fixes.writtenAs(r, TYPE, TF_TYPE);
  }

  @Override
  public FixOutcome apply(FixTarget t) throws YamlTemplate.NotEditable {
    Subscription s = (Subscription) t.subject;
    Topic topic = s.topic.present() ? t.workload.resolve(s.topic.get(), Topic.class) : null;
    if (topic == null || !topic.fifo.known() || topic.fifo.isTrue())
      return FixOutcome.left(
          "its topic is FIFO or not known, and a dead-letter queue must be of the topic's type:"
              + " add one by hand");
    return Fixes.inTerraform(s) ? terraform(t) : template(t);
  }

  private static FixOutcome template(FixTarget t) throws YamlTemplate.NotEditable {
    EditedFile file = t.file();
    YamlTemplate template = file.template();
    String id = t.subject.id;
    MapNode props = template.properties(id);
    if (props == null) throw new YamlTemplate.NotEditable("its Properties are not in block style");
    MapNode.Entry topicArn = props.entry("TopicArn");
    if (props.entry("RedrivePolicy") != null
        || topicArn == null
        || topicArn.value().location().line() != topicArn.keyLocation().line())
      return FixOutcome.left(
          "its RedrivePolicy or TopicArn is set by an expression: give it a dead-letter queue by"
              + " hand");
    String sourceArn =
        template
            .line(topicArn.keyLocation().line())
            .strip()
            .substring("TopicArn:".length())
            .strip();
    String queue = template.free(id + "DeadLetterQueue", file.taken());
    String condition = template.condition(id);
    List<String> resources = new ArrayList<>(List.of(""));
    resources.addAll(FailureQueues.templateQueue(queue, condition));
    resources.add("");
    resources.addAll(
        FailureQueues.templateQueuePolicy(
            template.free(queue + "Policy", file.taken()),
            queue,
            "sns.amazonaws.com",
            sourceArn,
            condition));
    return FixOutcome.edited(
        fixedLine("RedrivePolicy", queue),
        template.firstProperties(
            id, List.of("RedrivePolicy:", "  deadLetterTargetArn: !GetAtt " + queue + ".Arn")),
        template.resources(resources));
  }

  private static FixOutcome terraform(FixTarget t) throws YamlTemplate.NotEditable {
    EditedFile file = t.file();
    HclFile hcl = file.hcl(t.workload);
    Block block = TerraformFixes.resourceBlock(hcl, TF_TYPE, t.subject.location.line());
    if (block == null) throw new YamlTemplate.NotEditable("its resource block is not in the file");
    Attribute topicArn = block.body().attribute("topic_arn").orElse(null);
    if (block.body().attribute("redrive_policy").isPresent() || topicArn == null)
      return FixOutcome.left(
          "its redrive_policy or topic_arn is set by an expression: give it a dead-letter queue by"
              + " hand");
    String queue = TerraformFixes.free(block.label(1) + "_dlq", file.taken());
    List<String> resources = new ArrayList<>(FailureQueues.terraformQueue(queue));
    resources.addAll(
        FailureQueues.terraformQueuePolicy(
            queue, queue, "sns.amazonaws.com", hcl.text(topicArn.value().range())));
    return FixOutcome.edited(
        fixedLine("redrive_policy", TerraformFixes.QUEUE_TYPE + "." + queue),
        FailureQueues.terraformBlock(
            hcl,
            block,
            List.of(
                "redrive_policy = jsonencode({",
                "  deadLetterTargetArn = " + TerraformFixes.QUEUE_TYPE + "." + queue + ".arn",
                "})")),
        new UnifiedDiff.Insertion(block.endLine(), resources));
  }

  private static String fixedLine(String key, String queue) {
    return key
        + " to a new queue "
        + queue
        + " (messages kept 14 days), with a queue policy letting sns.amazonaws.com send from the"
        + " subscription's topic only. Cost: "
        + FailureQueues.COST
        + "; messages SNS could not deliver after its delivery retries now land there instead of"
        + " being dropped.";
  }
}
