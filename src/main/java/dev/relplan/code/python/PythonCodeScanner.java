package dev.relplan.code.python;

import dev.relplan.code.LanguageScanner;
import dev.relplan.code.ScanResult;
import dev.relplan.code.SyntaxNode;
import dev.relplan.code.TestSources;
import dev.relplan.code.TreeSitterNatives;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.HealthEndpoint;
import dev.relplan.model.Integration;
import dev.relplan.model.Migration;
import dev.relplan.source.FileGuard;
import dev.relplan.source.SkippedFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TreeSitterPython;

/** Inventories outbound calls and health endpoints of Python sources, parsed with tree-sitter. */
public final class PythonCodeScanner implements LanguageScanner {
  @Override
  public boolean handles(SourceFile file) {
    return file.kind() == FileKind.SOURCE_CODE && file.display().endsWith(".py");
  }

  /** pytest's conventions: test_*.py, *_test.py and conftest.py, besides test folders. */
  @Override
  public boolean isTest(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return TestSources.inTestFolder(path)
        || name.startsWith("test_") && name.endsWith(".py")
        || name.endsWith("_test.py")
        || name.equals("conftest.py");
  }

  /** Breaking migrations in the result are Alembic revisions. */
  @Override
  public ScanResult scan(List<SourceFile> files) {
    List<Integration> integrations = new ArrayList<>();
    List<HealthEndpoint> health = new ArrayList<>();
    List<SkippedFile> skipped = new ArrayList<>();
    List<Migration> migrations = new ArrayList<>();
    if (files.isEmpty())
      return new ScanResult(integrations, health, List.of(), migrations, skipped);
    TSParser parser = TreeSitterNatives.newParser();
    parser.setLanguage(new TreeSitterPython());
    for (SourceFile file : files) {
      // Each file's findings are kept only when its whole scan completes.
      List<Integration> fileIntegrations = new ArrayList<>();
      List<HealthEndpoint> fileHealth = new ArrayList<>();
      List<Migration> fileMigrations = new ArrayList<>();
      List<SkippedFile> fileSkipped = new ArrayList<>();
      FileGuard.run(
              file.display(),
              () ->
                  scanFile(parser, file, fileIntegrations, fileHealth, fileMigrations, fileSkipped))
          .ifPresentOrElse(
              skipped::add,
              () -> {
                integrations.addAll(fileIntegrations);
                health.addAll(fileHealth);
                migrations.addAll(fileMigrations);
                skipped.addAll(fileSkipped);
              });
    }
    return new ScanResult(integrations, health, List.of(), migrations, skipped);
  }

  /** Scans one file, adding what it finds to the given lists. */
  private static void scanFile(
      TSParser parser,
      SourceFile file,
      List<Integration> integrations,
      List<HealthEndpoint> health,
      List<Migration> migrations,
      List<SkippedFile> skipped) {
    byte[] bytes = file.content().getBytes(StandardCharsets.UTF_8);
    TSTree tree = parser.parseString(null, file.content());
    TSNode rootNode = tree.getRootNode();
    if (rootNode.hasError()) {
      // tree-sitter recovers from errors; calls inside the broken region could be misread, so the
      // file is skipped.
      skipped.add(
          new SkippedFile(
              file.display(),
              "Python syntax error"
                  + SyntaxNode.errorLine(rootNode)
                  + "; its calls are not analysed"));
      return;
    }
    if (!importsAnyOf(rootNode, bytes, 0))
      return; // nothing this scanner recognises can be referenced
    PyFile f = new PyFile(file.display(), PyNode.copy(rootNode, bytes));
    PyCalls calls = new PyCalls(f);
    PyResilience resilience = new PyResilience(f);
    PyDatabases databases = new PyDatabases(f);
    for (PyNode call : f.calls()) {
      Integration i = calls.analyse(call);
      if (i == null) {
        i = databases.creation(call);
        if (i != null) integrations.add(i);
        continue;
      }
      resilience.apply(i, call);
      integrations.add(i);
    }
    health.addAll(new PyHealth(f).find());
    migrations.addAll(new AlembicMigrations(f).find());
  }

  /**
   * Top-level modules whose use the scanner recognises; a file importing none of them is not copied
   * out of tree-sitter.
   */
  private static final java.util.Set<String> RECOGNISED =
      java.util.Set.of(
          "requests",
          "httpx",
          "aiohttp",
          "urllib3",
          "boto3",
          "botocore",
          "flask",
          "fastapi",
          "pybreaker",
          "circuitbreaker",
          "tenacity",
          "backoff",
          "alembic",
          "psycopg2",
          "psycopg",
          "psycopg_pool",
          "redis",
          "sqlalchemy");

  /**
   * Whether the module imports a recognised library, looking at import statements at module level
   * and inside module-level if/try blocks (walking only those nodes keeps large files cheap).
   */
  private static boolean importsAnyOf(TSNode scope, byte[] source, int depth) {
    int count = scope.getNamedChildCount();
    for (int i = 0; i < count; i++) {
      TSNode c = scope.getNamedChild(i);
      String type = c.getType();
      if (type.equals("import_statement") || type.equals("import_from_statement")) {
        String text =
            new String(
                source,
                c.getStartByte(),
                c.getEndByte() - c.getStartByte(),
                StandardCharsets.UTF_8);
        for (String word : text.split("[^A-Za-z0-9_]+")) if (RECOGNISED.contains(word)) return true;
      } else if (depth < 3
          && (type.equals("if_statement")
              || type.equals("try_statement")
              || type.equals("block")
              || type.equals("else_clause")
              || type.equals("except_clause")
              || type.equals("elif_clause")
              || type.equals("finally_clause"))) {
        if (importsAnyOf(c, source, depth + 1)) return true;
      }
    }
    return false;
  }
}
