package dev.relplan.code.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One parsed Java file and the flows the scanner follows in it: builder chains, a client held in a
 * local variable or field (with the setters called on it), a factory method of the same class, and
 * a Spring {@code @Bean} method anywhere in the code base for an injected client.
 */
final class FileContext {
  private static final int MAX_DEPTH = 10;

  final String file;
  final CompilationUnit cu;
  final Imports imports;
  private final Beans beans;

  /** The Spring Boot properties of this file's module (none when it has no configuration file). */
  SpringConfig.Scope spring = new SpringConfig.Scope(List.of());

  FileContext(String file, CompilationUnit cu, Beans beans) {
    this.file = file;
    this.cu = cu;
    this.imports = new Imports(cu);
    this.beans = beans;
  }

  Location at(Node n) {
    return new Location(file, n.getBegin().map(p -> p.line).orElse(1));
  }

  /** The initializer of a field (typically a constant) declared in this file, or null. */
  Expression constant(String name) {
    if (constants == null) {
      constants = new HashMap<>();
      for (FieldDeclaration f : cu.findAll(FieldDeclaration.class)) {
        for (VariableDeclarator v : f.getVariables()) {
          if (v.getInitializer().isPresent())
            constants.putIfAbsent(v.getNameAsString(), v.getInitializer().get());
        }
      }
    }
    return constants.get(name);
  }

  // Caches: the same fields and locals are looked up for every call made through them.
  private Map<String, Expression> constants;
  private final Map<VariableDeclarator, Built> declarators = new IdentityHashMap<>();
  private final Map<Node, List<MethodCallExpr>> callsIn = new IdentityHashMap<>();
  private final Map<Node, Map<String, List<MethodCallExpr>>> callsOn = new IdentityHashMap<>();
  private final Map<Node, Map<String, List<AssignExpr>>> assignsTo = new IdentityHashMap<>();

  // Indexes by name, built once per scope: a lookup that scanned the whole class or method for
  // every variable it follows made large files quadratic.
  private Map<String, List<MethodDeclaration>> methodsByName;
  private final Map<Node, Map<String, List<VariableDeclarator>>> localsIn = new IdentityHashMap<>();
  private final Map<Node, Map<String, List<VariableDeclarator>>> fieldsIn = new IdentityHashMap<>();

  private List<MethodCallExpr> callsIn(Node scope) {
    return callsIn.computeIfAbsent(scope, s -> s.findAll(MethodCallExpr.class));
  }

  /** The calls made in a scope on a variable or {@code this} field of a name, in source order. */
  private List<MethodCallExpr> callsOn(Node scope, String name) {
    return callsOn
        .computeIfAbsent(scope, s -> byName(callsIn(s), m -> m.getScope().orElse(null)))
        .getOrDefault(name, List.of());
  }

  /** The assignments in a scope to a variable or {@code this} field of a name, in source order. */
  private List<AssignExpr> assignsTo(Node scope, String name) {
    return assignsTo
        .computeIfAbsent(scope, s -> byName(s.findAll(AssignExpr.class), AssignExpr::getTarget))
        .getOrDefault(name, List.of());
  }

  /** The local variables of a method or constructor (nested ones included) named so. */
  private List<VariableDeclarator> locals(CallableDeclaration<?> c, String name) {
    return localsIn
        .computeIfAbsent(c, s -> byName(s.findAll(VariableDeclarator.class), v -> v))
        .getOrDefault(name, List.of());
  }

  /** The first field of a type declared with a name, or null. */
  private VariableDeclarator fieldNamed(TypeDeclaration<?> t, String name) {
    List<VariableDeclarator> fields =
        fieldsIn
            .computeIfAbsent(
                t,
                s ->
                    byName(
                        t.getFields().stream().flatMap(f -> f.getVariables().stream()).toList(),
                        v -> v))
            .get(name);
    return fields == null ? null : fields.get(0);
  }

  /**
   * Nodes grouped, in their order, by the name of what {@code named} gives for each: a
   * declaration's own name, or a plain name or {@code this.name} expression. Nodes naming nothing
   * are left out.
   */
  private static <T extends Node> Map<String, List<T>> byName(
      List<T> nodes, Function<T, Node> named) {
    Map<String, List<T>> out = new HashMap<>();
    for (T n : nodes) {
      String name = nameOf(named.apply(n));
      if (name != null) out.computeIfAbsent(name, k -> new ArrayList<>()).add(n);
    }
    return out;
  }

  private static String nameOf(Node n) {
    if (n instanceof NameExpr e) return e.getNameAsString();
    if (n instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr)
      return f.getNameAsString();
    if (n instanceof VariableDeclarator v) return v.getNameAsString();
    if (n instanceof MethodDeclaration m) return m.getNameAsString();
    return null;
  }

  /** What an expression builds, or null when it is nothing the scanner can follow. */
  Built eval(Expression e) {
    return eval(e, 0);
  }

  Built eval(Expression e, int depth) {
    if (e == null || depth > MAX_DEPTH) return null;
    while (e instanceof EnclosedExpr en) e = en.getInner();
    if (e instanceof CastExpr c) return eval(c.getExpression(), depth + 1);
    if (e instanceof ObjectCreationExpr o) {
      Built b = new Built(imports.resolve(o.getType().getNameWithScope()), at(o));
      b.steps.add(new Built.Step("<init>", o.getArguments(), at(o), this));
      return b;
    }
    if (e instanceof NameExpr n) return variable(n.getNameAsString(), n, depth + 1);
    if (e instanceof FieldAccessExpr f) {
      if (f.getScope() instanceof ThisExpr) return variable(f.getNameAsString(), f, depth + 1);
      String type = imports.resolve(f.getScope().toString());
      if (type == null) return null;
      Built b = new Built(type, at(f));
      b.steps.add(new Built.Step(f.getNameAsString(), List.of(), at(f), this));
      return b;
    }
    if (e instanceof LambdaExpr l) {
      Built b = new Built("lambda", at(l));
      List<MethodCallExpr> calls = new ArrayList<>(l.getBody().findAll(MethodCallExpr.class));
      calls.sort(
          Comparator.comparing(
              (MethodCallExpr m) ->
                  m.getName().getBegin().map(p -> p.line * 10000 + p.column).orElse(0)));
      for (MethodCallExpr m : calls)
        b.steps.add(new Built.Step(m.getNameAsString(), m.getArguments(), at(m.getName()), this));
      return b;
    }
    if (e instanceof MethodCallExpr m) return chain(m, depth);
    return null;
  }

  /** A call chain: the root it starts from, then each call as a step. */
  private Built chain(MethodCallExpr outer, int depth) {
    List<MethodCallExpr> calls = new ArrayList<>();
    Expression cur = outer;
    while (cur instanceof MethodCallExpr m && m.getScope().isPresent()) {
      calls.add(0, m);
      cur = m.getScope().get();
    }
    while (cur instanceof EnclosedExpr en) cur = en.getInner();
    Built base;
    boolean derived = false;
    if (cur instanceof MethodCallExpr factoryCall) {
      base = factory(factoryCall, depth + 1);
    } else if (cur instanceof NameExpr n) {
      Built v = variable(n.getNameAsString(), n, depth + 1);
      if (v != null) {
        base = v.copy();
        derived = true;
      } else {
        String type = imports.resolve(n.getNameAsString());
        base = type == null ? null : new Built(type, at(outer));
      }
    } else if (cur instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr) {
      Built v = variable(f.getNameAsString(), f, depth + 1);
      base = v == null ? null : v.copy();
      derived = v != null;
    } else if (cur instanceof FieldAccessExpr f) {
      String type = imports.resolve(f.toString());
      base = type == null ? null : new Built(type, at(outer));
    } else if (cur instanceof ObjectCreationExpr || cur instanceof CastExpr) {
      base = eval(cur, depth + 1);
    } else {
      base = null;
    }
    if (base == null) return null;
    Built b = derived && !calls.isEmpty() ? rebase(base, at(outer)) : base;
    for (MethodCallExpr m : calls)
      b.steps.add(new Built.Step(m.getNameAsString(), m.getArguments(), at(m.getName()), this));
    return b;
  }

  private static Built rebase(Built base, Location origin) {
    Built b = new Built(base.type, origin);
    b.steps.addAll(base.steps);
    b.unresolved = base.unresolved;
    b.injected = base.injected;
    return b;
  }

  /** A call to a method of this file without a receiver: follow its return value. */
  private Built factory(MethodCallExpr call, int depth) {
    if (call.getScope().isPresent()) return null;
    if (methodsByName == null) methodsByName = byName(cu.findAll(MethodDeclaration.class), m -> m);
    for (MethodDeclaration md : methodsByName.getOrDefault(call.getNameAsString(), List.of())) {
      if (md.getParameters().size() != call.getArguments().size()) continue;
      return returned(md, depth + 1);
    }
    return null;
  }

  /** The last value a method returns. */
  Built returned(MethodDeclaration md, int depth) {
    List<ReturnStmt> returns =
        md.findAll(ReturnStmt.class).stream().filter(r -> r.getExpression().isPresent()).toList();
    if (returns.isEmpty()) return null;
    return eval(returns.get(returns.size() - 1).getExpression().get(), depth + 1);
  }

  /** A local variable, lambda or method parameter, or field named so, as seen from {@code use}. */
  Built variable(String name, Node use, int depth) {
    if (depth > MAX_DEPTH) return null;
    int useLine = use.getBegin().map(p -> p.line).orElse(Integer.MAX_VALUE);
    for (Node n = use; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof LambdaExpr l) {
        for (Parameter p : l.getParameters()) {
          if (p.getNameAsString().equals(name)) return opaque(p, "a lambda parameter");
        }
      }
      if (n instanceof CallableDeclaration<?> c) {
        VariableDeclarator local = null;
        for (VariableDeclarator v : locals(c, name)) {
          if (v.getBegin().map(p -> p.line).orElse(0) <= useLine) local = v;
        }
        if (local != null) {
          VariableDeclarator l = local;
          Built cached = declarators.get(l);
          if (cached == null) {
            cached = declared(l, c, depth);
            if (cached != null && depth <= 3)
              declarators.put(l, cached); // deeper results may be cut short by the depth limit
          }
          return cached;
        }
        for (Parameter p : c.getParameters()) {
          if (p.getNameAsString().equals(name)) return parameter(p, c, depth);
        }
      }
      if (n instanceof TypeDeclaration<?> t) {
        VariableDeclarator v = fieldNamed(t, name);
        if (v != null) {
          Built cached = declarators.get(v);
          if (cached == null) {
            cached = field(v, t, depth);
            if (cached != null && depth <= 3) declarators.put(v, cached);
          }
          return cached;
        }
      }
    }
    return null;
  }

  /**
   * The declared type of a receiver written as a name or {@code this.name}, or null for any other
   * expression or a name whose type is not declared in the file.
   */
  String receiverType(Expression receiver) {
    String name =
        receiver instanceof NameExpr n
            ? n.getNameAsString()
            : receiver instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr
                ? f.getNameAsString()
                : null;
    return name == null ? null : typeOf(name, receiver);
  }

  /** The declared type of a variable as seen from {@code use}, fully qualified when known. */
  String typeOf(String name, Node use) {
    for (Node n = use; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof CallableDeclaration<?> c) {
        List<VariableDeclarator> named = locals(c, name);
        if (!named.isEmpty()) {
          VariableDeclarator v = named.get(0);
          return typeName(v.getType().asString(), v.getInitializer().orElse(null));
        }
        for (Parameter p : c.getParameters())
          if (p.getNameAsString().equals(name)) return typeName(p.getType().asString(), null);
      }
      if (n instanceof TypeDeclaration<?> t) {
        VariableDeclarator v = fieldNamed(t, name);
        if (v != null) return typeName(v.getType().asString(), v.getInitializer().orElse(null));
      }
    }
    return null;
  }

  private String typeName(String declared, Expression init) {
    if (declared.equals("var") && init != null) {
      Built b = eval(init);
      return b == null ? null : b.type;
    }
    String t = imports.resolve(declared);
    return t != null ? t : declared;
  }

  private Built opaque(Parameter p, String why) {
    Built b =
        new Built(
            p.getType().isUnknownType() ? null : imports.resolve(p.getType().asString()), at(p));
    b.unresolved = "it is " + why;
    return b;
  }

  private Built declared(VariableDeclarator v, Node scope, int depth) {
    Expression value = v.getInitializer().orElse(null);
    // "Type x = null;" then "x = ...;" (often inside a try): the assignment is the value.
    if (value == null || value instanceof NullLiteralExpr) {
      for (AssignExpr a : assignsTo(scope, v.getNameAsString())) {
        if (a.getTarget() instanceof NameExpr) value = a.getValue();
      }
    }
    return withSetters(v, value, scope, depth, null);
  }

  private Built field(VariableDeclarator v, TypeDeclaration<?> type, int depth) {
    Expression value = v.getInitializer().orElse(null);
    Node valueScope = type;
    if (value == null) {
      for (AssignExpr a : assignsTo(type, v.getNameAsString())) {
        value = a.getValue();
        valueScope = a;
      }
    }
    String injectedFrom = null;
    if (value == null) {
      injectedFrom = "a field with no value in " + type.getNameAsString() + " (set by injection)";
    }
    return withSetters(v, value, type, depth, injectedFrom);
  }

  private Built parameter(Parameter p, CallableDeclaration<?> c, int depth) {
    boolean injected =
        c instanceof ConstructorDeclaration
            || c.isAnnotationPresent("Bean")
            || c.isAnnotationPresent("Autowired");
    if (!injected) return opaque(p, "a parameter of " + c.getNameAsString() + "()");
    Built bean = bean(p.getType().asString(), depth);
    if (bean != null) return bean;
    Built injectedBuilt =
        opaque(
            p,
            "injected into "
                + c.getNameAsString()
                + "() and "
                + noSingleBean(p.getType().asString()));
    injectedBuilt.injected = true;
    return injectedBuilt;
  }

  /**
   * The one @Bean method of the code base that produces this type, evaluated; null when none or
   * several.
   */
  private Built bean(String declaredType, int depth) {
    List<Beans.Producer> producers = beans.producers(declaredType, file);
    if (producers.size() != 1) return null;
    Beans.Producer p = producers.get(0);
    return p.ctx().returned(p.method(), depth + 1);
  }

  /** Why an injected type is not traced to a bean: no @Bean method builds it, or several do. */
  String noSingleBean(String declaredType) {
    int n = beans.producers(declaredType, file).size();
    return n == 0
        ? "no @Bean method in the scanned code builds a " + declaredType
        : n + " @Bean methods in the scanned code build a " + declaredType;
  }

  Beans beans() {
    return beans;
  }

  /**
   * The value a variable gets, plus every call made on it afterwards in its scope (setters, builder
   * calls).
   */
  private Built withSetters(
      VariableDeclarator v, Expression value, Node scope, int depth, String injectedFrom) {
    Built base = value == null ? null : eval(value, depth + 1);
    if (base == null && injectedFrom != null) base = bean(v.getType().asString(), depth);
    Built b;
    if (base == null) {
      b = new Built(imports.resolve(v.getType().asString()), at(v));
      b.injected = injectedFrom != null;
      b.unresolved =
          injectedFrom != null
              ? "it is " + injectedFrom
              : value == null
                  ? "it is declared without a value"
                  : "it is built by an expression the scanner does not follow (" + value + ")";
    } else {
      b = base.copy();
      if (b.type == null) b = rebaseType(b, imports.resolve(v.getType().asString()));
    }
    Set<Node> seen = new HashSet<>();
    for (MethodCallExpr m : callsOn(scope, v.getNameAsString())) {
      if (seen.add(m) && !isInside(m, value) && configures(m, v, b))
        b.steps.add(new Built.Step(m.getNameAsString(), m.getArguments(), at(m.getName()), this));
    }
    return b;
  }

  /**
   * A call on the variable that changes its configuration: a setter, or any call on a builder or
   * configuration object. Calls that use a client (an API operation, a request) are not
   * configuration.
   */
  private static boolean configures(MethodCallExpr m, VariableDeclarator v, Built b) {
    if (!(m.getParentNode().orElse(null) instanceof com.github.javaparser.ast.stmt.ExpressionStmt))
      return false;
    String name = m.getNameAsString();
    if (name.startsWith("set") || name.startsWith("add") || name.startsWith("register"))
      return true;
    String declared = v.getType().asString();
    // client properties (Kafka): put on a Properties or Map is configuration, load reads a file
    if ((name.startsWith("put") || name.equals("load"))
        && (declared.equals("Properties")
            || declared.startsWith("Map<")
            || declared.startsWith("HashMap<"))) return true;
    if (declared.equals("var"))
      return !b.steps.isEmpty()
          && !List.of("build", "create").contains(b.steps.get(b.steps.size() - 1).name());
    return declared.endsWith("Builder")
        || declared.endsWith("Config")
        || declared.endsWith("Configuration")
        || declared.endsWith("Factory")
        || declared.endsWith("Options");
  }

  private static boolean isInside(Node n, Node container) {
    if (container == null) return false;
    for (Node p = n; p != null; p = p.getParentNode().orElse(null)) if (p == container) return true;
    return false;
  }

  private static Built rebaseType(Built b, String type) {
    Built out = new Built(type, b.origin);
    out.steps.addAll(b.steps);
    out.unresolved = b.unresolved;
    out.injected = b.injected;
    return out;
  }

  /** Registers this file's {@code @Bean} methods. */
  void collectBeans() {
    for (MethodDeclaration m : cu.findAll(MethodDeclaration.class))
      if (m.isAnnotationPresent("Bean")) beans.add(this, m);
    for (TypeDeclaration<?> t : cu.findAll(TypeDeclaration.class)) beans.addClass(this, t);
  }
}
