package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** Expand only: a nullable column, backfilled; the old one is dropped in a later release. */
public class V5__Expand_payments extends BaseJavaMigration {
  @Override
  public void migrate(Context context) throws Exception {
    try (Statement statement = context.getConnection().createStatement()) {
      statement.execute("ALTER TABLE payments ADD COLUMN reference VARCHAR(64)");
      statement.executeUpdate("UPDATE payments SET reference = ref");
    }
  }
}
