package dev.relplan.code.java;

import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.relplan.code.HandlerCode;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Value;
import dev.relplan.parse.java.JavaSource;
import dev.relplan.source.Location;
import java.util.List;

/**
 * A Java Lambda handler and its idempotency: Powertools {@code @Idempotent}, or a DynamoDB
 * conditional write ({@code conditionExpression(...)} in SDK 2.x, {@code withConditionExpression}
 * in 1.x).
 */
public final class JavaHandlers {
  private JavaHandlers() {}

  /** The handler method in the file, or null when the file does not parse or has no such method. */
  public static HandlerCode find(SourceFile file, String className, String method) {
    ParseResult<CompilationUnit> r = JavaSource.parse(file.content());
    if (!r.isSuccessful() || r.getResult().isEmpty()) return null;
    CompilationUnit cu = r.getResult().get();
    MethodDeclaration handler = null;
    for (ClassOrInterfaceDeclaration c : cu.findAll(ClassOrInterfaceDeclaration.class)) {
      if (!c.getNameAsString().equals(className)) continue;
      for (MethodDeclaration m : c.getMethodsByName(method)) if (handler == null) handler = m;
    }
    if (handler == null) return null;
    return new HandlerCode(at(file, handler.getName()), idempotency(file, cu));
  }

  private static Value<String> idempotency(SourceFile file, CompilationUnit cu) {
    return idempotency(file.display(), cu);
  }

  /**
   * Powertools {@code @Idempotent} or a DynamoDB conditional write within a part of the syntax tree
   * (a whole file for a Lambda handler, one method for a message listener), or absent.
   */
  static Value<String> idempotency(String file, com.github.javaparser.ast.Node scope) {
    for (AnnotationExpr a : scope.findAll(AnnotationExpr.class)) {
      if (a.getNameAsString().equals("Idempotent") || a.getNameAsString().endsWith(".Idempotent")) {
        return Value.explicit("Powertools @Idempotent", List.of(at(file, a)));
      }
    }
    for (MethodCallExpr m : scope.findAll(MethodCallExpr.class)) {
      if (m.getNameAsString().equals("conditionExpression")
          || m.getNameAsString().equals("withConditionExpression")) {
        return Value.explicit(
            "conditional write: " + m.getNameAsString() + "(" + m.getArguments() + ")",
            List.of(at(file, m.getName())));
      }
    }
    return Value.absent();
  }

  private static Location at(SourceFile file, com.github.javaparser.ast.Node n) {
    return at(file.display(), n);
  }

  private static Location at(String file, com.github.javaparser.ast.Node n) {
    return new Location(file, n.getBegin().map(p -> p.line).orElse(1));
  }
}
