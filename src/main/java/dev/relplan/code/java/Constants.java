package dev.relplan.code.java;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import java.util.List;

/**
 * String constants as annotation attributes and ids use them: a literal, a {@code static final}
 * field of the same file, {@code Other.NAME} of another scanned class, or a concatenation of these.
 */
final class Constants {
  private static final int MAX_DEPTH = 4;

  private Constants() {}

  /** The string an expression always holds, or null when it is not a constant the scan sees. */
  static String string(Expression e, FileContext ctx) {
    return string(e, ctx, 0);
  }

  private static String string(Expression e, FileContext ctx, int depth) {
    if (e == null || depth > MAX_DEPTH) return null;
    while (e instanceof EnclosedExpr en) e = en.getInner();
    if (e instanceof StringLiteralExpr s) return s.getValue();
    if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
      String left = string(b.getLeft(), ctx, depth + 1);
      String right = string(b.getRight(), ctx, depth + 1);
      return left == null || right == null ? null : left + right;
    }
    if (e instanceof NameExpr n) return string(ctx.constant(n.getNameAsString()), ctx, depth + 1);
    if (e instanceof FieldAccessExpr f && f.getScope() instanceof NameExpr owner) {
      List<Beans.Declared> classes = ctx.beans().classes(owner.getNameAsString(), ctx.file);
      if (classes.size() != 1) return null;
      Beans.Declared d = classes.get(0);
      for (FieldDeclaration field : d.type().getFields()) {
        boolean shared =
            field.isStatic()
                || d.type() instanceof ClassOrInterfaceDeclaration c && c.isInterface();
        if (!shared) continue;
        for (VariableDeclarator v : field.getVariables())
          if (v.getNameAsString().equals(f.getNameAsString()) && v.getInitializer().isPresent())
            return string(v.getInitializer().get(), d.ctx(), depth + 1);
      }
    }
    return null;
  }
}
