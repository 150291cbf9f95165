package dev.relplan.generate;

import dev.relplan.model.Queue;
import dev.relplan.model.Resource;
import java.util.Set;

/**
 * REL-ASYNC-NO-DLQ on an SQS queue: a dead-letter queue of the queue's type and a redrive policy,
 * in a CloudFormation/SAM template or a Terraform file.
 */
final class QueueDeadLetterFix implements MechanicalFix {
  @Override
  public Set<String> rules() {
    return Set.of("REL-ASYNC-NO-DLQ");
  }

  @Override
  public boolean edits(Resource r) {
    if (!(r instanceof Queue)) return false;
    return Fixes.writtenAs(r, "AWS::SQS::Queue", TerraformFixes.QUEUE_TYPE);
  }

  @Override
  public FixOutcome apply(FixTarget t) throws YamlTemplate.NotEditable {
    EditedFile f = t.file();
    Queue q = (Queue) t.subject;
    if (Fixes.inTerraform(q))
      return TerraformFixes.deadLetterQueue(f.hcl(t.workload), q, f.taken());
    return CloudFormationFixes.deadLetterQueue(f.template(), q, f.taken());
  }
}
