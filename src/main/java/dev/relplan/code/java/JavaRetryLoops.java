package dev.relplan.code.java;

import com.github.javaparser.Position;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import dev.relplan.code.RetryLoops;
import dev.relplan.code.TreeRetryLoops;
import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import dev.relplan.source.Location;
import java.util.Locale;
import java.util.Set;

/**
 * A retry loop written by hand around a call (docs/client-defaults.md, "Retry loops written by
 * hand"): a counting {@code for}, a {@code while} or a {@code do ... while} loop in the same method
 * or lambda whose body holds the call, a wait ({@code Thread.sleep}, {@code TimeUnit.X.sleep}) and
 * a break or return.
 */
final class JavaRetryLoops {
  private static final String TIME_UNIT = "java.util.concurrent.TimeUnit";
  private static final Set<String> TIME_UNITS =
      Set.of("NANOSECONDS", "MICROSECONDS", "MILLISECONDS", "SECONDS", "MINUTES", "HOURS", "DAYS");

  private final FileContext ctx;
  private final boolean timeUnitImported;

  JavaRetryLoops(FileContext ctx) {
    this.ctx = ctx;
    boolean imported = false;
    for (ImportDeclaration i : ctx.cu.getImports()) {
      String name = i.getNameAsString();
      if (!i.isStatic() && !i.isAsterisk() && name.equals(TIME_UNIT)) imported = true;
      if (!i.isStatic() && i.isAsterisk() && name.equals("java.util.concurrent")) imported = true;
    }
    this.timeUnitImported = imported;
  }

  void apply(Integration i, MethodCallExpr call) {
    for (Node n = call.getParentNode().orElse(null);
        n != null && !isFunction(n);
        n = n.getParentNode().orElse(null)) {
      Statement body = bodyOf(n);
      if (body == null
          || !call.isDescendantOf(body)
          || !waits(body)
          || !exits(body)
          || !handlesFailure(call, body)) continue;
      Value<Integer> attempts = attempts(n);
      if (attempts == null) continue; // not a counter
      String text = n.getTokenRange().map(Object::toString).orElse(n.toString());
      RetryLoops.credit(i, RetryLoops.header(text), ctx.at(n), attempts);
      return;
    }
  }

  /** A method, constructor, initializer or lambda: a loop outside it is the caller's. */
  private static boolean isFunction(Node n) {
    return n instanceof BodyDeclaration<?> || n instanceof LambdaExpr;
  }

  private static Statement bodyOf(Node loop) {
    if (loop instanceof ForStmt f) return f.getBody();
    if (loop instanceof WhileStmt w) return w.getBody();
    if (loop instanceof DoStmt d) return d.getBody();
    return null; // a for-each runs over items and does not repeat a failed call
  }

  private boolean waits(Statement body) {
    for (MethodCallExpr c : body.findAll(MethodCallExpr.class))
      if (c.getNameAsString().equals("sleep") && isWait(c) && sameFunction(c, body)) return true;
    return false;
  }

  /**
   * {@code Thread.sleep(ms)}, {@code TimeUnit.SECONDS.sleep(n)} or a static import's {@code
   * SECONDS.sleep(n)}.
   */
  private boolean isWait(MethodCallExpr sleep) {
    Expression scope = sleep.getScope().orElse(null);
    if (scope == null) return false;
    String written = scope.toString();
    if (written.equals("Thread") || written.equals("java.lang.Thread")) return true;
    if (scope instanceof FieldAccessExpr unit && TIME_UNITS.contains(unit.getNameAsString())) {
      String type = unit.getScope().toString();
      return type.equals(TIME_UNIT) || (type.equals("TimeUnit") && timeUnitImported);
    }
    return scope instanceof NameExpr unit
        && TIME_UNITS.contains(unit.getNameAsString())
        && staticallyImported(unit.getNameAsString());
  }

  private boolean staticallyImported(String unit) {
    for (ImportDeclaration i : ctx.cu.getImports()) {
      if (!i.isStatic()) continue;
      String name = i.getNameAsString();
      if (i.isAsterisk() ? name.equals(TIME_UNIT) : name.equals(TIME_UNIT + "." + unit))
        return true;
    }
    return false;
  }

  /**
   * Whether the loop goes round again because the call failed, which tells a retry from a poll
   * (calls that succeed until a resource is ready): the call sits in a try statement inside the
   * loop, or an {@code if} of the loop compares a status with an HTTP status code.
   */
  private static boolean handlesFailure(Node call, Statement body) {
    for (Node p = call.getParentNode().orElse(null);
        p != null && p != body;
        p = p.getParentNode().orElse(null)) if (p instanceof TryStmt) return true;
    for (IfStmt branch : body.findAll(IfStmt.class)) {
      Expression condition = branch.getCondition();
      if (!condition.toString().toLowerCase(Locale.ROOT).contains("status")) continue;
      for (IntegerLiteralExpr code : condition.findAll(IntegerLiteralExpr.class))
        if (TreeRetryLoops.httpStatus(code.getValue())) return true;
    }
    return false;
  }

  private static boolean exits(Statement body) {
    for (BreakStmt b : body.findAll(BreakStmt.class)) if (sameFunction(b, body)) return true;
    for (ReturnStmt r : body.findAll(ReturnStmt.class)) if (sameFunction(r, body)) return true;
    return false;
  }

  private static boolean sameFunction(Node n, Node body) {
    for (Node p = n.getParentNode().orElse(null);
        p != null && p != body;
        p = p.getParentNode().orElse(null)) if (isFunction(p)) return false;
    return true;
  }

  /**
   * {@code while (true)} or {@code for (;;)} runs until the call succeeds; {@code i < N} or {@code
   * i <= N}, with a literal N (or a final field holding one) and the counter's literal start, gives
   * N minus the start. Any other condition is not a counter: null.
   */
  private Value<Integer> attempts(Node loop) {
    Location at = ctx.at(loop);
    Expression condition = condition(loop);
    if (condition == null || (condition instanceof BooleanLiteralExpr b && b.getValue())) {
      return RetryLoops.untilSuccess(at);
    }
    if (!(condition instanceof BinaryExpr comparison)) return null;
    if (!(comparison.getLeft() instanceof NameExpr counter)) return null;
    String operator = comparison.getOperator().asString();
    if (!RetryLoops.upperBound(operator)) return null;
    Integer from = literal(start(loop, counter.getNameAsString()));
    Integer to = literal(constant(comparison.getRight()));
    return RetryLoops.counted(from, to, operator, shorten(comparison), at);
  }

  private static Expression condition(Node loop) {
    Expression c = null;
    if (loop instanceof ForStmt f) c = f.getCompare().orElse(null);
    if (loop instanceof WhileStmt w) c = w.getCondition();
    if (loop instanceof DoStmt d) c = d.getCondition();
    while (c instanceof EnclosedExpr e) c = e.getInner();
    return c;
  }

  /**
   * The counter's first value: the for loop's own {@code int i = 0} (or {@code i = 0}), else its
   * last declaration or assignment in the method before the loop.
   */
  private static Expression start(Node loop, String counter) {
    if (loop instanceof ForStmt f) {
      for (Expression init : f.getInitialization()) {
        Expression value = valueOf(init, counter);
        if (value != null) return value;
      }
    }
    Node function = loop.getParentNode().orElse(null);
    while (function != null && !isFunction(function))
      function = function.getParentNode().orElse(null);
    Position loopStart = loop.getBegin().orElse(null);
    if (function == null || loopStart == null) return null;
    Expression found = null;
    for (Node n : function.findAll(Node.class, n -> valueOf(n, counter) != null)) {
      Position p = n.getBegin().orElse(null);
      if (p != null && p.isBefore(loopStart)) found = valueOf(n, counter);
    }
    return found;
  }

  /** The value a declaration or plain assignment gives {@code counter}; null for anything else. */
  private static Expression valueOf(Node n, String counter) {
    if (n instanceof VariableDeclarationExpr d) {
      for (VariableDeclarator v : d.getVariables())
        if (v.getNameAsString().equals(counter)) return v.getInitializer().orElse(null);
    }
    if (n instanceof AssignExpr a
        && a.getOperator() == AssignExpr.Operator.ASSIGN
        && a.getTarget() instanceof NameExpr target
        && target.getNameAsString().equals(counter)) return a.getValue();
    return null;
  }

  /** A bound named by a final field of this file is its initializer. */
  private Expression constant(Expression bound) {
    if (!(bound instanceof NameExpr name)) return bound;
    Expression value = ctx.constant(name.getNameAsString());
    boolean isFinal =
        value != null
            && value
                .findAncestor(FieldDeclaration.class)
                .map(FieldDeclaration::isFinal)
                .orElse(false);
    return isFinal ? value : bound;
  }

  private static Integer literal(Expression e) {
    return e instanceof IntegerLiteralExpr n ? RetryLoops.integer(n.getValue()) : null;
  }

  private static String shorten(Node n) {
    String text = n.getTokenRange().map(Object::toString).orElse(n.toString());
    return text.length() > 60 ? text.substring(0, 57) + "..." : text;
  }
}
