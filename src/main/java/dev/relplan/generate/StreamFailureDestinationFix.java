package dev.relplan.generate;

import dev.relplan.model.EventSourceMapping;
import dev.relplan.model.Function;
import dev.relplan.model.Resource;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.hcl.Block;
import dev.relplan.parse.hcl.HclFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * REL-ASYNC-NO-DLQ on a Kinesis or DynamoDB stream event source mapping: an on-failure destination
 * on a new standard SQS queue (DestinationConfig.OnFailure.Destination in the
 * AWS::Lambda::EventSourceMapping reference, destination_config.on_failure.destination_arn on
 * aws_lambda_event_source_mapping) and sqs:SendMessage for the function's execution role, which
 * Lambda uses to send the failed batch's record there. SQS sources are judged on their queue's
 * redrive policy ({@link QueueDeadLetterFix}), not here.
 */
final class StreamFailureDestinationFix implements MechanicalFix {
  static final String TYPE = "AWS::Lambda::EventSourceMapping";
  static final String TF_TYPE = "aws_lambda_event_source_mapping";
  static final String RETRIES =
      " Retries are unchanged: with MaximumRetryAttempts unset a failing batch is retried until its"
          + " records expire before it is sent there";

  @Override
  public Set<String> rules() {
    return Set.of("REL-ASYNC-NO-DLQ");
  }

  @Override
  public boolean edits(Resource r) {
    if (!(r instanceof EventSourceMapping)) return false;
    return Fixes.writtenAs(r, TYPE, TF_TYPE);
  }

  @Override
  public FixOutcome apply(FixTarget t) throws YamlTemplate.NotEditable {
    EventSourceMapping m = (EventSourceMapping) t.subject;
    Function f = m.function.present() ? t.workload.resolve(m.function.get(), Function.class) : null;
    if (f == null || !f.location.file().equals(m.location.file()) || !f.callChain.isEmpty())
      return FixOutcome.left(
          "its function is not declared in the same file: add DestinationConfig.OnFailure to a"
              + " new SQS queue and allow the function's role sqs:SendMessage on it by hand");
    return Fixes.inTerraform(m) ? terraform(t, f) : template(t, f);
  }

  private static FixOutcome template(FixTarget t, Function f) throws YamlTemplate.NotEditable {
    EditedFile file = t.file();
    YamlTemplate template = file.template();
    String id = t.subject.id;
    MapNode props = template.properties(id);
    if (props == null) throw new YamlTemplate.NotEditable("its Properties are not in block style");
    if (props.entry("DestinationConfig") != null)
      return FixOutcome.left(
          "its DestinationConfig is set by an expression: give it an OnFailure destination where"
              + " its value comes from");
    String queue = template.free(id + "DeadLetterQueue", file.taken());
    FailureQueues.Grant grant = FailureQueues.templateGrant(template, f.id, queue, file.taken());
    if (grant.why() != null) return FixOutcome.left(grant.why());
    List<FixOutcome.Edit> edits = new ArrayList<>();
    edits.add(
        new FixOutcome.Edit(
            null,
            template.firstProperties(
                id,
                List.of(
                    "DestinationConfig:",
                    "  OnFailure:",
                    "    Destination: !GetAtt " + queue + ".Arn"))));
    edits.addAll(grant.edits());
    List<String> resource = new ArrayList<>(List.of(""));
    resource.addAll(FailureQueues.templateQueue(queue, template.condition(id)));
    edits.add(new FixOutcome.Edit(null, template.resources(resource)));
    return FixOutcome.editedIn(
        "DestinationConfig.OnFailure to a new queue "
            + queue
            + " (messages kept 14 days), and sqs:SendMessage on it for "
            + f.id
            + "'s role."
            + RETRIES
            + ". Cost: "
            + FailureQueues.COST
            + ".",
        edits);
  }

  private static FixOutcome terraform(FixTarget t, Function f) throws YamlTemplate.NotEditable {
    EditedFile file = t.file();
    HclFile hcl = file.hcl(t.workload);
    Block block = TerraformFixes.resourceBlock(hcl, TF_TYPE, t.subject.location.line());
    Block function =
        TerraformFixes.resourceBlock(hcl, FunctionDeadLetterFix.TF_TYPE, f.location.line());
    if (block == null || function == null)
      throw new YamlTemplate.NotEditable("its resource block is not in the file");
    if (!block.body().blocks("destination_config").isEmpty()
        || !block.body().blocks("dynamic").isEmpty())
      return FixOutcome.left(
          "its destination_config is set by an expression or a dynamic block: give it an"
              + " on_failure destination where its value comes from");
    FailureQueues.TerraformQueued queued =
        FailureQueues.terraformQueued(
            file,
            hcl,
            block,
            function,
            queue ->
                List.of(
                    "destination_config {",
                    "  on_failure {",
                    "    destination_arn = " + TerraformFixes.QUEUE_TYPE + "." + queue + ".arn",
                    "  }",
                    "}"));
    if (queued.why() != null) return FixOutcome.left(queued.why());
    String queue = queued.queue();
    List<FixOutcome.Edit> edits = queued.edits();
    return FixOutcome.editedIn(
        "destination_config.on_failure to a new queue "
            + TerraformFixes.QUEUE_TYPE
            + "."
            + queue
            + " (messages kept 14 days), and sqs:SendMessage on it for "
            + f.id
            + "'s role."
            + RETRIES.replace("MaximumRetryAttempts", "maximum_retry_attempts")
            + ". Cost: "
            + FailureQueues.COST
            + ".",
        edits);
  }
}
