package dev.relplan.code.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * gRPC calls through grpc-java stubs: {@code XGrpc.newBlockingStub/newStub/newFutureStub(channel)}
 * and each call of a service method on the stub, inline ({@code
 * XGrpc.newBlockingStub(ch).withDeadlineAfter(2, SECONDS).getX(req)}) or through a local variable
 * or field holding it. The deadline is {@code withDeadlineAfter(n, unit)} / {@code withDeadline(d)}
 * on the stub chain; gRPC sets none by default (docs/client-defaults.md, "gRPC"). A stub whose
 * construction cannot be followed (a parameter, an injected bean) but whose declared type is a
 * generated stub ({@code XGrpc.XBlockingStub}) is a call site with Cannot Determine.
 */
final class GrpcStubs {
  static final String CLIENT = "gRPC (Java)";
  private static final Set<String> FACTORIES =
      Set.of("newBlockingStub", "newStub", "newFutureStub");
  private static final Set<String> DEADLINES = Set.of("withDeadlineAfter", "withDeadline");

  /** Methods every stub has that are not service calls. */
  private static final Set<String> STUB_METHODS = Set.of("getChannel", "getCallOptions");

  /** What a stub expression was followed to. */
  private record Stub(
      String service, Location made, Value<String> deadline, boolean interceptors) {}

  private final FileContext ctx;
  private final CallSites sites;

  GrpcStubs(FileContext ctx, CallSites sites) {
    this.ctx = ctx;
    this.sites = sites;
  }

  /** The integration a call of a stub method is, or null. */
  Integration analyse(MethodCallExpr m) {
    String name = m.getNameAsString();
    Expression receiver = m.getScope().orElse(null);
    if (receiver == null
        || name.startsWith("with")
        || FACTORIES.contains(name)
        || STUB_METHODS.contains(name)) return null;
    Stub stub = stub(receiver);
    if (stub == null) return null;
    Integration i = sites.integration(m, Integration.Kind.RPC, CLIENT, null);
    i.clientLocation = stub.made();
    i.target = Value.explicit(stub.service() + "/" + name, List.of());
    i.timeout = verdict(stub);
    return i;
  }

  private static Value<String> verdict(Stub stub) {
    if (stub.deadline().isExplicit() || stub.deadline().unresolved()) return stub.deadline();
    if (stub.interceptors())
      return Value.unresolved(
          "the stub is given interceptors (withInterceptors), which may set a deadline",
          stub.made() == null ? List.of() : List.of(stub.made()));
    return CallSites.none(
        "gRPC sets no deadline by default (\"By default, gRPC does not set a deadline\"), and the"
            + " stub sets none (withDeadlineAfter / withDeadline)",
        List.of());
  }

  /** The stub an expression holds: the calls written on it, then where it is made. */
  private Stub stub(Expression receiver) {
    return stub(receiver, 0);
  }

  private Stub stub(Expression receiver, int depth) {
    Value<String> deadline = Value.absent();
    boolean interceptors = false;
    Expression cur = receiver;
    while (cur instanceof MethodCallExpr call && call.getScope().isPresent()) {
      String step = call.getNameAsString();
      if (FACTORIES.contains(step)) {
        String service = service(call.getScope().get().toString());
        return service == null ? null : new Stub(service, ctx.at(call), deadline, interceptors);
      }
      if (!step.startsWith("with")) return null;
      if (DEADLINES.contains(step) && !deadline.isExplicit())
        deadline = deadlineOf(step, call.getArguments(), ctx.at(call.getName()));
      interceptors |= step.equals("withInterceptors");
      cur = call.getScope().get();
    }
    String variable =
        cur instanceof NameExpr n
            ? n.getNameAsString()
            : cur instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr
                ? f.getNameAsString()
                : null;
    if (variable == null) return null;
    Expression value = depth < 3 ? assigned(variable, cur) : null;
    Stub held = value != null ? stub(value, depth + 1) : held(cur);
    if (held == null) return declared(variable, cur, deadline);
    return new Stub(
        held.service(),
        held.made(),
        deadline.isExplicit() ? deadline : held.deadline(),
        interceptors || held.interceptors());
  }

  /** A stub a variable or field holds, followed to its construction. */
  private Stub held(Expression variable) {
    Built b = ctx.eval(variable);
    if (b == null) return null;
    int factory = -1;
    for (int k = 0; k < b.steps.size(); k++)
      if (FACTORIES.contains(b.steps.get(k).name())) factory = k;
    String service = factory < 0 ? null : service(b.type);
    if (service == null) return null;
    Value<String> deadline = Value.absent();
    boolean interceptors = false;
    for (Built.Step s : b.steps.subList(factory + 1, b.steps.size())) {
      if (DEADLINES.contains(s.name())) deadline = deadlineOf(s.name(), s.args(), s.location());
      interceptors |= s.name().equals("withInterceptors");
    }
    if (b.unresolved != null) deadline = Value.unresolved(b.unresolved, List.of(b.origin));
    return new Stub(service, b.steps.get(factory).location(), deadline, interceptors);
  }

  /** Per callable, the initializers of its local variables by name: read once, not per call. */
  private final Map<CallableDeclaration<?>, Map<String, List<Expression>>> locals =
      new IdentityHashMap<>();

  /** Per class, the initializers and assignments of its fields by name: read once, not per call. */
  private final Map<TypeDeclaration<?>, Map<String, List<Expression>>> fields =
      new IdentityHashMap<>();

  /**
   * The one value a local variable of the enclosing method or a field of the enclosing class is
   * given (its initializer, or its only assignment); null when there is none or several. The values
   * are indexed once per method and class, so a class with thousands of calls stays linear.
   */
  private Expression assigned(String name, Node use) {
    CallableDeclaration<?> callable = use.findAncestor(CallableDeclaration.class).orElse(null);
    if (callable != null) {
      List<Expression> values =
          locals.computeIfAbsent(callable, GrpcStubs::localValues).getOrDefault(name, List.of());
      if (!values.isEmpty()) return values.size() == 1 ? values.get(0) : null;
      if (callable.getParameters().stream().anyMatch(p -> p.getNameAsString().equals(name)))
        return null;
    }
    TypeDeclaration<?> type = use.findAncestor(TypeDeclaration.class).orElse(null);
    if (type == null) return null;
    List<Expression> values =
        fields.computeIfAbsent(type, GrpcStubs::fieldValues).getOrDefault(name, List.of());
    return values.size() == 1 ? values.get(0) : null;
  }

  private static Map<String, List<Expression>> localValues(CallableDeclaration<?> callable) {
    Map<String, List<Expression>> out = new HashMap<>();
    for (VariableDeclarator v : callable.findAll(VariableDeclarator.class))
      v.getInitializer()
          .ifPresent(e -> out.computeIfAbsent(v.getNameAsString(), k -> new ArrayList<>()).add(e));
    return out;
  }

  private static Map<String, List<Expression>> fieldValues(TypeDeclaration<?> type) {
    Map<String, List<Expression>> out = new HashMap<>();
    for (FieldDeclaration field : type.getFields())
      for (VariableDeclarator v : field.getVariables())
        v.getInitializer()
            .ifPresent(
                e -> out.computeIfAbsent(v.getNameAsString(), k -> new ArrayList<>()).add(e));
    for (AssignExpr a : type.findAll(AssignExpr.class)) {
      Expression target = a.getTarget();
      String name =
          target instanceof NameExpr n
              ? n.getNameAsString()
              : target instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr
                  ? f.getNameAsString()
                  : null;
      if (name != null) out.computeIfAbsent(name, k -> new ArrayList<>()).add(a.getValue());
    }
    return out;
  }

  /** A variable declared as a generated stub type whose value cannot be followed. */
  private Stub declared(String variable, Expression use, Value<String> deadline) {
    String type = ctx.typeOf(variable, use);
    if (type == null || !type.endsWith("Stub")) return null;
    int grpc = type.lastIndexOf("Grpc.");
    if (grpc < 0) return null;
    String service = service(type.substring(0, grpc + "Grpc".length()));
    if (service == null) return null;
    if (deadline.isExplicit()) return new Stub(service, null, deadline, false);
    return new Stub(
        service,
        null,
        Value.unresolved(
            "the stub "
                + variable
                + " cannot be followed to where it is made, and a deadline"
                + " set there is not read",
            List.of(ctx.at(use))),
        false);
  }

  /** {@code com.example.CartServiceGrpc} → {@code CartService}; null for other classes. */
  private static String service(String grpcClass) {
    if (grpcClass == null) return null;
    String simple = grpcClass.substring(grpcClass.lastIndexOf('.') + 1);
    return simple.endsWith("Grpc") && simple.length() > "Grpc".length()
        ? simple.substring(0, simple.length() - "Grpc".length())
        : null;
  }

  private static Value<String> deadlineOf(String step, List<Expression> args, Location at) {
    List<String> written = new ArrayList<>();
    for (Expression a : args) {
      String text = a.toString();
      written.add(text.substring(text.lastIndexOf('.') + 1)); // TimeUnit.SECONDS → SECONDS
    }
    return Value.explicit(
        (step.equals("withDeadlineAfter")
                ? String.join(" ", written)
                : "deadline " + (args.isEmpty() ? "?" : args.get(0).toString()))
            + " ("
            + step
            + ")",
        List.of(at));
  }
}
