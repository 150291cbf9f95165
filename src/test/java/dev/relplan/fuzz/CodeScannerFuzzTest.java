package dev.relplan.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.relplan.code.LanguageScanner;
import dev.relplan.code.ScanResult;
import dev.relplan.code.csharp.CsharpCodeScanner;
import dev.relplan.code.go.GoCodeScanner;
import dev.relplan.code.java.JavaCodeScanner;
import dev.relplan.code.javascript.JavaScriptCodeScanner;
import dev.relplan.code.migration.MigrationScanner;
import dev.relplan.code.python.PythonCodeScanner;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import java.util.List;

/**
 * Each code scanner reads untrusted source files: whatever the bytes, it returns a result (possibly
 * with the file listed as skipped, with the reason); any exception is a crash. Seed and crash
 * inputs under {@code CodeScannerFuzzTestInputs/<method>/} run in every test run; see
 * docs/fuzzing.md for campaigns.
 */
class CodeScannerFuzzTest {
  private static final JavaCodeScanner JAVA = new JavaCodeScanner();
  private static final PythonCodeScanner PYTHON = new PythonCodeScanner();
  private static final JavaScriptCodeScanner JAVASCRIPT = new JavaScriptCodeScanner();
  private static final GoCodeScanner GO = new GoCodeScanner();
  private static final CsharpCodeScanner CSHARP = new CsharpCodeScanner();
  private static final MigrationScanner MIGRATIONS = new MigrationScanner();

  @FuzzTest(maxDuration = "60s")
  void javaSourceIsScannedOrSkipped(byte[] input) {
    scan(JAVA, FuzzInputs.code("src/main/java/app/Client.java", input));
  }

  @FuzzTest(maxDuration = "60s")
  void pythonSourceIsScannedOrSkipped(byte[] input) {
    scan(PYTHON, FuzzInputs.code("app/client.py", input));
  }

  /** The same bytes through the JavaScript (with JSX), TypeScript and TSX grammars. */
  @FuzzTest(maxDuration = "60s")
  void javaScriptAndTypeScriptSourceIsScannedOrSkipped(byte[] input) {
    scan(JAVASCRIPT, FuzzInputs.code("src/client.js", input));
    scan(JAVASCRIPT, FuzzInputs.code("src/client.ts", input));
    scan(JAVASCRIPT, FuzzInputs.code("src/View.tsx", input));
  }

  @FuzzTest(maxDuration = "60s")
  void goSourceIsScannedOrSkipped(byte[] input) {
    scan(GO, FuzzInputs.code("internal/client.go", input));
  }

  @FuzzTest(maxDuration = "60s")
  void csharpSourceIsScannedOrSkipped(byte[] input) {
    scan(CSHARP, FuzzInputs.code("src/Client.cs", input));
  }

  /** A Flyway versioned script (a Liquibase formatted-SQL changelog when its header says so). */
  @FuzzTest(maxDuration = "60s")
  void sqlMigrationIsScannedOrSkipped(byte[] input) {
    scan(
        MIGRATIONS,
        FuzzInputs.file(
            "db/migration/V2__change.sql", FileKind.MIGRATION, FuzzInputs.text(input), List.of()));
  }

  /** A Liquibase XML changelog: its changeSets, changes and preconditions. */
  @FuzzTest(maxDuration = "60s")
  void liquibaseXmlChangelogIsScannedOrSkipped(byte[] input) {
    scan(
        MIGRATIONS,
        FuzzInputs.file(
            "db/changelog/db.changelog-master.xml",
            FileKind.MIGRATION,
            FuzzInputs.text(input),
            List.of()));
  }

  /** A Liquibase YAML changelog (a JSON one is the same tree once loaded). */
  @FuzzTest(maxDuration = "60s")
  void liquibaseYamlChangelogIsScannedOrSkipped(byte[] input) {
    String content = FuzzInputs.text(input);
    String display = "db/changelog/db.changelog-master.yaml";
    scan(
        MIGRATIONS,
        FuzzInputs.file(
            display, FileKind.OTHER, content, FuzzInputs.yamlDocuments(display, content)));
  }

  /** A Django migration module (tree-sitter Python): its operations on models and fields. */
  @FuzzTest(maxDuration = "60s")
  void djangoMigrationIsScannedOrSkipped(byte[] input) {
    scan(MIGRATIONS, FuzzInputs.code("shop/migrations/0002_change.py", input));
  }

  /** A Rails Active Record migration (tree-sitter Ruby): change/up, change_table, execute SQL. */
  @FuzzTest(maxDuration = "60s")
  void railsMigrationIsScannedOrSkipped(byte[] input) {
    scan(MIGRATIONS, FuzzInputs.code("db/migrate/20261201000000_change.rb", input));
  }

  /** The same bytes as a Knex migration in JavaScript and in TypeScript. */
  @FuzzTest(maxDuration = "60s")
  void knexMigrationIsScannedOrSkipped(byte[] input) {
    scan(MIGRATIONS, FuzzInputs.code("migrations/20261201000000_change.js", input));
    scan(MIGRATIONS, FuzzInputs.code("db/migrations/20261201000000_change.ts", input));
  }

  /** An EF Core migration (tree-sitter C#): Up(MigrationBuilder)'s operations and Sql. */
  @FuzzTest(maxDuration = "60s")
  void efCoreMigrationIsScannedOrSkipped(byte[] input) {
    scan(MIGRATIONS, FuzzInputs.code("Data/Migrations/20261201000000_Change.cs", input));
  }

  /** A Flyway Java migration (JavaParser): the literal SQL migrate(Context) runs. */
  @FuzzTest(maxDuration = "60s")
  void flywayJavaMigrationIsScannedOrSkipped(byte[] input) {
    scan(MIGRATIONS, FuzzInputs.code("src/main/java/db/migration/V2__Change.java", input));
  }

  private static void scan(LanguageScanner scanner, SourceFile file) {
    ScanResult result = scanner.scanHandled(List.of(file));
    FuzzInputs.assertLocated(result.skipped());
  }
}
