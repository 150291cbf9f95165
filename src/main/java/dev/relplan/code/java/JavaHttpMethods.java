package dev.relplan.code.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The HTTP method of a Java request (for judging whether retrying it is safe) and whether the code
 * around it names an idempotency key.
 */
final class JavaHttpMethods {
  private static final Set<String> JDK_BUILDER =
      Set.of("GET", "POST", "PUT", "DELETE", "HEAD", "method");
  private static final Set<String> OKHTTP_BUILDER =
      Set.of("get", "post", "put", "delete", "patch", "head", "method");

  private JavaHttpMethods() {}

  /** A java.net.http or OkHttp request built in code: its builder's method, GET by default. */
  static void ofBuilder(Integration i, MethodCallExpr call, Built request, boolean jdk) {
    keyed(i, call);
    if (request == null || Settings.unresolved(request) != null) {
      i.httpMethod = Value.unresolved("the request is built where it is not followed", List.of());
      return;
    }
    Settings.Found found = Settings.first(request, jdk ? JDK_BUILDER : OKHTTP_BUILDER);
    if (found == null) {
      i.httpMethod = Value.defaulted("GET", "a request builder makes a GET unless told otherwise");
      return;
    }
    String name = found.step().name();
    if (!name.equals("method")) {
      i.httpMethod =
          Value.explicit(name.toUpperCase(Locale.ROOT), List.of(found.step().location()));
      return;
    }
    List<Expression> args = found.step().args();
    i.httpMethod =
        !args.isEmpty() && args.get(0) instanceof StringLiteralExpr s
            ? Value.explicit(
                s.getValue().toUpperCase(Locale.ROOT), List.of(found.step().location()))
            : Value.unresolved("the method is not a literal", List.of(found.step().location()));
  }

  /** RestTemplate: named by the method called, or exchange's HttpMethod argument. */
  static void ofRestTemplate(Integration i, MethodCallExpr call, FileContext ctx) {
    keyed(i, call);
    String name = call.getNameAsString();
    String verb = null;
    for (String v : List.of("get", "post", "put", "delete", "patch", "head"))
      if (name.startsWith(v)) verb = v.toUpperCase(Locale.ROOT);
    if (verb == null
        && call.getArguments().size() > 1
        && call.getArgument(1) instanceof FieldAccessExpr fa
        && fa.getScope().toString().endsWith("HttpMethod")) verb = fa.getNameAsString();
    i.httpMethod =
        verb != null
            ? Value.explicit(verb, List.of(ctx.at(call.getName())))
            : Value.unresolved("the method of " + name + " is not read", List.of());
  }

  private static void keyed(Integration i, Node call) {
    Node scope = call.findAncestor(MethodDeclaration.class).map(m -> (Node) m).orElse(call);
    i.idempotencyKey = Integration.namesIdempotencyKey(scope.toString());
  }
}
