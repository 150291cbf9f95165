package dev.relplan.code.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.discover.Discovery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** EF Core migrations read with tree-sitter C#. */
class EfCoreMigrationsTest {
  private static List<String> found(Path dir, String file, String up) throws Exception {
    Path p = dir.resolve(file);
    Files.createDirectories(p.getParent());
    Files.writeString(
        p,
        "using Microsoft.EntityFrameworkCore.Migrations;\n"
            + "public partial class Change : Migration\n{\n"
            + "    protected override void Up(MigrationBuilder mb)\n    {\n"
            + up
            + "    }\n}\n");
    return new MigrationScanner()
        .scanHandled(new Discovery().discover(List.of(dir)).files()).breakingMigrations().stream()
            .map(m -> m.location.line() + " " + m.tool + " " + m.change)
            .toList();
  }

  @Test
  void positionalArgumentsNameTheColumnAndTable(@TempDir Path dir) throws Exception {
    assertThat(
            found(
                dir,
                "Migrations/20261201_Drop.cs",
                "        mb.DropColumn(\"Fax\", \"Users\");\n"
                    + "        mb.RenameTable(\"Carts\", newName: \"Baskets\");\n"))
        .containsExactly(
            "6 EF Core drops column Users.Fax", "7 EF Core renames table Carts to Baskets");
  }

  @Test
  void verbatimSqlIsReadAtItsFileLines(@TempDir Path dir) throws Exception {
    assertThat(
            found(
                dir,
                "Migrations/20261201_Sql.cs",
                "        mb.Sql(@\"UPDATE Users SET Fax = '';\n"
                    + "ALTER TABLE Users DROP COLUMN Fax\");\n"))
        .containsExactly("7 EF Core drops column Users.Fax");
  }

  @Test
  void alterColumnToAnotherTypeIsATypeChangeAndTheSameTypeIsNot(@TempDir Path dir)
      throws Exception {
    assertThat(
            found(
                dir,
                "Migrations/20261201_Alter.cs",
                "        mb.AlterColumn<string>(name: \"Name\", table: \"Users\", type: \"nvarchar(64)\","
                    + " oldType: \"nvarchar(max)\");\n"
                    + "        mb.AlterColumn<string>(name: \"Bio\", table: \"Users\", type: \"text\","
                    + " nullable: true, oldType: \"text\");\n"))
        .containsExactly("6 EF Core changes the type of column Users.Name to nvarchar(64)");
  }

  @Test
  void tableCreatedByTheMigrationIsNotTheRunningReleases(@TempDir Path dir) throws Exception {
    assertThat(
            found(
                dir,
                "Migrations/20261201_Scratch.cs",
                "        mb.CreateTable(name: \"Tmp\", columns: t => new { Id = t.Column<int>() });\n"
                    + "        mb.AddColumn<int>(name: \"N\", table: \"Tmp\");\n"
                    + "        mb.DropTable(name: \"Tmp\");\n"))
        .isEmpty();
  }

  @Test
  void designerFilesAndTheModelSnapshotAreNotMigrationSteps() {
    assertThat(EfCoreMigrations.isCandidate("Migrations/20261201_Drop.Designer.cs")).isFalse();
    assertThat(EfCoreMigrations.isCandidate("Migrations/AppDbContextModelSnapshot.cs")).isFalse();
    assertThat(EfCoreMigrations.isCandidate("Data/Migrations/20261201_Drop.cs")).isTrue();
  }
}
