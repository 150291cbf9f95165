package dev.relplan.code.migration;

import dev.relplan.model.Migration;
import dev.relplan.parse.treesitter.SyntaxNode;
import dev.relplan.source.Location;
import dev.relplan.source.SkippedFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * One migration file's reading, for the readers that walk a migration's forward code (EF Core's
 * {@code Up}, Knex's {@code up}, Rails' {@code change}/{@code up}): the tables the migration
 * creates itself, the breaking changes it makes, and the lines of literal SQL the SQL parser could
 * not read. Each reader adds what its tool's operations mean.
 */
abstract class MigrationRevision {
  private final String file;
  private final String tool;
  private final List<Migration> out;

  /** Tables the migration creates: the running release does not use them yet. */
  final Set<String> created = new HashSet<>();

  private final List<Integer> unparsed = new ArrayList<>();

  MigrationRevision(String file, String tool, List<Migration> out) {
    this.file = file;
    this.tool = tool;
    this.out = out;
  }

  /** A skipped file: a syntax error could make the reader misread the migration's operations. */
  static SkippedFile syntaxError(String file, String language, TSNode root) {
    return new SkippedFile(
        file,
        language
            + " syntax error"
            + SyntaxNode.errorLine(root)
            + "; its migration operations are not analysed");
  }

  /** A breaking change at a line of the file. */
  final void add(int line, String change, String why) {
    out.add(new Migration(file, tool, change, why, new Location(file, line)));
  }

  /** Literal SQL the migration runs, starting at {@code firstLine}: read by the SQL parser. */
  final void sql(String text, int firstLine) {
    SqlChanges.Result r = SqlChanges.analyse(text, firstLine);
    for (SqlChanges.Change c : r.changes()) add(c.line(), c.change(), c.why());
    unparsed.addAll(r.unparsed());
  }

  /** One change dropping the named columns of a table (none named: nothing). */
  final void dropColumns(int line, String table, List<String> columns) {
    if (columns.isEmpty()) return;
    List<String> named = columns.stream().map(c -> table + "." + c).toList();
    add(
        line,
        "drops column" + (named.size() > 1 ? "s " : " ") + String.join(", ", named),
        SqlChanges.DROP_COLUMN);
  }

  /** The SQL statements the parser could not read, as a skipped part of the file. */
  final void skipUnparsed(List<SkippedFile> skipped) {
    SqlChanges.skipUnparsed(file, unparsed, skipped);
  }
}
