package dev.relplan.generate;

import dev.relplan.model.Queue;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The edits of {@code generate fixes} in a CloudFormation/SAM YAML template. Each returns the
 * template's insertions and the line the README lists, or says why it changes nothing: a value that
 * comes from a parameter, mapping, condition or Globals is never rewritten where it is used.
 */
final class CloudFormationFixes {
  static final String MULTI_AZ_COST =
      "a standby instance in a second Availability Zone: about twice the instance's and its"
          + " storage's price; the change applies without downtime, with some I/O latency while"
          + " the standby is created";
  static final String DLQ_COST =
      "a second queue, billed per request like any other (an empty one costs nothing) and keeping"
          + " messages 14 days; a message now moves there after 5 failed receives instead of"
          + " returning until its retention ends, so alarm on the dead-letter queue's"
          + " ApproximateNumberOfMessagesVisible and redrive it once the cause is fixed";
  static final String TIMEOUT_COST =
      "nothing to pay; an invocation slower than the new limit now ends with a timeout error in the"
          + " function's logs and Errors metric instead of running on after API Gateway answered"
          + " 504; check that the function's usual duration stays well below it";

  private CloudFormationFixes() {}

  /** MultiAZ set to true: added when absent, replacing a literal value on its own line. */
  static FixOutcome multiAz(YamlTemplate template, String id) throws YamlTemplate.NotEditable {
    UnifiedDiff.Insertion replaced = setProperty(template, id, "MultiAZ", "true");
    if (replaced == null)
      return FixOutcome.left(
          "MultiAZ is set by an expression (a parameter or condition): make it true where its"
              + " production value comes from");
    return FixOutcome.edited("MultiAZ: true. Cost: " + MULTI_AZ_COST + ".", replaced);
  }

  /**
   * A dead-letter queue of the same type (FIFO or standard) added to the template, and a
   * RedrivePolicy pointing at it added to the queue.
   */
  static FixOutcome deadLetterQueue(YamlTemplate template, Queue queue, Set<String> taken)
      throws YamlTemplate.NotEditable {
    MapNode props = template.properties(queue.id);
    if (props != null && props.entry("RedrivePolicy") != null)
      return FixOutcome.left(
          "its RedrivePolicy is set by an expression (a parameter or condition): give it a"
              + " deadLetterTargetArn where its value comes from");
    if (queue.fifo.unresolved())
      return FixOutcome.left(
          "FifoQueue is set by an expression, and a dead-letter queue must be of the queue's own"
              + " type: add one by hand");
    String dlq = template.free(queue.id + "DeadLetterQueue", taken);
    UnifiedDiff.Insertion redrive =
        template.firstProperties(
            queue.id,
            List.of(
                "RedrivePolicy:",
                "  deadLetterTargetArn: !GetAtt " + dlq + ".Arn",
                "  maxReceiveCount: 5"));
    List<String> resource = new ArrayList<>(List.of(dlq + ":", "  Type: AWS::SQS::Queue"));
    String condition = template.condition(queue.id);
    if (condition != null) resource.add("  Condition: " + condition); // created with its queue
    resource.add("  Properties:");
    if (queue.fifo.isTrue()) resource.add("    FifoQueue: true");
    resource.add("    MessageRetentionPeriod: 1209600");
    return FixOutcome.edited(
        "RedrivePolicy to a new queue "
            + dlq
            + " (maxReceiveCount 5, messages kept 14 days). Cost: "
            + DLQ_COST
            + ".",
        redrive,
        template.resources(resource));
  }

  /**
   * The function's Timeout lowered to {@code seconds}, when the function's own Properties write it
   * as a number; {@code where} says where a value from elsewhere (Globals, a parameter) is set.
   */
  static FixOutcome timeout(YamlTemplate template, String id, int seconds, String where)
      throws YamlTemplate.NotEditable {
    MapNode props = template.properties(id);
    if (props == null) throw new YamlTemplate.NotEditable("its Properties are not in block style");
    MapNode.Entry entry = props.entry("Timeout");
    if (entry == null)
      return FixOutcome.left(
          "its Timeout comes from the template's Globals ("
              + where
              + "): lower it there to "
              + seconds
              + " or less, or give the function its own Timeout");
    UnifiedDiff.Insertion replaced =
        entry.value() instanceof ScalarNode s && s.text() != null && isWholeNumber(s.text())
            ? replaceLiteral(template, props, entry, "Timeout: " + seconds)
            : null;
    if (replaced == null)
      return FixOutcome.left(
          "its Timeout is set by an expression (a parameter, mapping or condition, "
              + where
              + "): make it "
              + seconds
              + " or less where its production value comes from");
    return FixOutcome.edited(
        "Timeout: "
            + seconds
            + " (below its API's integration timeout). Cost: "
            + TIMEOUT_COST
            + ".",
        replaced);
  }

  /**
   * {@code key: value} in the resource's Properties: added first when absent, replacing the key's
   * line when its value is a literal on that line; null when an expression (a parameter, mapping or
   * condition) sets it, which a fix never rewrites where it is used.
   */
  static UnifiedDiff.Insertion setProperty(
      YamlTemplate template, String id, String key, String value) throws YamlTemplate.NotEditable {
    MapNode props = template.properties(id);
    if (props == null) throw new YamlTemplate.NotEditable("its Properties are not in block style");
    MapNode.Entry entry = props.entry(key);
    if (entry == null) return template.firstProperties(id, List.of(key + ": " + value));
    return replaceLiteral(template, props, entry, key + ": " + value);
  }

  /**
   * The property's line replaced, when its value is an untagged scalar on the key's own line at the
   * Properties' indentation; otherwise null.
   */
  static UnifiedDiff.Insertion replaceLiteral(
      YamlTemplate template, MapNode props, MapNode.Entry entry, String replacement) {
    int line = entry.keyLocation().line();
    int indent = template.indentOf(props.entries().get(0).keyLocation().line());
    if (entry.value() instanceof ScalarNode s
        && s.tag() == null
        && s.location().line() == line
        && template.indentOf(line) == indent)
      return new UnifiedDiff.Insertion(line - 1, List.of(" ".repeat(indent) + replacement), 1);
    return null;
  }

  static boolean isWholeNumber(String text) {
    return !text.isEmpty() && text.chars().allMatch(Character::isDigit);
  }
}
