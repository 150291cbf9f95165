package dev.relplan.generate;

import dev.relplan.model.Function;
import dev.relplan.model.Resource;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.hcl.Block;
import dev.relplan.parse.hcl.HclFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * REL-ASYNC-NO-DLQ on an asynchronously invoked function: a new standard SQS queue as its
 * dead-letter queue (SAM DeadLetterQueue Type SQS, Lambda DeadLetterConfig TargetArn, Terraform
 * dead_letter_config target_arn) and sqs:SendMessage for its execution role, which Lambda needs to
 * deliver there. SAM adds that permission itself when it creates the role ("SAM will automatically
 * add appropriate permission to your Lambda function execution role", sam-property-function-
 * deadletterqueue); otherwise an IAM policy is added to the role the function names.
 */
final class FunctionDeadLetterFix implements MechanicalFix {
  static final String SAM = "AWS::Serverless::Function";
  static final String LAMBDA = "AWS::Lambda::Function";
  static final String TF_TYPE = "aws_lambda_function";

  @Override
  public Set<String> rules() {
    return Set.of("REL-ASYNC-NO-DLQ");
  }

  @Override
  public boolean edits(Resource r) {
    if (!(r instanceof Function f) || !f.invokedAsynchronously()) return false;
    return Fixes.writtenAs(r, Set.of(SAM, LAMBDA), Set.of(TF_TYPE));
  }

  @Override
  public FixOutcome apply(FixTarget t) throws YamlTemplate.NotEditable {
    return Fixes.inTerraform(t.subject) ? terraform(t) : template(t);
  }

  private static FixOutcome template(FixTarget t) throws YamlTemplate.NotEditable {
    EditedFile file = t.file();
    YamlTemplate template = file.template();
    String id = t.subject.id;
    boolean sam = SAM.equals(t.subject.writtenType());
    MapNode props = template.properties(id);
    if (props == null) throw new YamlTemplate.NotEditable("its Properties are not in block style");
    String key = sam ? "DeadLetterQueue" : "DeadLetterConfig";
    if (props.entry(key) != null)
      return FixOutcome.left(
          "its " + key + " is set by an expression: give it a queue where its value comes from");
    String queue = template.free(id + "DeadLetterQueue", file.taken());
    List<FixOutcome.Edit> edits = new ArrayList<>();
    edits.add(
        new FixOutcome.Edit(
            null,
            template.firstProperties(
                id,
                sam
                    ? List.of(key + ":", "  Type: SQS", "  TargetArn: !GetAtt " + queue + ".Arn")
                    : List.of(key + ":", "  TargetArn: !GetAtt " + queue + ".Arn"))));
    List<String> resource = new ArrayList<>(List.of(""));
    resource.addAll(FailureQueues.templateQueue(queue, template.condition(id)));
    edits.add(new FixOutcome.Edit(null, template.resources(resource)));
    String permission = "SAM adds sqs:SendMessage on it to the role it creates for the function";
    if (!sam || props.entry("Role") != null) {
      FailureQueues.Grant grant = FailureQueues.templateGrant(template, id, queue, file.taken());
      if (grant.why() != null) return FixOutcome.left(grant.why());
      edits.addAll(grant.edits());
      permission = "an IAM policy lets the function's role send to it";
    }
    return FixOutcome.editedIn(
        key
            + " to a new queue "
            + queue
            + " (messages kept 14 days; "
            + permission
            + "). Cost: "
            + FailureQueues.COST
            + ".",
        edits);
  }

  private static FixOutcome terraform(FixTarget t) throws YamlTemplate.NotEditable {
    EditedFile file = t.file();
    HclFile hcl = file.hcl(t.workload);
    Block block = TerraformFixes.resourceBlock(hcl, TF_TYPE, t.subject.location.line());
    if (block == null) throw new YamlTemplate.NotEditable("its resource block is not in the file");
    if (!block.body().blocks("dead_letter_config").isEmpty()
        || !block.body().blocks("dynamic").isEmpty())
      return FixOutcome.left(
          "its dead_letter_config is set by an expression or a dynamic block: give it a queue"
              + " where its value comes from");
    FailureQueues.TerraformQueued queued =
        FailureQueues.terraformQueued(
            file,
            hcl,
            block,
            block,
            queue ->
                List.of(
                    "dead_letter_config {",
                    "  target_arn = " + TerraformFixes.QUEUE_TYPE + "." + queue + ".arn",
                    "}"));
    if (queued.why() != null) return FixOutcome.left(queued.why());
    String queue = queued.queue();
    List<FixOutcome.Edit> edits = queued.edits();
    return FixOutcome.editedIn(
        "dead_letter_config to a new queue "
            + TerraformFixes.QUEUE_TYPE
            + "."
            + queue
            + " (messages kept 14 days; an aws_iam_role_policy lets the function's role send to"
            + " it). Cost: "
            + FailureQueues.COST
            + ".",
        edits);
  }
}
