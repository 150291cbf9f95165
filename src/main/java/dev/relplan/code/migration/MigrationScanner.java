package dev.relplan.code.migration;

import dev.relplan.code.LambdaHandlers;
import dev.relplan.code.LanguageScanner;
import dev.relplan.code.ScanResult;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Migration;
import dev.relplan.source.FileGuard;
import dev.relplan.source.Location;
import dev.relplan.source.SkippedFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Schema migrations: Flyway SQL migrations ({@code V<version>__<name>.sql}), golang-migrate up
 * scripts, Prisma Migrate's {@code migration.sql}, Liquibase formatted-SQL changelogs, Liquibase
 * XML, YAML and JSON changelogs, and Django migrations. Reports every statement or change the
 * release still running cannot work with (see {@link SqlChanges}).
 */
public final class MigrationScanner implements LanguageScanner {
  /**
   * Flyway's default naming of versioned migrations; repeatable (R__) and undo (U) scripts are not
   * schema steps of a release.
   */
  private static final Pattern FLYWAY = Pattern.compile("V\\d+([._]\\d+)*__.+\\.sql");

  /**
   * golang-migrate's pairs ({@code <version>_<title>.up.sql} / {@code .down.sql}): only the up
   * script runs when a release is deployed; the down script is its rollback.
   */
  private static final Pattern GOLANG_MIGRATE = Pattern.compile("\\d+_[^/]*\\.up\\.sql");

  /**
   * Prisma Migrate's generated scripts: one {@code migration.sql} per folder of {@code migrations/}
   * (by default {@code prisma/migrations/<timestamp>_<name>/migration.sql}).
   */
  private static final Pattern PRISMA = Pattern.compile("(.*/)?migrations/[^/]+/migration\\.sql");

  /**
   * SQL scripts and XML changelogs, YAML and JSON files (which may be changelogs) and Django
   * migration modules.
   */
  @Override
  public boolean handles(SourceFile file) {
    return file.kind() == FileKind.MIGRATION
        || file.kind() == FileKind.OTHER && !isEntryDeclaration(file.display())
        || file.kind() == FileKind.SOURCE_CODE && isMigrationSource(file.display());
  }

  /**
   * Procfiles and Gradle build files, which discovery reads only for the code adapter's entry
   * points: never migrations.
   */
  private static boolean isEntryDeclaration(String display) {
    String name = display.substring(display.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    return name.equals("procfile")
        || name.equals("build.gradle")
        || name.equals("build.gradle.kts");
  }

  /** Source files of migration tools, known by their folder and name. */
  private static boolean isMigrationSource(String display) {
    return DjangoMigrations.isCandidate(display)
        || RailsMigrations.isCandidate(display)
        || KnexMigrations.isCandidate(display)
        || EfCoreMigrations.isCandidate(display)
        || FlywayJavaMigrations.isCandidate(display);
  }

  /** Migrations under test source folders set up test databases, not the workload's. */
  @Override
  public boolean isTest(String display) {
    String p = "/" + display;
    return p.contains("/src/test/")
        || p.contains("/src/it/")
        || p.contains("/src/integrationTest/");
  }

  /** The breaking changes found, and the files (or statements) that could not be analysed. */
  @Override
  public ScanResult scan(List<SourceFile> files) {
    List<Migration> out = new ArrayList<>();
    List<SkippedFile> skipped = new ArrayList<>();
    List<SourceFile> sqlFiles = new ArrayList<>();
    // Changelogs first: the SQL files their sqlFile changes name are Liquibase migrations whatever
    // their name.
    Set<String> referenced = new HashSet<>();
    Found found = new Found(out, skipped, referenced);
    for (SourceFile f : ofKind(files, FileKind.MIGRATION)) {
      if (f.display().toLowerCase(Locale.ROOT).endsWith(".sql")) {
        sqlFiles.add(f);
      } else if (Changelog.isXmlChangelog(f.content())) {
        guarded(f, found, fileFound -> xmlChangelog(f, fileFound));
      }
    }
    for (SourceFile f : ofKind(files, FileKind.OTHER)) {
      guarded(
          f,
          found,
          fileFound -> {
            Changelog.Elem root = Changelog.structured(f.document(), f::line);
            if (root != null) liquibase(f, root, fileFound);
          });
    }
    for (SourceFile f : sqlFiles) {
      String tool = sqlTool(f, referenced);
      if (tool == null) continue; // a schema dump, seed data or ad-hoc script: not a migration step
      String sql = tool.equals("Flyway") ? placeholders(f.content()) : f.content();
      guarded(f, found, fileFound -> sql(f, tool, sql, 1, fileFound.out(), fileFound.skipped()));
    }
    SourceReaders readers = new SourceReaders();
    for (SourceFile f : ofKind(files, FileKind.SOURCE_CODE)) {
      SourceReader reader = readers.of(f.display());
      guarded(f, found, fileFound -> reader.scan(f, fileFound.out(), fileFound.skipped()));
    }
    return new ScanResult(List.of(), List.of(), List.of(), out, skipped);
  }

  /** Reads the migrations of one tool written in a programming language from one file. */
  private interface SourceReader {
    void scan(SourceFile f, List<Migration> out, List<SkippedFile> skipped);
  }

  /**
   * The reader of each tool whose migrations are source files, made when a file first needs it (a
   * tree-sitter parser each; one scan reads its files on one thread).
   */
  private static final class SourceReaders {
    private DjangoMigrations django;
    private RailsMigrations rails;
    private KnexMigrations knex;
    private EfCoreMigrations efCore;
    private final FlywayJavaMigrations flywayJava = new FlywayJavaMigrations();

    /** The reader of a file {@link #isMigrationSource} accepts. */
    SourceReader of(String display) {
      if (RailsMigrations.isCandidate(display)) {
        if (rails == null) rails = new RailsMigrations();
        return rails::scan;
      }
      if (KnexMigrations.isCandidate(display)) {
        if (knex == null) knex = new KnexMigrations();
        return knex::scan;
      }
      if (EfCoreMigrations.isCandidate(display)) {
        if (efCore == null) efCore = new EfCoreMigrations();
        return efCore::scan;
      }
      if (FlywayJavaMigrations.isCandidate(display)) return flywayJava::scan;
      if (django == null) django = new DjangoMigrations();
      return django::scan;
    }
  }

  /**
   * What the scan has found so far: breaking changes, files or statements not analysed, and the SQL
   * files Liquibase changelogs name.
   */
  private record Found(List<Migration> out, List<SkippedFile> skipped, Set<String> referenced) {
    static Found empty() {
      return new Found(new ArrayList<>(), new ArrayList<>(), new HashSet<>());
    }

    void addAll(Found file) {
      out.addAll(file.out);
      skipped.addAll(file.skipped);
      referenced.addAll(file.referenced);
    }
  }

  /**
   * Runs the work on one file through {@link FileGuard#run}: what it found is kept only when it
   * completed, else the file is listed as skipped with the reason.
   */
  private static void guarded(SourceFile f, Found found, Consumer<Found> work) {
    Found fileFound = Found.empty();
    FileGuard.run(f.display(), () -> work.accept(fileFound))
        .ifPresentOrElse(found.skipped()::add, () -> found.addAll(fileFound));
  }

  /** An XML changelog's changes, or, when it is not well-formed, only that it was skipped. */
  private static void xmlChangelog(SourceFile f, Found found) {
    Found changes = Found.empty();
    try {
      liquibase(f, Changelog.xml(f.content()), changes);
    } catch (Exception e) {
      found
          .skipped()
          .add(
              new SkippedFile(
                  f.display(),
                  "Liquibase changelog is not well-formed XML; its changes are not analysed"));
      return;
    }
    found.addAll(changes);
  }

  /**
   * The migration tool an SQL file is a forward step of, by its header, a changelog naming it, or
   * the tool's naming convention; null for any other SQL file.
   */
  private static String sqlTool(SourceFile f, Set<String> referenced) {
    String name = f.display().substring(f.display().lastIndexOf('/') + 1);
    if (liquibaseFormatted(f.content()) || referenced.contains(f.display())) return "Liquibase";
    if (FLYWAY.matcher(name).matches()) return "Flyway";
    if (GOLANG_MIGRATE.matcher(name).matches()) return "golang-migrate";
    if (PRISMA.matcher(f.display()).matches()) return "Prisma Migrate";
    return null;
  }

  private static List<SourceFile> ofKind(List<SourceFile> files, FileKind kind) {
    return files.stream().filter(f -> f.kind() == kind).toList();
  }

  /**
   * The scanned path of a sqlFile: beside the changelog when relativeToChangelogFile is set, else
   * relative to the search path, which is taken to be the changelog's resources root ({@code
   * src/main/resources}) or, without one, the scanned root.
   */
  static String sqlFilePath(String changelog, String path, boolean relative) {
    String p = path.startsWith("classpath:") ? path.substring("classpath:".length()) : path;
    if (relative) {
      String dir =
          changelog.contains("/") ? changelog.substring(0, changelog.lastIndexOf('/')) : "";
      return LambdaHandlers.normalize(dir.isEmpty() ? p : dir + "/" + p);
    }
    int res = changelog.indexOf("src/main/resources/");
    return LambdaHandlers.normalize(
        res < 0 ? p : changelog.substring(0, res + "src/main/resources/".length()) + p);
  }

  /**
   * A Liquibase formatted SQL changelog starts with the {@code --liquibase formatted sql} comment.
   */
  static boolean liquibaseFormatted(String content) {
    for (String line : content.lines().limit(20).toList()) {
      String l = line.strip();
      if (l.isEmpty()) continue;
      return l.startsWith("--")
          && l.substring(2)
              .strip()
              .toLowerCase(Locale.ROOT)
              .replaceAll("\\s+", " ")
              .startsWith("liquibase formatted sql");
    }
    return false;
  }

  /**
   * Flyway placeholders (${schema}) become plain identifiers so that the statement parses; lines
   * are unchanged.
   */
  private static String placeholders(String sql) {
    return sql.replaceAll("\\$\\{([A-Za-z0-9_]+)}", "$1");
  }

  private static void sql(
      SourceFile f,
      String tool,
      String sql,
      int firstLine,
      List<Migration> out,
      List<SkippedFile> skipped) {
    SqlChanges.Result r = SqlChanges.analyse(sql, firstLine);
    for (SqlChanges.Change c : r.changes())
      out.add(
          new Migration(
              f.display(), tool, c.change(), c.why(), new Location(f.display(), c.line())));
    SqlChanges.skipUnparsed(f.display(), r.unparsed(), skipped);
  }

  private static void liquibase(SourceFile f, Changelog.Elem root, Found found) {
    List<Migration> out = found.out();
    List<Integer> unparsed = new ArrayList<>();
    for (Changelog.Elem set : root.children) {
      if (!set.name.equals("changeSet")) continue;
      for (Changelog.Elem c : set.children) {
        // rollback, preConditions, comment and validCheckSum hold no forward change.
        if (c.name.equals("sql")) {
          SqlChanges.Result r = SqlChanges.analyse(c.text.toString(), c.textLine);
          for (SqlChanges.Change ch : r.changes()) add(f, out, ch.line(), ch.change(), ch.why());
          unparsed.addAll(r.unparsed());
        } else if (c.name.equals("sqlFile") && c.attr("path") != null) {
          found
              .referenced()
              .add(
                  sqlFilePath(
                      f.display(),
                      c.attr("path"),
                      "true".equalsIgnoreCase(c.attr("relativeToChangelogFile"))));
        } else {
          change(f, c, out);
        }
      }
    }
    SqlChanges.skipUnparsed(f.display(), unparsed, found.skipped());
  }

  private static void change(SourceFile f, Changelog.Elem c, List<Migration> out) {
    String table = c.attr("tableName") == null ? "?" : c.attr("tableName");
    switch (c.name) {
      case "dropColumn" -> {
        if (c.attr("columnName") != null) {
          add(
              f,
              out,
              c.line,
              "drops column " + table + "." + c.attr("columnName"),
              SqlChanges.DROP_COLUMN);
        } else {
          List<String> cols =
              c.children.stream()
                  .filter(k -> k.name.equals("column") && k.attr("name") != null)
                  .map(k -> table + "." + k.attr("name"))
                  .toList();
          if (!cols.isEmpty())
            add(
                f,
                out,
                c.line,
                "drops column" + (cols.size() > 1 ? "s " : " ") + String.join(", ", cols),
                SqlChanges.DROP_COLUMN);
        }
      }
      case "renameColumn" ->
          add(
              f,
              out,
              c.line,
              "renames column "
                  + table
                  + "."
                  + c.attr("oldColumnName")
                  + " to "
                  + c.attr("newColumnName"),
              SqlChanges.RENAME_COLUMN);
      case "dropTable" -> add(f, out, c.line, "drops table " + table, SqlChanges.DROP_TABLE);
      case "renameTable" ->
          add(
              f,
              out,
              c.line,
              "renames table " + c.attr("oldTableName") + " to " + c.attr("newTableName"),
              SqlChanges.RENAME_TABLE);
      case "addNotNullConstraint" ->
          add(
              f,
              out,
              c.line,
              "makes column " + table + "." + c.attr("columnName") + " NOT NULL",
              SqlChanges.NOT_NULL);
      case "modifyDataType" ->
          add(
              f,
              out,
              c.line,
              "changes the type of column "
                  + table
                  + "."
                  + c.attr("columnName")
                  + " to "
                  + c.attr("newDataType"),
              SqlChanges.TYPE);
      case "addColumn" -> {
        for (Changelog.Elem col : c.children) {
          if (!col.name.equals("column")) continue;
          Changelog.Elem cons =
              col.children.stream()
                  .filter(k -> k.name.equals("constraints"))
                  .findFirst()
                  .orElse(null);
          boolean notNull =
              cons != null
                  && ("false".equalsIgnoreCase(cons.attr("nullable"))
                      || "true".equalsIgnoreCase(cons.attr("primaryKey")));
          boolean hasDefault =
              col.attrs.keySet().stream().anyMatch(k -> k.startsWith("defaultValue"))
                  || "true".equalsIgnoreCase(col.attr("autoIncrement"));
          if (notNull && !hasDefault) {
            add(
                f,
                out,
                col.line,
                "adds NOT NULL column " + table + "." + col.attr("name") + " without a default",
                SqlChanges.NOT_NULL);
          }
        }
      }
      default -> {
        // additive or neutral change (createTable, createIndex, addColumn of nullable columns, ...)
      }
    }
  }

  private static void add(SourceFile f, List<Migration> out, int line, String change, String why) {
    out.add(new Migration(f.display(), "Liquibase", change, why, new Location(f.display(), line)));
  }

  private static String join(List<Integer> lines) {
    return String.join(", ", lines.stream().map(String::valueOf).toList());
  }
}
