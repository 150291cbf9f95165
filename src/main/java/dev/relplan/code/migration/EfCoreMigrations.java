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
import java.util.regex.Pattern;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TreeSitterCSharp;

/**
 * EF Core migrations (C# classes deriving from {@code Migration} in a {@code Migrations} folder;
 * the generated {@code *.Designer.cs} and model snapshot are not steps), parsed with tree-sitter
 * C#: in {@code Up(MigrationBuilder)}, the operations the release still running cannot work with —
 * {@code DropColumn}, {@code RenameColumn}, {@code DropTable}, {@code RenameTable}, {@code
 * AddColumn<T>} with {@code nullable: false} (EF Core's default) and neither {@code defaultValue}
 * nor {@code defaultValueSql} nor {@code computedColumnSql}, {@code AlterColumn} from {@code
 * oldNullable: true} to NOT NULL or to another {@code type:} — and {@code Sql("...")} read by the
 * SQL parser. Tables the same migration creates are not the running release's.
 */
final class EfCoreMigrations {
  private static final Pattern NAME = Pattern.compile("(.*/)?[Mm]igrations/([^/]+/)*[^/]+\\.cs");

  private final TSParser parser;

  EfCoreMigrations() {
    parser = TreeSitterNatives.newParser();
    parser.setLanguage(new TreeSitterCSharp());
  }

  static boolean isCandidate(String display) {
    return NAME.matcher(display).matches()
        && !display.endsWith(".Designer.cs")
        && !display.endsWith("ModelSnapshot.cs");
  }

  void scan(SourceFile f, List<Migration> out, List<SkippedFile> skipped) {
    TSNode root = parser.parseString(null, f.content()).getRootNode();
    CsMigrationNode unit = CsMigrationNode.copy(root, f.content().getBytes(StandardCharsets.UTF_8));
    List<CsMigrationNode> ups = upMethods(unit);
    if (ups.isEmpty()) return;
    if (root.hasError()) {
      skipped.add(MigrationRevision.syntaxError(f.display(), "C#", root));
      return;
    }
    Revision revision = new Revision(f.display(), out);
    for (CsMigrationNode up : ups) revision.read(up);
    revision.skipUnparsed(skipped);
  }

  /** The {@code Up} methods of classes whose base list names {@code Migration}. */
  private static List<CsMigrationNode> upMethods(CsMigrationNode unit) {
    List<CsMigrationNode> out = new ArrayList<>();
    for (CsMigrationNode cls : unit.all("class_declaration")) {
      if (!derivesFromMigration(cls)) continue;
      CsMigrationNode body = cls.field("body");
      if (body == null) continue;
      for (CsMigrationNode m : body.children) {
        CsMigrationNode name = m.field("name");
        if (m.is("method_declaration") && name != null && name.text().equals("Up")) out.add(m);
      }
    }
    return out;
  }

  private static boolean derivesFromMigration(CsMigrationNode cls) {
    for (CsMigrationNode c : cls.children) {
      if (!c.is("base_list")) continue;
      for (CsMigrationNode base : c.children) {
        String t = base.text();
        if (t.equals("Migration") || t.endsWith(".Migration")) return true;
      }
    }
    return false;
  }

  /** A call's arguments, by name when named, else by position. */
  private record Args(List<CsMigrationNode> positional, Map<String, CsMigrationNode> named) {
    static Args of(CsMigrationNode call) {
      List<CsMigrationNode> positional = new ArrayList<>();
      Map<String, CsMigrationNode> named = new LinkedHashMap<>();
      CsMigrationNode list = call.field("arguments");
      if (list != null) {
        for (CsMigrationNode a : list.children) {
          if (!a.is("argument") || a.children.isEmpty()) continue;
          CsMigrationNode name = a.field("name");
          CsMigrationNode value = a.children.get(a.children.size() - 1);
          if (name != null) named.put(name.text(), value);
          else positional.add(value);
        }
      }
      return new Args(positional, named);
    }

    /** The argument by name, else at its position in the method's signature; null if absent. */
    CsMigrationNode node(String name, int index) {
      if (named.containsKey(name)) return named.get(name);
      return index >= 0 && index < positional.size() ? positional.get(index) : null;
    }

    String value(String name, int index) {
      CsMigrationNode n = node(name, index);
      if (n == null) return "?";
      String s = n.stringValue();
      return s != null ? s : n.text();
    }

    boolean isTrue(String name) {
      return named.containsKey(name) && named.get(name).text().equals("true");
    }
  }

  /** One migration's {@code Up} read. */
  private static final class Revision extends MigrationRevision {
    Revision(String file, List<Migration> out) {
      super(file, "EF Core", out);
    }

    void read(CsMigrationNode up) {
      String builder = builderParameter(up);
      if (builder == null) return;
      List<CsMigrationNode> calls = new ArrayList<>();
      for (CsMigrationNode call : up.all("invocation_expression")) {
        CsMigrationNode fn = call.field("function");
        if (fn == null || !fn.is("member_access_expression")) continue;
        CsMigrationNode target = fn.field("expression");
        if (target != null && target.text().equals(builder)) calls.add(call);
      }
      for (CsMigrationNode call : calls)
        if (operation(call).equals("CreateTable")) created.add(Args.of(call).value("name", 0));
      for (CsMigrationNode call : calls) operation(call, operation(call), Args.of(call));
    }

    /** The name of Up's MigrationBuilder parameter. */
    private static String builderParameter(CsMigrationNode up) {
      CsMigrationNode params = up.field("parameters");
      if (params == null) return null;
      for (CsMigrationNode p : params.children) {
        CsMigrationNode name = p.field("name");
        if (p.is("parameter") && name != null) return name.text();
      }
      return null;
    }

    /** The operation a builder call invokes ({@code AddColumn<string>}: AddColumn). */
    private static String operation(CsMigrationNode call) {
      CsMigrationNode name = call.field("function").field("name");
      if (name == null) return "";
      if (name.is("generic_name") && !name.children.isEmpty()) return name.children.get(0).text();
      return name.text();
    }

    private void operation(CsMigrationNode call, String op, Args args) {
      String table =
          args.value(op.endsWith("Table") ? "name" : "table", op.endsWith("Table") ? 0 : 1);
      if (created.contains(table)) return;
      switch (op) {
        case "DropColumn" ->
            add(
                call.line,
                "drops column " + table + "." + args.value("name", 0),
                SqlChanges.DROP_COLUMN);
        case "RenameColumn" ->
            add(
                call.line,
                "renames column "
                    + table
                    + "."
                    + args.value("name", 0)
                    + " to "
                    + args.value("newName", 2),
                SqlChanges.RENAME_COLUMN);
        case "DropTable" -> add(call.line, "drops table " + table, SqlChanges.DROP_TABLE);
        case "RenameTable" ->
            add(
                call.line,
                "renames table " + table + " to " + args.value("newName", 2),
                SqlChanges.RENAME_TABLE);
        case "AddColumn" -> addColumn(call, table, args);
        case "AlterColumn" -> alterColumn(call, table, args);
        case "Sql" -> sql(args);
        default -> {
          // CreateTable, CreateIndex, AddForeignKey, InsertData, ...: nothing the release uses
        }
      }
    }

    /** EF Core's {@code nullable} defaults to false: NOT NULL unless given a value source. */
    private void addColumn(CsMigrationNode call, String table, Args args) {
      if (args.isTrue("nullable")) return;
      if (args.named().containsKey("defaultValue")
          || args.named().containsKey("defaultValueSql")
          || args.named().containsKey("computedColumnSql")) return;
      add(
          call.line,
          "adds NOT NULL column " + table + "." + args.value("name", 0) + " without a default",
          SqlChanges.NOT_NULL);
    }

    /** A column made NOT NULL (from {@code oldNullable: true}), or given another column type. */
    private void alterColumn(CsMigrationNode call, String table, Args args) {
      String column = table + "." + args.value("name", 0);
      if (args.isTrue("oldNullable") && !args.isTrue("nullable")) {
        add(call.line, "makes column " + column + " NOT NULL", SqlChanges.NOT_NULL);
        return;
      }
      CsMigrationNode type = args.named().get("type");
      CsMigrationNode oldType = args.named().get("oldType");
      String newType = type == null ? null : type.stringValue();
      String previous = oldType == null ? null : oldType.stringValue();
      if (newType != null && previous != null && !newType.equalsIgnoreCase(previous))
        add(call.line, "changes the type of column " + column + " to " + newType, SqlChanges.TYPE);
    }

    /** {@code Sql("...")} of a literal: its SQL read by the SQL parser. */
    private void sql(Args args) {
      CsMigrationNode sql = args.node("sql", 0);
      String text = sql == null ? null : sql.stringValue();
      if (text == null) return; // built at run time: not read
      sql(text, sql.line);
    }
  }
}
