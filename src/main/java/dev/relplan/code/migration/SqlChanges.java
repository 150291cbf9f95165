package dev.relplan.code.migration;

import dev.relplan.source.SkippedFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.alter.RenameTableStatement;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.execute.Execute;

/**
 * The schema changes of an SQL script, parsed statement by statement with JSqlParser, that the
 * release still running cannot work with: dropped or renamed tables and columns, columns added or
 * made NOT NULL without a default, and changed column types. Additive statements (CREATE TABLE,
 * CREATE INDEX, nullable ADD COLUMN, inserts and updates) are not changes of this kind.
 */
final class SqlChanges {
  /** One breaking statement: what it does and why the previous release fails, at its first line. */
  record Change(int line, String change, String why) {}

  /** The breaking statements, and the lines of statements the parser could not read. */
  record Result(List<Change> changes, List<Integer> unparsed) {}

  static final String DROP_COLUMN =
      "the previous release still reads or writes that column and fails once it is gone";
  static final String DROP_TABLE = "the previous release still queries that table";
  static final String RENAME_TABLE = "the previous release still uses the old table name";
  static final String RENAME_COLUMN = "the previous release still uses the old column name";
  static final String NOT_NULL =
      "the previous release inserts rows without a value for it, which now fail";
  static final String TYPE =
      "the previous release still reads and writes the column as its old type, and values it sends can be rejected or converted";

  /**
   * Statements longer than this are not parsed (a migration statement is far shorter; this bounds
   * parser time).
   */
  private static final int MAX_STATEMENT_CHARS = 100_000;

  /**
   * Deepest parenthesis nesting a statement is parsed with: JSqlParser's lookahead on deeper
   * nesting is exponential, and on a large-stack thread no stack overflow stops it (quotes are not
   * skipped when counting, which only leaves more statements unparsed).
   */
  private static final int MAX_PARENTHESIS_DEPTH = 100;

  /**
   * First keywords of statements that cannot drop, rename or tighten anything; when the parser
   * cannot read them they are passed over.
   */
  private static final Set<String> ADDITIVE =
      Set.of(
          "CREATE",
          "INSERT",
          "UPDATE",
          "DELETE",
          "SELECT",
          "COMMENT",
          "GRANT",
          "REVOKE",
          "SET",
          "BEGIN",
          "COMMIT",
          "START",
          "END",
          "ANALYZE",
          "VACUUM",
          "REFRESH",
          "USE",
          "MERGE",
          "WITH",
          "CALL",
          "REINDEX",
          "LOCK",
          "TRUNCATE");

  private SqlChanges() {}

  /** Analyses a script whose line 1 is line {@code firstLine} of the file. */
  static Result analyse(String sql, int firstLine) {
    List<SqlScript.Statement> statements = SqlScript.split(sql);
    List<Statement> parsed = new ArrayList<>();
    List<Integer> unparsed = new ArrayList<>();
    for (SqlScript.Statement s : statements) {
      Statement st = parse(s.text());
      parsed.add(st);
      if (st == null && !ADDITIVE.contains(firstWord(s.text())))
        unparsed.add(s.line() + firstLine - 1);
    }
    // Tables created by the script itself (scratch tables, or a rebuild that drops the old table
    // and
    // renames the new one to its name) are not tables the previous release uses.
    Set<String> created = new HashSet<>();
    Set<String> renamedTo = new HashSet<>();
    for (Statement st : parsed) {
      if (st instanceof Alter a && a.getAlterExpressions() != null) {
        for (AlterExpression e : a.getAlterExpressions())
          if (e.getOperation() == AlterOperation.RENAME_TABLE)
            renamedTo.add(key(e.getNewTableName()));
      } else if (st instanceof RenameTableStatement r) {
        r.getTableNames().forEach(en -> renamedTo.add(key(en.getValue())));
      }
    }
    List<Change> out = new ArrayList<>();
    for (int i = 0; i < parsed.size(); i++) {
      Statement st = parsed.get(i);
      if (st == null) continue;
      if (st instanceof CreateTable c) {
        created.add(key(c.getTable()));
        continue;
      }
      List<String[]> found = judge(st, created, renamedTo);
      if (found.isEmpty()) continue;
      Set<String> changes = new LinkedHashSet<>();
      Set<String> whys = new LinkedHashSet<>();
      for (String[] f : found) {
        changes.add(f[0]);
        whys.add(f[1]);
      }
      out.add(
          new Change(
              statements.get(i).line() + firstLine - 1,
              String.join(" and ", changes),
              String.join("; ", whys)));
    }
    return new Result(out, unparsed);
  }

  private static Statement parse(String text) {
    if (text.length() > MAX_STATEMENT_CHARS || tooDeep(text)) return null;
    try {
      // Parsed on this thread (CCJSqlParserUtil.parse would start an executor per statement).
      CCJSqlParser p = CCJSqlParserUtil.newParser(text).withAllowComplexParsing(false);
      return p.Statement();
    } catch (Exception | StackOverflowError e) {
      return null;
    }
  }

  private static boolean tooDeep(String text) {
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(' && ++depth > MAX_PARENTHESIS_DEPTH) return true;
      if (c == ')') depth = Math.max(0, depth - 1);
    }
    return false;
  }

  private static List<String[]> judge(Statement st, Set<String> created, Set<String> renamedTo) {
    List<String[]> out = new ArrayList<>();
    if (st instanceof Drop d) {
      if ("TABLE".equalsIgnoreCase(d.getType())
          && d.getName() != null
          && !created.contains(key(d.getName()))
          && !renamedTo.contains(key(d.getName()))) {
        out.add(new String[] {"drops table " + name(d.getName()), DROP_TABLE});
      }
    } else if (st instanceof RenameTableStatement r) {
      r.getTableNames()
          .forEach(
              en -> {
                if (!created.contains(key(en.getKey())))
                  out.add(
                      new String[] {
                        "renames table " + name(en.getKey()) + " to " + name(en.getValue()),
                        RENAME_TABLE
                      });
              });
    } else if (st instanceof Alter a && a.getAlterExpressions() != null) {
      String table = name(a.getTable());
      boolean scratch = created.contains(key(a.getTable()));
      for (AlterExpression e : a.getAlterExpressions()) {
        String[] c = alter(table, e);
        if (c != null && !scratch) out.add(c);
      }
    } else if (st instanceof Execute x
        && x.getName() != null
        && x.getName().toLowerCase(Locale.ROOT).endsWith("sp_rename")
        && x.getExprList() != null) {
      List<String> args = new ArrayList<>();
      for (Object o : x.getExprList())
        args.add(o instanceof StringValue s ? s.getValue() : String.valueOf(o));
      if (args.size() >= 2) {
        boolean column = args.size() >= 3 && args.get(2).equalsIgnoreCase("COLUMN");
        out.add(
            column
                ? new String[] {
                  "renames column " + args.get(0) + " to " + args.get(1), RENAME_COLUMN
                }
                : new String[] {"renames " + args.get(0) + " to " + args.get(1), RENAME_TABLE});
      }
    }
    return out;
  }

  /**
   * What one ALTER TABLE operation does to the running release's schema (description, kind), or
   * null if harmless.
   */
  private static String[] alter(String table, AlterExpression e) {
    List<AlterExpression.ColumnDataType> cols =
        e.getColDataTypeList() == null ? List.of() : e.getColDataTypeList();
    switch (e.getOperation()) {
      case DROP:
        return dropped(table, e);
      case RENAME:
        if (e.getColumnOldName() != null && e.getColumnName() != null) {
          return new String[] {
            "renames column " + table + "." + e.getColumnOldName() + " to " + e.getColumnName(),
            RENAME_COLUMN
          };
        }
        return null;
      case RENAME_TABLE:
        return new String[] {"renames table " + table + " to " + e.getNewTableName(), RENAME_TABLE};
      case ADD:
        return added(table, cols);
      case ALTER:
        return altered(table, cols);
      case MODIFY:
        return modified(table, cols);
      case CHANGE:
        return changed(table, e.getColumnOldName(), cols);
      default:
        return null;
    }
  }

  private static String[] dropped(String table, AlterExpression e) {
    if (e.getConstraintName() != null || e.getIndex() != null) return null;
    if (e.getColumnName() != null)
      return new String[] {"drops column " + table + "." + e.getColumnName(), DROP_COLUMN};
    if (e.getPkColumns() != null && !e.getPkColumns().isEmpty()) {
      // Oracle's DROP (a, b): the parser keeps the column list where it keeps key columns.
      return new String[] {
        "drops columns "
            + String.join(", ", e.getPkColumns().stream().map(c -> table + "." + c).toList()),
        DROP_COLUMN
      };
    }
    return null;
  }

  private static String[] added(String table, List<AlterExpression.ColumnDataType> cols) {
    for (ColumnDefinition c : cols) {
      List<String> specs = upper(c.getColumnSpecs());
      boolean notNull = has(specs, "NOT", "NULL") || has(specs, "PRIMARY", "KEY");
      if (notNull && !hasDefault(c, specs)) {
        return new String[] {
          "adds NOT NULL column " + table + "." + c.getColumnName() + " without a default", NOT_NULL
        };
      }
    }
    return null;
  }

  private static String[] altered(String table, List<AlterExpression.ColumnDataType> cols) {
    for (ColumnDefinition c : cols) {
      List<String> specs = upper(c.getColumnSpecs());
      if (c.getColDataType() == null) continue; // DROP NOT NULL, DROP DEFAULT
      String type = c.getColDataType().toString().replace(" (", "(");
      if (type.equalsIgnoreCase("SET")) {
        if (specs.equals(List.of("NOT", "NULL")))
          return new String[] {
            "makes column " + table + "." + c.getColumnName() + " NOT NULL", NOT_NULL
          };
        continue;
      }
      return new String[] {
        "changes the type of column " + table + "." + c.getColumnName() + " to " + type, TYPE
      };
    }
    return null;
  }

  private static String[] modified(String table, List<AlterExpression.ColumnDataType> cols) {
    for (ColumnDefinition c : cols) {
      if (c.getColDataType() == null) {
        // Oracle's MODIFY (c NOT NULL) changes only the nullability.
        if (upper(c.getColumnSpecs()).equals(List.of("NOT", "NULL"))) {
          return new String[] {
            "makes column " + table + "." + c.getColumnName() + " NOT NULL", NOT_NULL
          };
        }
        continue;
      }
      return new String[] {
        "redefines column "
            + table
            + "."
            + c.getColumnName()
            + " as "
            + c.toStringDataTypeAndSpec().replace(" (", "("),
        TYPE
      };
    }
    return null;
  }

  /** MySQL's CHANGE old new TYPE: a rename when the names differ, else a redefinition. */
  private static String[] changed(
      String table, String old, List<AlterExpression.ColumnDataType> cols) {
    if (cols.isEmpty()) return null;
    ColumnDefinition c = cols.get(0);
    if (old != null && !unquote(old).equalsIgnoreCase(unquote(c.getColumnName()))) {
      return new String[] {
        "renames column " + table + "." + old + " to " + c.getColumnName(), RENAME_COLUMN
      };
    }
    return new String[] {
      "redefines column "
          + table
          + "."
          + c.getColumnName()
          + " as "
          + c.toStringDataTypeAndSpec().replace(" (", "("),
      TYPE
    };
  }

  /**
   * A DEFAULT clause, a generated or identity value, auto-increment, or a serial type give new rows
   * a value.
   */
  private static boolean hasDefault(ColumnDefinition c, List<String> specs) {
    String type =
        c.getColDataType() == null ? "" : c.getColDataType().getDataType().toUpperCase(Locale.ROOT);
    return specs.contains("DEFAULT")
        || specs.contains("GENERATED")
        || specs.contains("AUTO_INCREMENT")
        || specs.contains("AUTOINCREMENT")
        || specs.contains("IDENTITY")
        || specs.stream().anyMatch(s -> s.startsWith("IDENTITY("))
        || type.endsWith("SERIAL");
  }

  private static boolean has(List<String> specs, String a, String b) {
    for (int i = 0; i + 1 < specs.size(); i++)
      if (specs.get(i).equals(a) && specs.get(i + 1).equals(b)) return true;
    return false;
  }

  private static List<String> upper(List<String> specs) {
    if (specs == null) return List.of();
    return specs.stream().map(s -> s.toUpperCase(Locale.ROOT)).toList();
  }

  private static String name(Table t) {
    return t.getFullyQualifiedName();
  }

  private static String key(Table t) {
    return t == null ? "" : unquote(t.getName()).toLowerCase(Locale.ROOT);
  }

  private static String key(String name) {
    if (name == null) return "";
    String n = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
    return unquote(n).toLowerCase(Locale.ROOT);
  }

  private static String unquote(String s) {
    if (s == null) return "";
    if (s.length() >= 2 && "\"`[".indexOf(s.charAt(0)) >= 0) return s.substring(1, s.length() - 1);
    return s;
  }

  private static String firstWord(String text) {
    int i = 0;
    while (i < text.length() && Character.isLetter(text.charAt(i))) i++;
    return text.substring(0, i).toUpperCase(Locale.ROOT);
  }

  /**
   * Lists {@code file} among the skipped files when some of its SQL statements (at {@code lines})
   * were not understood: their schema changes are not analysed.
   */
  static void skipUnparsed(String file, List<Integer> lines, List<SkippedFile> skipped) {
    if (lines.isEmpty()) return;
    skipped.add(
        new SkippedFile(
            file,
            "SQL statement(s) at line "
                + String.join(", ", lines.stream().map(String::valueOf).toList())
                + " not understood by the SQL parser; their schema changes are not analysed"));
  }
}
