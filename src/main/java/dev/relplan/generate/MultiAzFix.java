package dev.relplan.generate;

import dev.relplan.model.Database;
import dev.relplan.model.Resource;
import java.util.Set;

/** REL-DB-SINGLE-AZ: an RDS instance of a CloudFormation/SAM template made Multi-AZ. */
final class MultiAzFix implements MechanicalFix {
  @Override
  public Set<String> rules() {
    return Set.of("REL-DB-SINGLE-AZ");
  }

  @Override
  public boolean edits(Resource r) {
    return Fixes.inTemplate(r)
        && r instanceof Database d
        && d.kind == Database.Kind.INSTANCE
        && "AWS::RDS::DBInstance".equals(r.writtenType());
  }

  @Override
  public FixOutcome apply(FixTarget t) throws YamlTemplate.NotEditable {
    return CloudFormationFixes.multiAz(t.file().template(), t.subject.id);
  }
}
