package dev.relplan.code.migration;

import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Migration;
import dev.relplan.parse.java.JavaSource;
import dev.relplan.source.Location;
import dev.relplan.source.SkippedFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Flyway Java migrations ({@code V<version>__<name>.java} extending {@code BaseJavaMigration} or
 * implementing {@code JavaMigration}), parsed with JavaParser: the SQL its {@code migrate(Context)}
 * runs through JDBC or Spring's JdbcTemplate ({@code execute}, {@code executeUpdate}, {@code
 * update}, {@code addBatch}, {@code prepareStatement}, …) when written as literals (text blocks,
 * concatenated literals, or a variable or constant of the class holding one), read with the SQL
 * parser. SQL built at run time is not read.
 */
final class FlywayJavaMigrations {
  private static final Pattern NAME = Pattern.compile("(.*/)?V\\d+([._]\\d+)*__[^/]+\\.java");

  /** Methods of JDBC statements and JdbcTemplate that run the SQL passed first. */
  private static final Set<String> RUNS_SQL =
      Set.of(
          "execute",
          "executeUpdate",
          "executeLargeUpdate",
          "update",
          "batchUpdate",
          "addBatch",
          "prepareStatement");

  private static final Set<String> MIGRATION_TYPES = Set.of("BaseJavaMigration", "JavaMigration");

  static boolean isCandidate(String display) {
    return NAME.matcher(display).matches();
  }

  void scan(SourceFile f, List<Migration> out, List<SkippedFile> skipped) {
    ParseResult<CompilationUnit> parsed = JavaSource.parse(f.content());
    if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
      skipped.add(
          new SkippedFile(f.display(), "Java syntax error; its migration SQL is not analysed"));
      return;
    }
    List<Integer> unparsed = new ArrayList<>();
    for (ClassOrInterfaceDeclaration cls :
        parsed.getResult().get().findAll(ClassOrInterfaceDeclaration.class)) {
      if (!isMigration(cls)) continue;
      for (MethodDeclaration m : cls.getMethodsByName("migrate"))
        for (MethodCallExpr call : m.findAll(MethodCallExpr.class))
          runSql(f.display(), cls, call, out, unparsed);
    }
    SqlChanges.skipUnparsed(f.display(), unparsed, skipped);
  }

  private static boolean isMigration(ClassOrInterfaceDeclaration cls) {
    for (ClassOrInterfaceType t : cls.getExtendedTypes())
      if (MIGRATION_TYPES.contains(t.getNameAsString())) return true;
    for (ClassOrInterfaceType t : cls.getImplementedTypes())
      if (MIGRATION_TYPES.contains(t.getNameAsString())) return true;
    return false;
  }

  /** A call running literal SQL: its breaking statements and the lines the parser cannot read. */
  private static void runSql(
      String file,
      ClassOrInterfaceDeclaration cls,
      MethodCallExpr call,
      List<Migration> out,
      List<Integer> unparsed) {
    if (!RUNS_SQL.contains(call.getNameAsString()) || call.getArguments().isEmpty()) return;
    Expression sql = literalOf(cls, call.getArgument(0));
    if (sql == null) return;
    String text = text(sql);
    if (text == null) return; // built at run time: not read
    SqlChanges.Result r = SqlChanges.analyse(text, firstContentLine(sql));
    // A literal passed as is is cited at its statements' lines; SQL held in a variable or
    // concatenated from pieces on lines of their own is cited where the call passes it.
    boolean asWritten = sql == call.getArgument(0) && !(sql instanceof BinaryExpr);
    int passedAt = call.getArgument(0).getBegin().map(p -> p.line).orElse(1);
    for (SqlChanges.Change c : r.changes()) {
      int at = asWritten ? c.line() : passedAt;
      out.add(new Migration(file, "Flyway", c.change(), c.why(), new Location(file, at)));
    }
    unparsed.addAll(asWritten ? r.unparsed() : r.unparsed().stream().map(u -> passedAt).toList());
  }

  /**
   * The argument itself, or the initialiser of the variable or field of the class it names when
   * that is declared once; null for anything else.
   */
  private static Expression literalOf(ClassOrInterfaceDeclaration cls, Expression argument) {
    if (!(argument instanceof NameExpr name)) return argument;
    List<VariableDeclarator> declared =
        cls.findAll(
            VariableDeclarator.class, v -> v.getNameAsString().equals(name.getNameAsString()));
    if (declared.size() != 1) return null;
    Optional<Expression> init = declared.get(0).getInitializer();
    return init.orElse(null);
  }

  /** The value of a string literal, text block or concatenation of them; null otherwise. */
  private static String text(Expression e) {
    if (e instanceof StringLiteralExpr s) return s.asString();
    if (e instanceof TextBlockLiteralExpr t) return t.asString();
    if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
      String left = text(b.getLeft());
      String right = text(b.getRight());
      return left == null || right == null ? null : left + right;
    }
    return null;
  }

  /** The line a literal's text starts on: a text block's content starts below its opening. */
  private static int firstContentLine(Expression e) {
    int line = e.getBegin().map(p -> p.line).orElse(1);
    return e instanceof TextBlockLiteralExpr ? line + 1 : line;
  }
}
