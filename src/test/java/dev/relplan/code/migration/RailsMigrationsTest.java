package dev.relplan.code.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.code.ScanResult;
import dev.relplan.discover.Discovery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rails Active Record migrations read with tree-sitter Ruby. */
class RailsMigrationsTest {
  private static final String FILE = "db/migrate/20261201000000_change.rb";

  private static ScanResult scan(Path dir, String file, String body) throws Exception {
    Path p = dir.resolve(file);
    Files.createDirectories(p.getParent());
    Files.writeString(p, body);
    return new MigrationScanner().scanHandled(new Discovery().discover(List.of(dir)).files());
  }

  private static List<String> found(Path dir, String body) throws Exception {
    return scan(dir, FILE, body).breakingMigrations().stream()
        .map(m -> m.location.line() + " " + m.tool + " " + m.change)
        .toList();
  }

  private static String migration(String methods) {
    return "class Change < ActiveRecord::Migration[7.1]\n" + methods + "end\n";
  }

  @Test
  void changeMethodRemovalsRenamesAndNotNullColumnsAreFound(@TempDir Path dir) throws Exception {
    assertThat(
            found(
                dir,
                migration(
                    """
                      def change
                        remove_columns :users, :fax, :pager
                        rename_table :carts, :baskets
                        add_reference :orders, :store, null: false
                        change_column :orders, :total, :decimal
                      end
                    """)))
        .containsExactly(
            "3 Rails drops columns users.fax, users.pager",
            "4 Rails renames table carts to baskets",
            "5 Rails adds NOT NULL column orders.store_id without a default",
            "6 Rails changes the type of column orders.total to decimal");
  }

  @Test
  void downMethodAndReversibleDownBlockAreNotForwardChanges(@TempDir Path dir) throws Exception {
    assertThat(
            found(
                dir,
                migration(
                    """
                      def change
                        reversible do |dir|
                          dir.up { drop_table :sessions }
                          dir.down { drop_table :tokens }
                        end
                      end
                      def down
                        remove_column :users, :nick
                      end
                    """)))
        .containsExactly("4 Rails drops table sessions");
  }

  @Test
  void changesToATableTheMigrationCreatesAreNotTheRunningReleases(@TempDir Path dir)
      throws Exception {
    assertThat(
            found(
                dir,
                migration(
                    """
                      def up
                        create_table :drafts do |t|
                          t.string :title, null: false
                        end
                        add_column :drafts, :body, :text, null: false
                        change_table :drafts do |t|
                          t.remove :title
                        end
                        drop_table :drafts
                      end
                    """)))
        .isEmpty();
  }

  @Test
  void executedHeredocSqlIsReadAtItsFileLines(@TempDir Path dir) throws Exception {
    assertThat(
            found(
                dir,
                migration(
                    """
                      def up
                        execute <<~SQL
                          UPDATE users SET nick = '';
                          ALTER TABLE users DROP COLUMN nick;
                        SQL
                        execute "DROP TABLE #{table}"
                      end
                    """)))
        .containsExactly("5 Rails drops column users.nick");
  }

  @Test
  void changeTableBlockMethodsActOnItsTable(@TempDir Path dir) throws Exception {
    assertThat(
            found(
                dir,
                migration(
                    """
                      def change
                        change_table :users do |t|
                          t.references :team, null: false
                          t.change_null :email, false
                          t.integer :age, null: false, default: 0
                        end
                      end
                    """)))
        .containsExactly(
            "4 Rails adds NOT NULL column users.team_id without a default",
            "5 Rails makes column users.email NOT NULL");
  }

  @Test
  void removeColumnsThirdArgumentIsItsTypeNotAColumn(@TempDir Path dir) throws Exception {
    assertThat(
            found(dir, migration("  def change\n    remove_column :users, :fax, :string\n  end\n")))
        .containsExactly("3 Rails drops column users.fax");
  }

  @Test
  void changesInASafetyAssuredBlockAreDeclaredReviewed(@TempDir Path dir) throws Exception {
    assertThat(
            found(
                dir,
                migration(
                    "  def change\n    safety_assured { remove_column :users, :fax }\n  end\n")))
        .isEmpty();
  }

  @Test
  void rubyFileOutsideAMigrateFolderIsNotAMigration(@TempDir Path dir) throws Exception {
    String body = migration("  def change\n    drop_table :users\n  end\n");
    assertThat(scan(dir, "lib/tasks/20261201_cleanup.rb", body).breakingMigrations()).isEmpty();
  }

  @Test
  void migrationWithASyntaxErrorIsSkippedWithItsLine(@TempDir Path dir) throws Exception {
    ScanResult r = scan(dir, FILE, migration("  def change\n    drop_table :users,\n  end\n"));
    assertThat(r.breakingMigrations()).isEmpty();
    assertThat(r.skipped())
        .singleElement()
        .satisfies(s -> assertThat(s.reason()).startsWith("Ruby syntax error at line"));
  }
}
