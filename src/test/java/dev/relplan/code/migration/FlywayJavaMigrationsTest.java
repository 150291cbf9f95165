package dev.relplan.code.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.discover.Discovery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flyway Java migrations read with JavaParser: the literal SQL migrate(Context) runs. */
class FlywayJavaMigrationsTest {
  private static List<String> found(Path dir, String file, String body) throws Exception {
    Path p = dir.resolve(file);
    Files.createDirectories(p.getParent());
    Files.writeString(p, body);
    return new MigrationScanner()
        .scanHandled(new Discovery().discover(List.of(dir)).files()).breakingMigrations().stream()
            .map(m -> m.location.line() + " " + m.tool + " " + m.change)
            .toList();
  }

  @Test
  void jdbcTemplateUpdateOfALiteralIsRead(@TempDir Path dir) throws Exception {
    assertThat(
            found(
                dir,
                "src/main/java/db/migration/V2__Drop.java",
                """
                public class V2__Drop extends BaseJavaMigration {
                  public void migrate(Context context) {
                    new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true))
                        .update("DROP TABLE carts");
                  }
                }
                """))
        .containsExactly("4 Flyway drops table carts");
  }

  @Test
  void sqlBuiltAtRunTimeIsNotRead(@TempDir Path dir) throws Exception {
    assertThat(
            found(
                dir,
                "src/main/java/db/migration/V3__Drop.java",
                """
                public class V3__Drop extends BaseJavaMigration {
                  public void migrate(Context context) throws Exception {
                    String table = System.getenv("T");
                    context.getConnection().createStatement().execute("DROP TABLE " + table);
                  }
                }
                """))
        .isEmpty();
  }

  @Test
  void classThatIsNotAFlywayMigrationIsNotRead(@TempDir Path dir) throws Exception {
    assertThat(
            found(
                dir,
                "src/main/java/db/migration/V4__Helper.java",
                """
                public class V4__Helper {
                  public void migrate(java.sql.Statement s) throws Exception {
                    s.execute("DROP TABLE carts");
                  }
                }
                """))
        .isEmpty();
  }
}
