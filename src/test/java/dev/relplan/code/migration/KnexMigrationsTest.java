package dev.relplan.code.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.discover.Discovery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Knex migrations read with the tree-sitter JavaScript and TypeScript grammars. */
class KnexMigrationsTest {
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
  void upMemberOfTheExportedObjectIsRead(@TempDir Path dir) throws Exception {
    assertThat(
            found(
                dir,
                "migrations/002_users.js",
                """
                module.exports = {
                  async up(db) {
                    await db.schema.table('users', (t) => t.dropColumns('fax', 'pager'));
                  },
                  down: async (db) => db.schema.dropTable('users'),
                };
                """))
        .containsExactly("3 Knex drops columns users.fax, users.pager");
  }

  @Test
  void exportedArrowFunctionUpIsReadAndItsModifiersInAnyOrder(@TempDir Path dir) throws Exception {
    assertThat(
            found(
                dir,
                "src/migrations/003_users.ts",
                """
                import { Knex } from 'knex';
                export const up = async (knex: Knex) => {
                  await knex.schema.withSchema('app').alterTable('users', (t) => {
                    t.string('region').defaultTo('eu').notNullable();
                    t.integer('age').notNullable().alter();
                    t.text('bio').alter();
                  });
                };
                """))
        .containsExactly(
            "5 Knex makes column users.age NOT NULL",
            "6 Knex changes the type of column users.bio to text");
  }

  @Test
  void migrationOfAnotherToolInAMigrationsFolderIsNotRead(@TempDir Path dir) throws Exception {
    assertThat(
            found(
                dir,
                "migrations/20261201-drop.js",
                """
                module.exports = {
                  up: async (queryInterface) => queryInterface.removeColumn('users', 'fax'),
                };
                """))
        .isEmpty();
  }

  @Test
  void rawSqlBuiltAtRunTimeIsNotRead(@TempDir Path dir) throws Exception {
    assertThat(
            found(
                dir,
                "migrations/004_drop.js",
                "exports.up = (knex) => knex.raw(`DROP TABLE ${name}`);\n"))
        .isEmpty();
  }
}
