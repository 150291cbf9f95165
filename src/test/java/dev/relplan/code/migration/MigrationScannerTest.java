package dev.relplan.code.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.code.ScanResult;
import dev.relplan.discover.Discovery;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Migration;
import dev.relplan.source.SkippedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flyway and Liquibase migrations: statements parsed with JSqlParser, changes at their exact lines.
 */
class MigrationScannerTest {
  private static ScanResult scan(Path dir) throws Exception {
    return new MigrationScanner().scanHandled(new Discovery().discover(List.of(dir)).files());
  }

  private static List<String> found(ScanResult r) {
    return r.breakingMigrations().stream()
        .map(m -> m.location + " " + m.tool + " " + m.change)
        .sorted()
        .toList();
  }

  private static Path write(Path dir, String file, String content) throws Exception {
    Path p = dir.resolve(file);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
    return p;
  }

  @Test
  void statementsAreSplitOutsideStringsCommentsAndDollarQuotes() {
    List<SqlScript.Statement> s =
        SqlScript.split(
            """
        -- header; not a statement
        INSERT INTO t VALUES ('a;b', 'it''s');
        /* block;
           comment */ CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;
        ALTER TABLE "x;y" DROP COLUMN z
        GO
        DROP TABLE w""");
    assertThat(s).extracting(SqlScript.Statement::line).containsExactly(2, 4, 5, 7);
    assertThat(s.get(1).text()).contains("$body$ SELECT 1; $body$");
    assertThat(s.get(2).text().strip()).isEqualTo("ALTER TABLE \"x;y\" DROP COLUMN z");
  }

  @Test
  void dialectFormsOfDropsRenamesAndTypeChanges(@TempDir Path dir) throws Exception {
    write(
        dir,
        "db/migration/V5_1__mixed.sql",
        """
        RENAME TABLE carts TO baskets;
        ALTER TABLE orders CHANGE COLUMN ref reference VARCHAR(40);
        ALTER TABLE orders CHANGE total total DECIMAL(12,2);
        EXEC sp_rename 'orders.memo', 'remark', 'COLUMN';
        ALTER TABLE orders ALTER COLUMN code NVARCHAR(32) NOT NULL;
        ALTER TABLE orders DROP CONSTRAINT fk_orders_customer;
        ALTER TABLE orders ADD COLUMN id2 BIGSERIAL NOT NULL;
        ALTER TABLE orders ADD COLUMN pk2 INT PRIMARY KEY;
        ALTER TABLE ${schema}.orders DROP COLUMN a, DROP COLUMN b;
        ALTER TABLE orders DROP (c, d);
        ALTER TABLE orders MODIFY (e NOT NULL);
        ALTER TABLE orders MODIFY (f NULL);
        ALTER TABLE orders ALTER COLUMN g SET STATISTICS 100;
        DROP VIEW open_orders;
        """);
    assertThat(found(scan(dir)))
        .containsExactly(
            "db/migration/V5_1__mixed.sql:1 Flyway renames table carts to baskets",
            "db/migration/V5_1__mixed.sql:10 Flyway drops columns orders.c, orders.d",
            "db/migration/V5_1__mixed.sql:11 Flyway makes column orders.e NOT NULL",
            "db/migration/V5_1__mixed.sql:2 Flyway renames column orders.ref to reference",
            "db/migration/V5_1__mixed.sql:3 Flyway redefines column orders.total as DECIMAL(12, 2)",
            "db/migration/V5_1__mixed.sql:4 Flyway renames column orders.memo to remark",
            "db/migration/V5_1__mixed.sql:5 Flyway changes the type of column orders.code to NVARCHAR(32)",
            "db/migration/V5_1__mixed.sql:8 Flyway adds NOT NULL column orders.pk2 without a default",
            "db/migration/V5_1__mixed.sql:9 Flyway drops column schema.orders.a and drops column schema.orders.b");
  }

  @Test
  void aTableRebuiltUnderItsOwnNameIsNotADrop(@TempDir Path dir) throws Exception {
    write(
        dir,
        "db/migration/V7__rebuild.sql",
        """
        CREATE TABLE orders_new (id BIGINT PRIMARY KEY, status VARCHAR(16));
        INSERT INTO orders_new SELECT id, status FROM orders;
        DROP TABLE orders;
        ALTER TABLE orders_new RENAME TO orders;
        """);
    assertThat(found(scan(dir))).isEmpty();
  }

  @Test
  void statementsTheParserCannotReadAreReportedNotGuessed(@TempDir Path dir) throws Exception {
    write(
        dir,
        "db/migration/V8__odd.sql",
        """
        CREATE INDEX CONCURRENTLY ix_orders_status ON orders (status);
        ALTER TABLE orders ALTER COLUMN status SET DATA TYPE TEXT;
        ALTER TABLE orders DROP COLUMN legacy;
        """);
    ScanResult r = scan(dir);
    assertThat(found(r))
        .containsExactly("db/migration/V8__odd.sql:3 Flyway drops column orders.legacy");
    assertThat(r.skipped())
        .extracting(SkippedFile::reason)
        .containsExactly(
            "SQL statement(s) at line 2 not understood by the SQL parser; their schema changes are not analysed");
  }

  @Test
  void xmlChangesAreAtTheLineOfTheirStartTag(@TempDir Path dir) throws Exception {
    write(
        dir,
        "changelog.xml",
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
          <changeSet id="1" author="a">
            <modifyDataType
                tableName="orders"
                columnName="total" newDataType="numeric(12,2)"/>
            <renameTable oldTableName="carts" newTableName="baskets"/>
            <dropColumn tableName="orders">
              <column name="a"/>
              <column name="b"/>
            </dropColumn>
            <sql><![CDATA[
              UPDATE orders SET a = 1 WHERE a < 0;

              DROP TABLE legacy_orders;
            ]]></sql>
          </changeSet>
        </databaseChangeLog>
        """);
    write(dir, "pom.xml", "<project><modelVersion>4.0.0</modelVersion></project>");
    assertThat(found(scan(dir)))
        .containsExactly(
            "changelog.xml:15 Liquibase drops table legacy_orders",
            "changelog.xml:4 Liquibase changes the type of column orders.total to numeric(12,2)",
            "changelog.xml:7 Liquibase renames table carts to baskets",
            "changelog.xml:8 Liquibase drops columns orders.a, orders.b");
    assertThat(new Discovery().discover(List.of(dir)).files())
        .extracting(f -> f.display() + " " + f.kind())
        .containsExactly("changelog.xml " + FileKind.MIGRATION);
  }

  @Test
  void malformedXmlChangelogIsSkippedAndNoDoctypeIsRead(@TempDir Path dir) throws Exception {
    write(
        dir,
        "changelog.xml",
        """
        <?xml version="1.0"?>
        <!DOCTYPE databaseChangeLog [<!ENTITY x SYSTEM "file:///etc/passwd">]>
        <databaseChangeLog><changeSet id="1" author="a"><dropTable tableName="&x;"/></changeSet></databaseChangeLog>
        """);
    ScanResult r = scan(dir);
    assertThat(r.breakingMigrations()).isEmpty();
    assertThat(r.skipped()).extracting(SkippedFile::file).containsExactly("changelog.xml");
  }

  @Test
  void jsonChangelogsAndFormattedSqlAreRead(@TempDir Path dir) throws Exception {
    write(
        dir,
        "changelog.json",
        """
        {"databaseChangeLog": [
          {"changeSet": {"id": "1", "author": "a", "changes": [
            {"renameColumn": {"tableName": "orders", "oldColumnName": "a", "newColumnName": "b"}}
          ]}}
        ]}
        """);
    write(
        dir,
        "changes/002.sql",
        """
        -- liquibase formatted sql
        -- changeset a:2
        ALTER TABLE orders
          DROP COLUMN c;
        -- rollback ALTER TABLE orders ADD COLUMN c INT;
        """);
    List<Migration> m = scan(dir).breakingMigrations();
    assertThat(found(scan(dir)))
        .containsExactly(
            "changelog.json:3 Liquibase renames column orders.a to b",
            "changes/002.sql:3 Liquibase drops column orders.c");
    assertThat(m).allMatch(x -> x.tool.equals("Liquibase"));
  }

  @Test
  void pathologicalScriptsStayBoundedAndReportWhatIsNotRead(@TempDir Path dir) throws Exception {
    write(
        dir,
        "db/migration/V1__nest.sql",
        "SELECT "
            + "(".repeat(3000)
            + "1"
            + ")".repeat(3000)
            + ";\nALTER TABLE t DROP COLUMN "
            + "(".repeat(2000)
            + ";\nALTER TABLE t DROP COLUMN c;\n");
    write(
        dir,
        "db/migration/V2__open.sql",
        "ALTER TABLE t DROP COLUMN d; SELECT 'abc\n;\n$$ never closed\n/* nor this");
    long start = System.nanoTime();
    ScanResult r = scan(dir);
    assertThat(System.nanoTime() - start).isLessThan(20_000_000_000L);
    assertThat(found(r))
        .containsExactly(
            "db/migration/V1__nest.sql:3 Flyway drops column t.c",
            "db/migration/V2__open.sql:1 Flyway drops column t.d");
    assertThat(r.skipped())
        .extracting(s -> s.file() + ": " + s.reason())
        .containsExactly(
            "db/migration/V1__nest.sql: SQL statement(s) at line 2 not understood by the SQL parser; their schema changes are not analysed");
  }

  @Test
  void migrationsOfTestSourcesAreNotTheWorkloads(@TempDir Path dir) throws Exception {
    write(dir, "app/src/test/resources/db/migration/V1__reset.sql", "DROP TABLE orders;\n");
    write(dir, "app/src/main/resources/db/migration/V1__reset.sql", "DROP TABLE orders;\n");
    assertThat(found(scan(dir)))
        .containsExactly(
            "app/src/main/resources/db/migration/V1__reset.sql:1 Flyway drops table orders");
  }

  @Test
  void djangoOperationsWithPositionalArgumentsAndRunSqlLines(@TempDir Path dir) throws Exception {
    write(
        dir,
        "shop/migrations/0002_auto.py",
        """
        from django.db import migrations, models


        class Migration(migrations.Migration):
            operations = [
                migrations.RenameModel("Cart", "Basket"),
                migrations.AddField("order", "paid", models.BooleanField(default=False)),
                migrations.RunSQL(sql=\"\"\"
                    CREATE INDEX ix ON orders_order (paid);
                    ALTER TABLE orders_order RENAME TO orders_purchase;
                \"\"\"),
            ]
        """);
    write(
        dir,
        "notdjango/migrations/0001_x.py",
        "from alembic import op\n\n\ndef upgrade():\n    op.drop_table('t')\n");
    assertThat(found(scan(dir)))
        .containsExactly(
            "shop/migrations/0002_auto.py:10 Django renames table orders_order to orders_purchase",
            "shop/migrations/0002_auto.py:6 Django renames model Cart to Basket (renames its table)",
            "shop/migrations/0002_auto.py:7 Django adds NOT NULL field order.paid without a database default");
  }

  @Test
  void sqlFilePathsResolveBesideTheChangelogOrFromTheResourcesRoot() {
    assertThat(MigrationScanner.sqlFilePath("db/changelog/master.xml", "../sql/1.sql", true))
        .isEqualTo("db/sql/1.sql");
    assertThat(
            MigrationScanner.sqlFilePath(
                "app/src/main/resources/db/master.xml", "classpath:db/sql/1.sql", false))
        .isEqualTo("app/src/main/resources/db/sql/1.sql");
    assertThat(MigrationScanner.sqlFilePath("db/master.yaml", "db/sql/1.sql", false))
        .isEqualTo("db/sql/1.sql");
  }

  @Test
  void arbitraryTextNeverThrows() {
    java.util.Random random = new java.util.Random(42);
    String alphabet =
        "ALTER TABLE DROP COLUMN RENAME TO ADD NOT NULL DEFAULT ;'\"`$$--/**/\n()[],.GO\r\t x";
    for (int i = 0; i < 300; i++) {
      StringBuilder sb = new StringBuilder();
      int n = random.nextInt(200);
      for (int k = 0; k < n; k++) sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      SqlChanges.Result r = SqlChanges.analyse(sb.toString(), 1);
      assertThat(r.changes()).allMatch(c -> c.line() >= 1);
    }
  }

  @Test
  void aMigrationWhoseScanThrowsIsSkippedAndTheOneBesideItIsStillScanned() {
    // a lone surrogate is text tree-sitter refuses: parsing that Django migration throws
    String refused =
        "# "
            + "\uD800\uD800"
            + "\nfrom django.db import migrations\nclass Migration(migrations.Migration):\n"
            + "    operations = [migrations.RemoveField(model_name='a', name='b')]\n";
    String valid =
        "from django.db import migrations\nclass Migration(migrations.Migration):\n"
            + "    operations = [migrations.RemoveField(model_name='c', name='d')]\n";
    String refusedName = "app/migrations/0002_drop_b.py";
    String validName = "app/migrations/0003_drop_d.py";
    ScanResult r =
        new MigrationScanner()
            .scan(
                List.of(
                    new SourceFile(
                        Path.of(refusedName),
                        refusedName,
                        FileKind.SOURCE_CODE,
                        refused,
                        List.of()),
                    new SourceFile(
                        Path.of(validName), validName, FileKind.SOURCE_CODE, valid, List.of())));
    assertThat(r.skipped())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.file()).isEqualTo(refusedName);
              assertThat(s.reason()).startsWith("stopped: could not be analysed");
            });
    assertThat(r.breakingMigrations())
        .singleElement()
        .satisfies(m -> assertThat(m.location.file()).isEqualTo(validName));
  }
}
