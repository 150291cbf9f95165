package dev.relplan.code.migration;

import dev.relplan.discover.SourceFile;
import dev.relplan.model.Migration;
import dev.relplan.parse.javascript.JsNode;
import dev.relplan.parse.javascript.JsParser;
import dev.relplan.source.SkippedFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.treesitter.TSNode;

/**
 * Knex migrations (JavaScript or TypeScript modules in a {@code migrations} folder), parsed with
 * the code scanner's tree-sitter grammars: in the module's {@code up} function ({@code exports.up},
 * {@code export async function up(knex)}, an {@code up} member of the exported object), the schema
 * builder calls on its knex parameter that the release still running cannot work with — {@code
 * dropTable}, {@code renameTable}, and inside {@code alterTable}/{@code table} callbacks {@code
 * dropColumn(s)}, {@code renameColumn}, {@code dropTimestamps}, {@code dropNullable}, a column
 * added {@code .notNullable()} without {@code .defaultTo(...)}, and {@code .alter()} of a column —
 * and {@code knex.raw} SQL read by the SQL parser. Tables created by the same migration are not the
 * running release's.
 */
final class KnexMigrations {
  private static final Pattern NAME =
      Pattern.compile("(.*/)?migrations/([^/]+/)*[^/]+\\.(js|cjs|mjs|ts|cts|mts)");

  /** The table builder's methods that add a column. */
  private static final Set<String> COLUMN_TYPES =
      Set.of(
          "integer",
          "bigInteger",
          "bigint",
          "tinyint",
          "smallint",
          "mediumint",
          "text",
          "string",
          "float",
          "double",
          "decimal",
          "boolean",
          "date",
          "datetime",
          "time",
          "timestamp",
          "binary",
          "enum",
          "enu",
          "json",
          "jsonb",
          "uuid",
          "specificType",
          "geometry",
          "geography",
          "point");

  /** Column types whose values the database generates. */
  private static final Set<String> GENERATED = Set.of("increments", "bigIncrements");

  static boolean isCandidate(String display) {
    return NAME.matcher(display).matches() && !display.endsWith(".d.ts");
  }

  void scan(SourceFile f, List<Migration> out, List<SkippedFile> skipped) {
    TSNode root = JsParser.tree(f.display(), f.content()).getRootNode();
    JsNode program = JsNode.copy(root, f.content().getBytes(StandardCharsets.UTF_8));
    List<JsNode> ups = upFunctions(program);
    if (ups.isEmpty()) return;
    if (root.hasError()) {
      skipped.add(MigrationRevision.syntaxError(f.display(), JsParser.language(f.display()), root));
      return;
    }
    Revision revision = new Revision(f.display(), out);
    for (JsNode up : ups) revision.read(up);
    revision.skipUnparsed(skipped);
  }

  /** The module-level functions named {@code up}, however the module exports them. */
  private static List<JsNode> upFunctions(JsNode program) {
    List<JsNode> out = new ArrayList<>();
    for (String type :
        List.of("function_declaration", "variable_declarator", "pair", "method_definition")) {
      for (JsNode n : program.all(type)) {
        if (n.function() != null) continue;
        JsNode name = n.field(n.is("pair") ? "key" : "name");
        if (name == null || !unquoted(name).equals("up")) continue;
        JsNode fn = n.is("variable_declarator") || n.is("pair") ? n.field("value") : n;
        if (fn != null && JsNode.isFunction(fn.unwrap())) out.add(fn.unwrap());
      }
    }
    for (JsNode a : program.all("assignment_expression")) {
      JsNode left = a.field("left");
      JsNode right = a.field("right");
      if (a.function() != null || left == null || right == null || !left.is("member_expression"))
        continue;
      String target = left.text().replace(" ", "");
      if ((target.equals("exports.up") || target.equals("module.exports.up"))
          && JsNode.isFunction(right.unwrap())) out.add(right.unwrap());
    }
    return out;
  }

  private static String unquoted(JsNode name) {
    String value = name.stringValue();
    return value != null ? value : name.text();
  }

  /** The name of a function's first parameter, or null. */
  static String firstParameter(JsNode fn) {
    JsNode params = fn.field("parameters");
    if (params == null) params = fn.field("parameter"); // an arrow function's bare parameter
    if (params == null) return null;
    if (params.is("identifier")) return params.text();
    for (JsNode p : params.children) {
      JsNode name =
          p.is("required_parameter") || p.is("optional_parameter") ? p.field("pattern") : p;
      return name != null && name.is("identifier") ? name.text() : null;
    }
    return null;
  }

  /** One migration module's {@code up} function read. */
  private static final class Revision extends MigrationRevision {
    Revision(String file, List<Migration> out) {
      super(file, "Knex", out);
    }

    void read(JsNode up) {
      String knex = firstParameter(up);
      if (knex == null) return;
      List<JsNode> schemaCalls = new ArrayList<>();
      for (JsNode call : up.all("call_expression")) {
        String method = method(call);
        if (method == null) continue;
        if (method.equals("raw")) {
          if (rootedAt(call, knex, false) || rootedAt(call, knex, true)) raw(call);
        } else if (rootedAt(call, knex, true)) schemaCalls.add(call);
      }
      for (JsNode call : schemaCalls)
        if (method(call).startsWith("createTable")) created.add(argument(call, 0));
      for (JsNode call : schemaCalls) schemaCall(call, method(call));
    }

    /** {@code knex.schema.X(...)} (after any chained schema calls). */
    private void schemaCall(JsNode call, String method) {
      String table = argument(call, 0);
      if (created.contains(table)) return;
      // A chained call starts where the chain does: it is cited at its method name's line.
      int line = call.field("function").field("property").line;
      switch (method) {
        case "dropTable", "dropTableIfExists" ->
            add(line, "drops table " + table, SqlChanges.DROP_TABLE);
        case "renameTable" ->
            add(
                line,
                "renames table " + table + " to " + argument(call, 1),
                SqlChanges.RENAME_TABLE);
        case "alterTable", "table" -> tableCallback(call, table);
        default -> {
          // createTable, hasColumn, raw, withSchema: nothing the running release uses changes
        }
      }
    }

    /** The calls on an alterTable/table callback's table builder. */
    private void tableCallback(JsNode call, String table) {
      JsNode args = call.field("arguments");
      if (args == null || args.children.size() < 2) return;
      JsNode callback = args.children.get(1).unwrap();
      if (!JsNode.isFunction(callback)) return;
      String builder = firstParameter(callback);
      if (builder == null) return;
      for (JsNode c : callback.all("call_expression")) {
        JsNode fn = c.field("function");
        if (fn == null || !fn.is("member_expression")) continue;
        JsNode object = fn.field("object");
        if (object == null || !object.is("identifier") || !object.text().equals(builder)) continue;
        columnCall(c, table, method(c));
      }
    }

    /** One {@code table.X(...)} call of an alterTable callback and the modifiers chained on it. */
    private void columnCall(JsNode call, String table, String method) {
      switch (method) {
        case "dropColumn", "dropColumns" -> dropColumns(call, table, stringArguments(call));
        case "dropTimestamps" -> dropColumns(call, table, List.of("created_at", "updated_at"));
        case "renameColumn" ->
            add(
                call.line,
                "renames column " + table + "." + argument(call, 0) + " to " + argument(call, 1),
                SqlChanges.RENAME_COLUMN);
        case "dropNullable" ->
            add(
                call.line,
                "makes column " + table + "." + argument(call, 0) + " NOT NULL",
                SqlChanges.NOT_NULL);
        default -> {
          if (COLUMN_TYPES.contains(method)) column(call, table, method);
        }
      }
    }

    /**
     * A column added, or redefined with {@code .alter()}: NOT NULL without {@code .defaultTo}
     * breaks inserts of the running release; a redefinition also changes its type.
     */
    private void column(JsNode call, String table, String type) {
      Set<String> modifiers = new HashSet<>();
      for (JsNode n = call; isChained(n); n = n.parent.parent)
        modifiers.add(method(n.parent.parent));
      String column = table + "." + argument(call, 0);
      boolean notNull = modifiers.contains("notNullable") || modifiers.contains("primary");
      boolean fallback = modifiers.contains("defaultTo") || GENERATED.contains(type);
      if (notNull && !fallback) {
        add(
            call.line,
            modifiers.contains("alter")
                ? "makes column " + column + " NOT NULL"
                : "adds NOT NULL column " + column + " without a default",
            SqlChanges.NOT_NULL);
      } else if (modifiers.contains("alter")) {
        add(call.line, "changes the type of column " + column + " to " + type, SqlChanges.TYPE);
      }
    }

    /** Whether a method is called on the node's value ({@code node.notNullable()}). */
    private static boolean isChained(JsNode n) {
      JsNode member = n.parent;
      return member != null
          && member.is("member_expression")
          && member.field("object") == n
          && member.parent != null
          && member.parent.is("call_expression")
          && member.parent.field("function") == member;
    }

    private void dropColumns(JsNode call, String table, List<String> columns) {
      dropColumns(call.line, table, columns);
    }

    /** {@code knex.raw('...')} of a literal: its SQL read by the SQL parser. */
    private void raw(JsNode call) {
      JsNode args = call.field("arguments");
      if (args == null || args.children.isEmpty()) return;
      JsNode sql = args.children.get(0);
      String text = sql.stringValue();
      if (text == null) return; // built at run time: not read
      sql(text, sql.line);
    }
  }

  /** The method a call invokes ({@code x.y.dropTable(...)}: dropTable), or null. */
  private static String method(JsNode call) {
    JsNode fn = call.field("function");
    if (fn == null || !fn.is("member_expression") || fn.field("property") == null) return null;
    return fn.field("property").text();
  }

  /**
   * Whether a call's receiver chain starts at the knex parameter ({@code knex.raw}), through its
   * {@code schema} builder when asked ({@code knex.schema.withSchema('s').alterTable}).
   */
  private static boolean rootedAt(JsNode call, String knex, boolean throughSchema) {
    boolean schema = false;
    JsNode n = call.field("function").field("object");
    while (n != null) {
      n = n.unwrap();
      if (n.is("identifier")) return n.text().equals(knex) && schema == throughSchema;
      if (n.is("call_expression")) n = n.field("function");
      else if (n.is("member_expression")) {
        JsNode property = n.field("property");
        if (property != null && property.text().equals("schema")) schema = true;
        n = n.field("object");
      } else if (n.is("await_expression") && !n.children.isEmpty()) n = n.children.get(0);
      else return false;
    }
    return false;
  }

  /** An argument's string value, else its source text, "?" when not passed. */
  private static String argument(JsNode call, int index) {
    JsNode args = call.field("arguments");
    if (args == null || index >= args.children.size()) return "?";
    JsNode a = args.children.get(index);
    String value = a.stringValue();
    return value != null ? value : a.text();
  }

  private static List<String> stringArguments(JsNode call) {
    List<String> out = new ArrayList<>();
    JsNode args = call.field("arguments");
    if (args == null) return out;
    for (JsNode a : args.children) if (a.stringValue() != null) out.add(a.stringValue());
    return out;
  }
}
