package dev.relplan.iac.cdk;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.Statement;
import java.util.List;

/**
 * What a Java name holds where it is used, when the file assigns it once: a local variable declared
 * earlier in an enclosing block, a field of the enclosing class (its initialiser, or the one
 * assignment its constructor makes), a {@code static final} constant of a class of the file. A
 * parameter, or a name assigned more than once, is not followed.
 */
final class JavaBindings {
  private JavaBindings() {}

  /** The expression a name holds, or null with the reason it is not followed. */
  record Binding(Expression value, String why) {
    static Binding of(Expression value) {
      return new Binding(value, null);
    }

    static Binding not(String why) {
      return new Binding(null, why);
    }
  }

  /** The binding of a simple name where it is used. */
  static Binding of(String name, Node use) {
    Node child = use;
    for (Node parent = use.getParentNode().orElse(null);
        parent != null;
        child = parent, parent = parent.getParentNode().orElse(null)) {
      if (parent instanceof BlockStmt block) {
        VariableDeclarator local = localBefore(block, child, name);
        if (local != null) return local(local, block);
      } else if (declaresParameter(parent, name)) {
        return Binding.not(
            name + " is a parameter, given by the caller (values passed in are not followed)");
      } else if (parent instanceof TypeDeclaration<?> type && declaresField(type, name)) {
        return field(type, name);
      }
    }
    return Binding.not(name + " is not assigned in this file");
  }

  /** The binding of {@code this.name} where it is used. */
  static Binding field(String name, Node use) {
    TypeDeclaration<?> type = use.findAncestor(TypeDeclaration.class).orElse(null);
    if (type == null || !declaresField(type, name))
      return Binding.not("this." + name + " is not declared in this class");
    return field(type, name);
  }

  /** {@code Config.TABLE}: a {@code static final} constant of a class of the file, else null. */
  static Binding constant(CompilationUnit unit, String className, String member) {
    String simple = className.substring(className.lastIndexOf('.') + 1);
    for (TypeDeclaration<?> type : unit.findAll(TypeDeclaration.class)) {
      if (!type.getNameAsString().equals(simple)) continue;
      for (FieldDeclaration f : type.getFields())
        for (VariableDeclarator v : f.getVariables())
          if (v.getNameAsString().equals(member) && f.isStatic() && f.isFinal())
            return v.getInitializer().map(Binding::of).orElse(null);
    }
    return null;
  }

  /** The last declaration of the name among the block's statements before the child. */
  private static VariableDeclarator localBefore(BlockStmt block, Node child, String name) {
    VariableDeclarator found = null;
    for (Statement s : block.getStatements()) {
      if (s == child) break;
      if (s instanceof ExpressionStmt e && e.getExpression() instanceof VariableDeclarationExpr d)
        for (VariableDeclarator v : d.getVariables())
          if (v.getNameAsString().equals(name)) found = v;
    }
    return found;
  }

  private static Binding local(VariableDeclarator local, BlockStmt block) {
    String name = local.getNameAsString();
    List<AssignExpr> assigned =
        block.findAll(
            AssignExpr.class, a -> a.getTarget() instanceof NameExpr t && isNamed(t, name));
    return once(name, local.getInitializer().orElse(null), assigned);
  }

  private static boolean isNamed(NameExpr n, String name) {
    return n.getNameAsString().equals(name);
  }

  private static Binding once(String name, Expression initial, List<AssignExpr> assigned) {
    if (initial != null && assigned.isEmpty()) return Binding.of(initial);
    if (initial == null && assigned.size() == 1) return Binding.of(assigned.get(0).getValue());
    if (initial == null && assigned.isEmpty())
      return Binding.not(name + " is not assigned in this file");
    return Binding.not(name + " is assigned more than once (not followed)");
  }

  private static boolean declaresParameter(Node n, String name) {
    List<Parameter> params =
        n instanceof CallableDeclaration<?> c
            ? c.getParameters()
            : n instanceof LambdaExpr l
                ? l.getParameters()
                : n instanceof CatchClause c ? List.of(c.getParameter()) : List.of();
    for (Parameter p : params) if (p.getNameAsString().equals(name)) return true;
    return n instanceof ForEachStmt f
        && f.getVariable().getVariables().stream().anyMatch(v -> v.getNameAsString().equals(name));
  }

  private static boolean declaresField(TypeDeclaration<?> type, String name) {
    return type.getFieldByName(name).isPresent();
  }

  /** A field of the class: its initialiser, else the one assignment the class makes to it. */
  private static Binding field(TypeDeclaration<?> type, String name) {
    FieldDeclaration f = type.getFieldByName(name).get();
    Expression initial = null;
    for (VariableDeclarator v : f.getVariables())
      if (v.getNameAsString().equals(name)) initial = v.getInitializer().orElse(null);
    List<AssignExpr> assigned =
        type.findAll(AssignExpr.class, a -> assignsField(a.getTarget(), name));
    return once(name, initial, assigned);
  }

  /** {@code this.name = …}, or {@code name = …} (a local of the same name is not told apart). */
  private static boolean assignsField(Expression target, String name) {
    if (target instanceof FieldAccessExpr f)
      return f.getScope() instanceof ThisExpr && f.getNameAsString().equals(name);
    return target instanceof NameExpr n && isNamed(n, name);
  }
}
