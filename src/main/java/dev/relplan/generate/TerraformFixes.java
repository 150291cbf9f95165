package dev.relplan.generate;

import dev.relplan.model.Queue;
import dev.relplan.parse.hcl.Attribute;
import dev.relplan.parse.hcl.Block;
import dev.relplan.parse.hcl.Expr;
import dev.relplan.parse.hcl.HclFile;
import dev.relplan.parse.hcl.HclParser;
import dev.relplan.parse.hcl.HclSyntaxException;
import dev.relplan.parse.hcl.TemplatePart;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The edits of {@code generate fixes} in a Terraform file, located with relplan's HCL parser: a
 * dead-letter queue resource after the queue's block and a {@code redrive_policy} at the end of it.
 */
final class TerraformFixes {
  static final String QUEUE_TYPE = "aws_sqs_queue";

  private TerraformFixes() {}

  /** The file parsed, or why it cannot be edited. */
  static HclFile read(String file, String text) throws YamlTemplate.NotEditable {
    if (text == null) throw new YamlTemplate.NotEditable("the file cannot be read again");
    if (file.endsWith(".json"))
      throw new YamlTemplate.NotEditable("Terraform JSON files are not edited yet");
    try {
      return HclParser.parse(file, text);
    } catch (HclSyntaxException e) {
      throw new YamlTemplate.NotEditable(e.getMessage());
    }
  }

  /** The labels of the file's queue resources, which a new queue's name must avoid. */
  static List<String> queueNames(HclFile hcl) {
    List<String> names = new ArrayList<>();
    for (Block b : hcl.body().blocks("resource"))
      if (QUEUE_TYPE.equals(b.label(0)) && b.label(1) != null) names.add(b.label(1));
    return names;
  }

  /**
   * A queue "NAME_dlq" of the same type after the queue's block, and the queue's redrive_policy
   * pointing at it (maxReceiveCount 5) as the block's last attribute.
   */
  static FixOutcome deadLetterQueue(HclFile hcl, Queue queue, Set<String> taken)
      throws YamlTemplate.NotEditable {
    Block block = queueBlock(hcl, queue);
    if (block == null) throw new YamlTemplate.NotEditable("its resource block is not in the file");
    if (block.body().attribute("count").isPresent()
        || block.body().attribute("for_each").isPresent())
      return FixOutcome.left(
          "it is created with count or for_each, whose instances each need their own dead-letter"
              + " queue: add them by hand");
    if (block.body().attribute("redrive_policy").isPresent())
      return FixOutcome.left(
          "its redrive_policy is set by an expression: give it a deadLetterTargetArn where its"
              + " value comes from");
    boolean fifo = false;
    Attribute fifoQueue = block.body().attribute("fifo_queue").orElse(null);
    if (fifoQueue != null) {
      if (!(fifoQueue.value() instanceof Expr.BoolLit literal))
        return FixOutcome.left(
            "fifo_queue is set by an expression, and a dead-letter queue must be of the queue's"
                + " own type: add one by hand");
      fifo = literal.value();
    }
    String name = free(block.label(1) + "_dlq", taken);
    String indent = indentOf(hcl, block);
    List<String> redrive =
        List.of(
            indent + "redrive_policy = jsonencode({",
            indent + "  deadLetterTargetArn = " + QUEUE_TYPE + "." + name + ".arn",
            indent + "  maxReceiveCount     = 5",
            indent + "})");
    UnifiedDiff.Insertion policy;
    if (block.endLine() > block.range().line()) {
      List<String> lines = new ArrayList<>();
      lines.add(""); // its own group, so that terraform fmt aligns nothing around it
      lines.addAll(redrive);
      policy = new UnifiedDiff.Insertion(block.endLine() - 1, lines);
    } else if (block.body().items().isEmpty() && wholeLine(hcl, block)) {
      // "resource "aws_sqs_queue" "q" {}" opened up around the policy.
      List<String> lines = new ArrayList<>();
      lines.add("resource \"" + QUEUE_TYPE + "\" \"" + block.label(1) + "\" {");
      lines.addAll(redrive);
      lines.add("}");
      policy = new UnifiedDiff.Insertion(block.endLine() - 1, lines, 1);
    } else {
      throw new YamlTemplate.NotEditable("its block shares its line with other text");
    }
    List<String> resource = new ArrayList<>();
    resource.add("");
    resource.add("resource \"" + QUEUE_TYPE + "\" \"" + name + "\" {");
    // A redrive target must be in the queue's own Region: same provider configuration.
    block
        .body()
        .attribute("provider")
        .ifPresent(
            a -> resource.add("  provider                  = " + hcl.text(a.value().range())));
    if (fifo) resource.add("  fifo_queue                = true");
    resource.add("  message_retention_seconds = 1209600");
    resource.add("}");
    return FixOutcome.edited(
        "redrive_policy to a new queue "
            + QUEUE_TYPE
            + "."
            + name
            + " (maxReceiveCount 5, messages kept 14 days). Cost: "
            + CloudFormationFixes.DLQ_COST
            + ".",
        policy,
        new UnifiedDiff.Insertion(block.endLine(), resource));
  }

  /** Whether the block is all its line holds (no comment or other block beside it). */
  static boolean wholeLine(HclFile hcl, Block block) {
    String line = hcl.content().split("\n", -1)[block.range().line() - 1];
    return line.strip().equals(hcl.text(block.range()).strip());
  }

  /** The block declaring the queue (each instance of a counted queue is declared by the same). */
  private static Block queueBlock(HclFile hcl, Queue queue) {
    return resourceBlock(hcl, QUEUE_TYPE, queue.location.line());
  }

  /**
   * {@code name = value} in a multi-line block: replacing the attribute's line when its value is a
   * literal (number, bool, plain string) alone on that line, added as the block's last attribute
   * when absent; null when an expression sets it (a variable, conditional, function), which a fix
   * never rewrites where it is used, or when the block is written on one line.
   */
  static UnifiedDiff.Insertion setAttribute(HclFile hcl, Block block, String name, String value) {
    if (block.endLine() <= block.range().line()) return null;
    String indent = indentOf(hcl, block);
    Attribute a = block.body().attribute(name).orElse(null);
    if (a == null)
      return new UnifiedDiff.Insertion(block.endLine() - 1, List.of(indent + name + " = " + value));
    boolean literal =
        a.value() instanceof Expr.NumberLit
            || a.value() instanceof Expr.BoolLit
            || (a.value() instanceof Expr.TemplateExpr t
                && !t.heredoc()
                && t.parts().stream().allMatch(p -> p instanceof TemplatePart.Literal));
    if (!literal || a.range().line() != a.range().endLine()) return null;
    String line = hcl.content().split("\n", -1)[a.range().line() - 1];
    if (!line.strip().equals(hcl.text(a.range()).strip())) return null; // shares its line
    // The name and its padding kept as written, so terraform fmt's alignment of "=" stays.
    String head = line.substring(0, line.indexOf('=', line.indexOf(name) + name.length()));
    return new UnifiedDiff.Insertion(a.range().line() - 1, List.of(head + "= " + value), 1);
  }

  /** The resource block of the type starting on the line, or null. */
  static Block resourceBlock(HclFile hcl, String type, int line) {
    for (Block b : hcl.body().blocks("resource"))
      if (type.equals(b.label(0)) && b.range().line() == line) return b;
    return null;
  }

  /** The indentation of the block's first attribute, two spaces when it has none. */
  static String indentOf(HclFile hcl, Block block) {
    if (block.body().items().isEmpty()) return "  ";
    int column =
        block.body().attributes().isEmpty()
            ? block.body().blocks().get(0).range().column()
            : block.body().attributes().get(0).range().column();
    return " ".repeat(Math.max(1, column - 1));
  }

  static String free(String wanted, Set<String> taken) {
    String name = wanted;
    for (int i = 2; taken.contains(name); i++) name = wanted + "_" + i;
    taken.add(name);
    return name;
  }
}
