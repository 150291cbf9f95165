package dev.relplan.code.migration;

import dev.relplan.discover.SourceFile;
import dev.relplan.model.Migration;
import dev.relplan.parse.treesitter.TreeSitterNatives;
import dev.relplan.source.SkippedFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TreeSitterRuby;

/**
 * Rails Active Record migrations ({@code db/migrate/<timestamp>_name.rb}), parsed with tree-sitter
 * Ruby: in the {@code change} or {@code up} method of an {@code ActiveRecord::Migration} subclass,
 * the operations the release still running cannot work with — {@code remove_column(s)}, {@code
 * remove_reference}, {@code rename_column}, {@code drop_table}, {@code rename_table}, {@code
 * change_column}, {@code change_column_null ..., false}, {@code add_column} or {@code
 * add_reference} with {@code null: false} and no {@code default:}, the same operations inside
 * {@code change_table} blocks ({@code t.remove}, {@code t.rename}, …), and {@code execute} SQL read
 * with the SQL parser. Calls inside {@code create_table}, {@code revert} and {@code reversible}'s
 * {@code down} blocks, and the {@code down} method, are not forward changes.
 */
final class RailsMigrations {
  private static final Pattern NAME = Pattern.compile("(.*/)?db/[^/]*migrate/\\d+_[^/]*\\.rb");

  /**
   * Calls whose blocks hold no change to a table the running release uses, and strong_migrations'
   * {@code safety_assured}, whose block the team declares done the expand-and-contract way (the
   * column ignored by a release already deployed).
   */
  private static final Set<String> NOT_FORWARD =
      Set.of("create_table", "create_join_table", "revert", "down", "safety_assured");

  /** The methods of a {@code change_table} block's table object that add columns. */
  private static final Set<String> COLUMN_TYPES =
      Set.of(
          "column",
          "string",
          "text",
          "integer",
          "bigint",
          "float",
          "decimal",
          "numeric",
          "datetime",
          "time",
          "date",
          "binary",
          "blob",
          "boolean",
          "json",
          "jsonb",
          "uuid",
          "timestamp",
          "timestamptz",
          "references",
          "belongs_to");

  private final TSParser parser;

  RailsMigrations() {
    parser = TreeSitterNatives.newParser();
    parser.setLanguage(new TreeSitterRuby());
  }

  static boolean isCandidate(String display) {
    return NAME.matcher(display).matches();
  }

  void scan(SourceFile f, List<Migration> out, List<SkippedFile> skipped) {
    TSNode root = parser.parseString(null, f.content()).getRootNode();
    // A syntax error can swallow the class itself; the file's place says it is a migration.
    if (root.hasError()) {
      skipped.add(MigrationRevision.syntaxError(f.display(), "Ruby", root));
      return;
    }
    RbNode program = RbNode.copy(root, f.content().getBytes(StandardCharsets.UTF_8));
    List<RbNode> forward = forwardMethods(program);
    Revision revision = new Revision(f.display(), out);
    for (RbNode method : forward) revision.createdTables(method);
    for (RbNode method : forward) revision.read(method);
    revision.skipUnparsed(skipped);
  }

  /** The {@code change} and {@code up} methods of the file's ActiveRecord::Migration classes. */
  private static List<RbNode> forwardMethods(RbNode program) {
    List<RbNode> out = new ArrayList<>();
    for (RbNode cls : program.all("class")) {
      RbNode superclass = cls.field("superclass");
      if (superclass == null || !superclass.text().contains("ActiveRecord::Migration")) continue;
      RbNode body = cls.field("body");
      if (body == null) continue;
      for (RbNode member : body.children) {
        RbNode name = member.field("name");
        boolean method = member.is("method") || member.is("singleton_method");
        if (method && name != null && (name.text().equals("change") || name.text().equals("up")))
          out.add(member);
      }
    }
    return out;
  }

  /** A call's positional and keyword arguments. */
  private record Args(List<RbNode> positional, Map<String, RbNode> keywords) {
    static Args of(RbNode call) {
      List<RbNode> positional = new ArrayList<>();
      Map<String, RbNode> keywords = new LinkedHashMap<>();
      RbNode list = call.field("arguments");
      if (list != null) {
        for (RbNode a : list.children) {
          if (a.is("pair") && a.field("key") != null && a.field("value") != null)
            keywords.put(a.field("key").name().replace(":", ""), a.field("value"));
          else if (!a.is("comment") && !a.is("block_argument")) positional.add(a);
        }
      }
      return new Args(positional, keywords);
    }

    String name(int index) {
      return index < positional.size() ? positional.get(index).name() : "?";
    }

    /** {@code null: false} without a {@code default:} other than nil. */
    boolean notNullWithoutDefault() {
      RbNode nullable = keywords.get("null");
      RbNode fallback = keywords.get("default");
      return nullable != null && nullable.is("false") && (fallback == null || fallback.is("nil"));
    }
  }

  /** One migration file's reading: the tables it creates and the changes it finds. */
  private static final class Revision extends MigrationRevision {
    Revision(String file, List<Migration> out) {
      super(file, "Rails", out);
    }

    /** Tables created by the migration itself are not the running release's. */
    void createdTables(RbNode method) {
      for (RbNode call : method.all("call")) {
        RbNode name = call.field("method");
        if (name != null && name.text().equals("create_table") && call.field("receiver") == null)
          created.add(Args.of(call).name(0));
      }
    }

    void read(RbNode method) {
      for (RbNode call : method.all("call")) {
        if (insideNonForwardBlock(call, method)) continue;
        RbNode name = call.field("method");
        if (name == null) continue;
        RbNode receiver = call.field("receiver");
        if (receiver == null) operation(call, name.text(), Args.of(call));
        else {
          String table = changeTableOf(call, receiver);
          if (table != null && !created.contains(table))
            tableOperation(call, table, name.text(), Args.of(call));
        }
      }
    }

    /** Whether a call sits in the block of create_table, revert or reversible's down. */
    private static boolean insideNonForwardBlock(RbNode call, RbNode method) {
      for (RbNode p = call.parent; p != null && p != method; p = p.parent) {
        if (!p.is("call") || p.field("method") == null || p.field("block") == null) continue;
        if (NOT_FORWARD.contains(p.field("method").text())) return true;
      }
      return false;
    }

    /**
     * The table of the {@code change_table :t do |t| ... end} block whose parameter is the call's
     * receiver, or null.
     */
    private static String changeTableOf(RbNode call, RbNode receiver) {
      if (!receiver.is("identifier")) return null;
      for (RbNode p = call.parent; p != null; p = p.parent) {
        if (!p.is("call") || p.field("method") == null) continue;
        if (!p.field("method").text().equals("change_table")) continue;
        RbNode block = p.field("block");
        RbNode params = block == null ? null : block.field("parameters");
        if (params != null
            && !params.children.isEmpty()
            && params.children.get(0).text().equals(receiver.text())) return Args.of(p).name(0);
      }
      return null;
    }

    /** A migration method called on the migration itself ({@code remove_column :users, :nick}). */
    private void operation(RbNode call, String method, Args args) {
      String table = args.name(0);
      boolean scratch = created.contains(table);
      switch (method) {
        // remove_column's third argument is the column's type; remove_columns names several.
        case "remove_column" -> dropColumns(call, table, List.of(args.name(1)), scratch);
        case "remove_columns" -> dropColumns(call, table, columns(args, 1), scratch);
        case "remove_reference", "remove_belongs_to", "remove_references" ->
            dropColumns(call, table, List.of(args.name(1) + "_id"), scratch);
        case "remove_timestamps" ->
            dropColumns(call, table, List.of("created_at", "updated_at"), scratch);
        case "rename_column" -> {
          if (!scratch)
            add(
                call,
                "renames column " + table + "." + args.name(1) + " to " + args.name(2),
                SqlChanges.RENAME_COLUMN);
        }
        case "drop_table" -> {
          if (!scratch) add(call, "drops table " + table, SqlChanges.DROP_TABLE);
        }
        case "rename_table" -> {
          if (!scratch)
            add(call, "renames table " + table + " to " + args.name(1), SqlChanges.RENAME_TABLE);
        }
        case "change_column" -> {
          if (!scratch) typeChange(call, table, args.name(1), args.name(2));
        }
        case "change_column_null" -> {
          if (!scratch && forbidsNull(args, 2))
            add(
                call,
                "makes column " + table + "." + args.name(1) + " NOT NULL",
                SqlChanges.NOT_NULL);
        }
        case "add_column" -> {
          if (!scratch) notNullColumns(call, table, List.of(args.name(1)), args);
        }
        case "add_reference", "add_belongs_to" -> {
          if (!scratch) notNullColumns(call, table, List.of(args.name(1) + "_id"), args);
        }
        case "execute" -> execute(call, args);
        default -> {
          // add_index, nullable columns, create_table, data updates: nothing the release uses
        }
      }
    }

    /** A method on a change_table block's table object ({@code t.remove :nick}). */
    private void tableOperation(RbNode call, String table, String method, Args args) {
      switch (method) {
        case "remove" -> dropColumns(call, table, columns(args, 0), false);
        case "remove_references", "remove_belongs_to" ->
            dropColumns(call, table, List.of(args.name(0) + "_id"), false);
        case "remove_timestamps" ->
            dropColumns(call, table, List.of("created_at", "updated_at"), false);
        case "rename" ->
            add(
                call,
                "renames column " + table + "." + args.name(0) + " to " + args.name(1),
                SqlChanges.RENAME_COLUMN);
        case "change" -> typeChange(call, table, args.name(0), args.name(1));
        case "change_null" -> {
          if (forbidsNull(args, 1))
            add(
                call,
                "makes column " + table + "." + args.name(0) + " NOT NULL",
                SqlChanges.NOT_NULL);
        }
        default -> {
          if (!COLUMN_TYPES.contains(method)) return;
          boolean reference = method.equals("references") || method.equals("belongs_to");
          List<String> names =
              method.equals("column")
                  ? List.of(args.name(0))
                  : columns(args, 0).stream().map(c -> reference ? c + "_id" : c).toList();
          notNullColumns(call, table, names, args);
        }
      }
    }

    /** The symbol and string arguments from {@code from} on: the columns a call names. */
    private static List<String> columns(Args args, int from) {
      List<String> out = new ArrayList<>();
      for (int i = from; i < args.positional().size(); i++) {
        RbNode a = args.positional().get(i);
        if (a.is("simple_symbol") || a.is("string") || a.is("delimited_symbol")) out.add(a.name());
      }
      return out;
    }

    /**
     * {@code change_column_null ..., false}: a fourth argument only replaces the NULLs already
     * stored (it sets no column default), so rows the running release inserts without the column
     * fail either way.
     */
    private static boolean forbidsNull(Args args, int flagIndex) {
      List<RbNode> p = args.positional();
      return p.size() > flagIndex && p.get(flagIndex).is("false");
    }

    private void dropColumns(RbNode call, String table, List<String> columns, boolean scratch) {
      if (!scratch) dropColumns(call.line, table, columns);
    }

    private void typeChange(RbNode call, String table, String column, String type) {
      add(
          call,
          "changes the type of column " + table + "." + column + " to " + type,
          SqlChanges.TYPE);
    }

    private void notNullColumns(RbNode call, String table, List<String> columns, Args args) {
      if (!args.notNullWithoutDefault()) return;
      for (String c : columns)
        add(
            call,
            "adds NOT NULL column " + table + "." + c + " without a default",
            SqlChanges.NOT_NULL);
    }

    /** {@code execute} of a literal string or heredoc: its SQL read by the SQL parser. */
    private void execute(RbNode call, Args args) {
      if (args.positional().isEmpty()) return;
      RbNode sql = args.positional().get(0);
      if (sql.is("heredoc_beginning")) sql = heredocBody(call);
      String text = sql == null ? null : sql.plainContent();
      if (text == null) return; // interpolated or built at run time: not read
      sql(text, sql.contentLine());
    }

    /** The body of the heredoc a call's argument starts: the first one after the call. */
    private static RbNode heredocBody(RbNode call) {
      RbNode scope = call.parent;
      while (scope != null && scope.parent != null && !scope.is("body_statement"))
        scope = scope.parent;
      if (scope == null) return null;
      for (RbNode body : scope.all("heredoc_body")) if (body.start >= call.end) return body;
      return null;
    }

    private void add(RbNode call, String change, String why) {
      add(call.line, change, why);
    }
  }
}
