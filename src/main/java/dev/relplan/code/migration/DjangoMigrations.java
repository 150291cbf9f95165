package dev.relplan.code.migration;

import dev.relplan.discover.SourceFile;
import dev.relplan.model.Migration;
import dev.relplan.parse.treesitter.TreeSitterNatives;
import dev.relplan.source.Location;
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
import org.treesitter.TSTree;
import org.treesitter.TreeSitterPython;

/**
 * Django migrations ({@code migrations/0001_name.py}), parsed with tree-sitter: the operations of
 * the {@code Migration} class that the release still running cannot work with — RemoveField,
 * RenameField, DeleteModel, RenameModel, AlterField with {@code null=False}, AddField of a NOT NULL
 * column without a database default (Django drops the default it adds the column with), and RunSQL
 * statements, read with the SQL parser.
 */
final class DjangoMigrations {
  private static final Pattern NAME = Pattern.compile("(^|.*/)migrations/\\d{4}_[^/]*\\.py");

  /** Field types that add no column (many-to-many uses a join table) or compute their own value. */
  private static final Set<String> NO_COLUMN = Set.of("ManyToManyField", "GeneratedField");

  private final TSParser parser;
  private SourceFile file;
  private byte[] bytes;

  DjangoMigrations() {
    parser = TreeSitterNatives.newParser();
    parser.setLanguage(new TreeSitterPython());
  }

  static boolean isCandidate(String display) {
    return NAME.matcher(display).matches();
  }

  void scan(SourceFile f, List<Migration> out, List<SkippedFile> skipped) {
    file = f;
    bytes = f.content().getBytes(StandardCharsets.UTF_8);
    TSTree tree = parser.parseString(null, f.content());
    TSNode root = tree.getRootNode();
    if (!importsDjangoMigrations(root)) return;
    if (root.hasError()) {
      skipped.add(
          new SkippedFile(
              f.display(), "Python syntax error; its migration operations are not analysed"));
      return;
    }
    List<Integer> unparsed = new ArrayList<>();
    for (TSNode cls : named(root)) {
      if (!cls.getType().equals("class_definition")) continue;
      TSNode body = cls.getChildByFieldName("body");
      if (body == null || body.isNull()) continue;
      for (TSNode stmt : named(body)) {
        TSNode assign =
            stmt.getType().equals("expression_statement") && stmt.getNamedChildCount() == 1
                ? stmt.getNamedChild(0)
                : null;
        if (assign == null || !assign.getType().equals("assignment")) continue;
        TSNode left = assign.getChildByFieldName("left");
        TSNode right = assign.getChildByFieldName("right");
        if (left == null
            || right == null
            || left.isNull()
            || right.isNull()
            || !text(left).equals("operations")
            || !right.getType().equals("list")) continue;
        for (TSNode op : named(right))
          if (op.getType().equals("call")) operation(op, out, unparsed);
      }
    }
    SqlChanges.skipUnparsed(f.display(), unparsed, skipped);
  }

  /** The positional and keyword arguments of one call, as written. */
  private record CallArgs(List<TSNode> positional, Map<String, TSNode> keywords) {
    /** The argument passed by keyword, else at that position, else null. */
    TSNode node(int index, String keyword) {
      return keywords.containsKey(keyword)
          ? keywords.get(keyword)
          : index < positional.size() ? positional.get(index) : null;
    }
  }

  /** One {@code migrations.X(...)} call of the operations list: the changes it makes, if any. */
  private void operation(TSNode call, List<Migration> out, List<Integer> unparsed) {
    TSNode fn = call.getChildByFieldName("function");
    if (fn == null || fn.isNull() || !fn.getType().equals("attribute")) return;
    TSNode object = fn.getChildByFieldName("object");
    TSNode attr = fn.getChildByFieldName("attribute");
    if (object == null || attr == null || !text(object).equals("migrations")) return;
    String op = text(attr);
    CallArgs args = callArgs(call);
    int line = call.getStartPoint().getRow() + 1;
    switch (op) {
      case "RemoveField" ->
          add(
              out,
              line,
              "removes field "
                  + arg(args, 0, "model_name")
                  + "."
                  + arg(args, 1, "name")
                  + " (drops its column)",
              SqlChanges.DROP_COLUMN);
      case "RenameField" ->
          add(
              out,
              line,
              "renames field "
                  + arg(args, 0, "model_name")
                  + "."
                  + arg(args, 1, "old_name")
                  + " to "
                  + arg(args, 2, "new_name")
                  + " (renames its column)",
              SqlChanges.RENAME_COLUMN);
      case "DeleteModel" ->
          add(
              out,
              line,
              "deletes model " + arg(args, 0, "name") + " (drops its table)",
              SqlChanges.DROP_TABLE);
      case "RenameModel" ->
          add(
              out,
              line,
              "renames model "
                  + arg(args, 0, "old_name")
                  + " to "
                  + arg(args, 1, "new_name")
                  + " (renames its table)",
              SqlChanges.RENAME_TABLE);
      case "AlterField", "AddField" -> fieldChange(op.equals("AddField"), args, line, out);
      case "RunSQL" -> runSql(args, out, unparsed);
      default -> {
        // CreateModel, AddIndex, nullable AddField, RunPython, ...: nothing the running release
        // depends on changes
      }
    }
  }

  /** The arguments of a call, comments left out. */
  private CallArgs callArgs(TSNode call) {
    List<TSNode> args = new ArrayList<>();
    Map<String, TSNode> kwargs = new LinkedHashMap<>();
    TSNode argList = call.getChildByFieldName("arguments");
    if (argList != null && !argList.isNull()) {
      for (TSNode a : named(argList)) {
        if (a.getType().equals("keyword_argument"))
          kwargs.put(text(a.getChildByFieldName("name")), a.getChildByFieldName("value"));
        else if (!a.getType().equals("comment")) args.add(a);
      }
    }
    return new CallArgs(args, kwargs);
  }

  /**
   * AlterField to {@code null=False}, or AddField of a column that is neither nullable nor given a
   * database default: rows the previous release writes without the field then fail.
   */
  private void fieldChange(boolean adds, CallArgs args, int line, List<Migration> out) {
    TSNode field = args.node(2, "field");
    if (field == null || !field.getType().equals("call")) return;
    Map<String, TSNode> fk = callArgs(field).keywords();
    TSNode type = field.getChildByFieldName("function");
    String typeName = type == null ? "" : text(type).substring(text(type).lastIndexOf('.') + 1);
    String name = arg(args, 0, "model_name") + "." + arg(args, 1, "name");
    boolean dbDefault = fk.containsKey("db_default");
    if (!adds) {
      if (fk.containsKey("null") && text(fk.get("null")).equals("False") && !dbDefault) {
        add(out, line, "alters field " + name + " to null=False (NOT NULL)", SqlChanges.NOT_NULL);
      }
    } else if (!NO_COLUMN.contains(typeName)
        && !(fk.containsKey("null") && text(fk.get("null")).equals("True"))
        && !dbDefault) {
      add(
          out,
          line,
          "adds NOT NULL field " + name + " without a database default",
          "the previous release inserts rows without a value for it, which now fail (Django removes the default it adds the column with)");
    }
  }

  /** RunSQL: its SQL string read by the SQL parser; lines it cannot read are collected. */
  private void runSql(CallArgs args, List<Migration> out, List<Integer> unparsed) {
    TSNode sql = args.node(0, "sql");
    if (sql == null || !sql.getType().equals("string")) return;
    TSNode content = null;
    for (TSNode c : named(sql)) if (c.getType().equals("string_content")) content = c;
    if (content == null) return;
    SqlChanges.Result r = SqlChanges.analyse(text(content), content.getStartPoint().getRow() + 1);
    for (SqlChanges.Change c : r.changes()) add(out, c.line(), c.change(), c.why());
    unparsed.addAll(r.unparsed());
  }

  private void add(List<Migration> out, int line, String change, String why) {
    out.add(
        new Migration(file.display(), "Django", change, why, new Location(file.display(), line)));
  }

  /** An argument's source text (a string's content without quotes), or "?" when not passed. */
  private String arg(CallArgs args, int index, String keyword) {
    TSNode n = args.node(index, keyword);
    if (n == null) return "?";
    if (n.getType().equals("string")) {
      for (TSNode c : named(n)) if (c.getType().equals("string_content")) return text(c);
      return "";
    }
    return text(n);
  }

  /** {@code from django.db import migrations} at module level. */
  private boolean importsDjangoMigrations(TSNode root) {
    for (TSNode s : named(root)) {
      if (!s.getType().equals("import_from_statement")) continue;
      TSNode module = s.getChildByFieldName("module_name");
      if (module != null
          && !module.isNull()
          && text(module).equals("django.db")
          && text(s).matches("(?s).*\\bmigrations\\b.*")) return true;
    }
    return false;
  }

  private static List<TSNode> named(TSNode n) {
    List<TSNode> out = new ArrayList<>();
    int count = n.getNamedChildCount();
    for (int i = 0; i < count; i++) out.add(n.getNamedChild(i));
    return out;
  }

  private String text(TSNode n) {
    if (n == null || n.isNull()) return "";
    int s = Math.max(0, Math.min(n.getStartByte(), bytes.length));
    int e = Math.max(s, Math.min(n.getEndByte(), bytes.length));
    return new String(bytes, s, e - s, StandardCharsets.UTF_8);
  }
}
