package dev.relplan.code.python;

import dev.relplan.model.Migration;
import dev.relplan.parse.python.PyFile;
import dev.relplan.parse.python.PyNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Alembic revisions: the operations in {@code upgrade()} that break the release still running while
 * (or after rolling back) the migration is applied — dropped or renamed tables and columns, and
 * columns made or added NOT NULL without a server default.
 */
final class AlembicMigrations {
  private final PyFile f;

  AlembicMigrations(PyFile f) {
    this.f = f;
  }

  List<Migration> find() {
    List<Migration> out = new ArrayList<>();
    PyNode upgrade = upgradeFunction();
    if (upgrade == null) return out;
    for (PyNode call : upgrade.all("call")) operation(call, out);
    return out;
  }

  /** The module-level {@code upgrade()} function, the last one when there are several. */
  private PyNode upgradeFunction() {
    PyNode upgrade = null;
    for (PyNode def : f.root.all("function_definition")) {
      if (def.ancestor("function_definition") == null
          && def.field("name") != null
          && def.field("name").text().equals("upgrade")) upgrade = def;
    }
    return upgrade;
  }

  /**
   * One {@code op.X(...)} or batch {@code batch_op.X(...)} call; in a batch the table is the
   * context's and the first argument is the column.
   */
  private void operation(PyNode call, List<Migration> out) {
    PyNode fn = call.field("function");
    if (fn == null || !fn.is("attribute") || fn.field("attribute") == null) return;
    String table = operationsTable(fn.field("object"));
    if (table == null) return;
    boolean batch = !table.isEmpty();
    String op = fn.field("attribute").text();
    List<PyNode> args = PyFile.positional(call);
    String first = args.isEmpty() ? null : args.get(0).stringValue();
    String second = args.size() < 2 ? null : args.get(1).stringValue();
    String tableName = batch ? table : first;
    String column = batch ? first : second;
    switch (op) {
      case "drop_column" ->
          out.add(
              migration(
                  call,
                  "drops column " + name(tableName, column),
                  "the previous release still reads or writes that column and fails once it is gone"));
      case "drop_table" ->
          out.add(
              migration(
                  call,
                  "drops table " + (first == null ? "?" : first),
                  "the previous release still queries that table"));
      case "rename_table" ->
          out.add(
              migration(
                  call,
                  "renames table " + first + " to " + second,
                  "the previous release still uses the old table name"));
      case "alter_column" -> alterColumn(call, name(tableName, column), out);
      case "add_column" -> {
        PyNode columnArg =
            batch ? (args.isEmpty() ? null : args.get(0)) : (args.size() < 2 ? null : args.get(1));
        addColumn(call, columnArg, tableName, out);
      }
      default -> {
        // additive or neutral operation
      }
    }
  }

  /** A column renamed, or made NOT NULL without a server default. */
  private void alterColumn(PyNode call, String qualifiedColumn, List<Migration> out) {
    Map<String, PyNode> kwargs = PyFile.kwargs(call);
    PyNode rename = kwargs.get("new_column_name");
    PyNode nullable = kwargs.get("nullable");
    if (rename != null) {
      out.add(
          migration(
              call,
              "renames column " + qualifiedColumn + " to " + rename.stringValue(),
              "the previous release still uses the old column name"));
    } else if (nullable != null
        && nullable.text().equals("False")
        && !kwargs.containsKey("server_default")) {
      out.add(
          migration(
              call,
              "makes column " + qualifiedColumn + " NOT NULL without a server default",
              "the previous release inserts rows without a value for it, which now fail"));
    }
  }

  /** A {@code sa.Column(...)} added with {@code nullable=False} and no server default. */
  private void addColumn(PyNode call, PyNode columnArg, String tableName, List<Migration> out) {
    if (columnArg == null || !columnArg.is("call")) return;
    Map<String, PyNode> ck = PyFile.kwargs(columnArg);
    List<PyNode> cargs = PyFile.positional(columnArg);
    String added = cargs.isEmpty() ? "?" : cargs.get(0).stringValue();
    boolean notNull = ck.containsKey("nullable") && ck.get("nullable").text().equals("False");
    if (notNull && !ck.containsKey("server_default")) {
      out.add(
          migration(
              call,
              "adds NOT NULL column " + name(tableName, added) + " without a server default",
              "the previous release inserts rows without that column, which now fail"));
    }
  }

  /**
   * "" for Alembic's op module, the table name for a batch_alter_table context, null for anything
   * else.
   */
  private String operationsTable(PyNode receiver) {
    if (receiver == null) return null;
    if ("alembic.op".equals(f.qualify(receiver))) return "";
    PyNode origin = f.origin(receiver);
    if (origin == null) return null;
    PyNode fn = origin.field("function");
    if (fn != null
        && fn.is("attribute")
        && fn.field("attribute") != null
        && fn.field("attribute").text().equals("batch_alter_table")
        && "alembic.op".equals(f.qualify(fn.field("object")))) {
      List<PyNode> args = PyFile.positional(origin);
      String t = args.isEmpty() ? null : args.get(0).stringValue();
      return t == null ? "?" : t;
    }
    return null;
  }

  private Migration migration(PyNode call, String change, String why) {
    PyNode fn = call.field("function");
    return new Migration(f.file, "Alembic", change, why, f.at(fn.field("attribute")));
  }

  private static String name(String table, String column) {
    return (table == null ? "?" : table) + "." + (column == null ? "?" : column);
  }
}
