package dev.relplan.code.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.discover.Discovery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQL migrations of tools known by their file layout: golang-migrate pairs and Prisma Migrate. */
class SqlMigrationToolsTest {
  private static List<String> found(Path dir) throws Exception {
    return new MigrationScanner()
        .scanHandled(new Discovery().discover(List.of(dir)).files()).breakingMigrations().stream()
            .map(m -> m.location + " " + m.tool + " " + m.change)
            .sorted()
            .toList();
  }

  private static void write(Path dir, String file, String content) throws Exception {
    Path p = dir.resolve(file);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  @Test
  void golangMigrateUpScriptIsAForwardStepAndItsDownScriptIsNot(@TempDir Path dir)
      throws Exception {
    write(dir, "migrations/000002_drop_nick.up.sql", "\nALTER TABLE users DROP COLUMN nick;\n");
    write(dir, "migrations/000002_drop_nick.down.sql", "DROP TABLE users;\n");
    assertThat(found(dir))
        .containsExactly(
            "migrations/000002_drop_nick.up.sql:2 golang-migrate drops column users.nick");
  }

  @Test
  void sqlFileNamedLikeAnUpScriptWithoutAVersionIsNotAMigration(@TempDir Path dir)
      throws Exception {
    write(dir, "scripts/cleanup.up.sql", "DROP TABLE users;\n");
    assertThat(found(dir)).isEmpty();
  }

  @Test
  void prismaMigrationSqlInAMigrationFolderIsAForwardStep(@TempDir Path dir) throws Exception {
    write(
        dir,
        "prisma/migrations/20261201000000_init/migration.sql",
        "-- DropTable\nDROP TABLE \"Post\";\n");
    assertThat(found(dir))
        .containsExactly(
            "prisma/migrations/20261201000000_init/migration.sql:2 Prisma Migrate drops table \"Post\"");
  }

  @Test
  void migrationSqlOutsideAMigrationsFolderIsNotAPrismaMigration(@TempDir Path dir)
      throws Exception {
    write(dir, "db/migration.sql", "DROP TABLE \"Post\";\n");
    assertThat(found(dir)).isEmpty();
  }
}
