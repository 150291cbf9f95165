package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** The contract step ships with the code change: the running release still reads these columns. */
public class V4__Contract_payments extends BaseJavaMigration {
  private static final String DROP_CARD_HOLDER = "ALTER TABLE payments DROP COLUMN card_holder";

  @Override
  public void migrate(Context context) throws Exception {
    try (Statement statement = context.getConnection().createStatement()) {
      statement.execute(DROP_CARD_HOLDER); // relplan:finding
      statement.execute(
          """
          UPDATE payments SET status = 'SETTLED' WHERE status IS NULL;
          ALTER TABLE payments RENAME COLUMN ref TO reference; -- relplan:finding
          """);
      statement.executeUpdate("ALTER TABLE payments " + "ADD COLUMN method VARCHAR(8) NOT NULL"); // relplan:finding
    }
  }
}
