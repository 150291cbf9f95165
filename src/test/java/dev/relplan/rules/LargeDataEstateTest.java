package dev.relplan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.model.Queue;
import dev.relplan.model.Table;
import dev.relplan.model.Workload;
import dev.relplan.rules.recovery.BackupMissing;
import dev.relplan.rules.recovery.BackupNoCrossRegion;
import dev.relplan.rules.recovery.BackupShortRetention;
import dev.relplan.source.Location;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A model with tens of thousands of data stores: the backup rules asked the workload for its backup
 * selections once per data store, and each question scanned every resource, so the rules were
 * quadratic in the model's size (minutes for a 100k-file repository).
 */
class LargeDataEstateTest {
  /** Milliseconds when linear; the timeout guards a hang. */
  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void backupRulesOnAHundredThousandTablesComplete() {
    Workload w = new Workload();
    int tables = 100_000;
    for (int i = 0; i < tables; i++) {
      w.add(new Table("t", "T" + i, "AWS::DynamoDB::Table", new Location("t.yaml", 2 * i + 1)));
      w.add(new Queue("t", "Q" + i, "AWS::SQS::Queue", new Location("t.yaml", 2 * i + 2)));
    }
    Findings out = new Findings();
    for (Rule rule :
        List.of(new BackupMissing(), new BackupNoCrossRegion(), new BackupShortRetention()))
      rule.check(w, Context.defaults(), out);
    assertThat(out.findings().stream().filter(f -> f.rule().id().equals("REL-BACKUP-MISSING")))
        .hasSize(tables);
  }
}
