package dev.relplan.code.java;

import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.relplan.model.EventHandler;
import dev.relplan.model.Value;
import dev.relplan.source.Location;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Message listeners in Java application code, each an event handler fed at least once: Spring Cloud
 * AWS {@code @SqsListener}, Spring Kafka {@code @KafkaListener} (and {@code @KafkaHandler} methods
 * of a class-level listener), Spring AMQP {@code @RabbitListener} (and {@code @RabbitHandler}),
 * Spring JMS {@code @JmsListener}, and {@code onMessage} of a class implementing a JMS, Spring AMQP
 * or Spring Kafka {@code MessageListener}. Annotations and interfaces count only when their import
 * (or qualified name) says they are those libraries'.
 *
 * <p>A listener is idempotent when the code it reaches — its own body, then the methods it calls in
 * its class and in classes of the scanned code held in fields, locals or parameters, a few calls
 * deep — uses the evidence the Lambda path accepts ({@link JavaHandlers#idempotency}). A Kafka
 * listener of a code base that configures Kafka transactions is not judged (exactly-once
 * consume-process-produce may or may not cover its side effects).
 */
final class JavaListeners {
  private static final int MAX_DEPTH = 4;
  private static final int MAX_METHODS = 200;

  /**
   * A listener annotation: its framework, the event source kind, and the attributes naming the
   * source.
   */
  private record Kind(String framework, String trigger, List<String> sourceAttributes) {}

  private static final Map<String, Kind> ANNOTATIONS =
      Map.of(
          "io.awspring.cloud.sqs.annotation.SqsListener",
          new Kind("Spring Cloud AWS @SqsListener", "SQS", List.of("value", "queueNames")),
          "org.springframework.cloud.aws.messaging.listener.annotation.SqsListener",
          new Kind("Spring Cloud AWS @SqsListener", "SQS", List.of("value")),
          "org.springframework.kafka.annotation.KafkaListener",
          new Kind("Spring Kafka @KafkaListener", "KAFKA", List.of("topics", "topicPattern")),
          "org.springframework.amqp.rabbit.annotation.RabbitListener",
          new Kind("Spring AMQP @RabbitListener", "RABBITMQ", List.of("queues", "value")),
          "org.springframework.jms.annotation.JmsListener",
          new Kind("Spring JMS @JmsListener", "JMS", List.of("destination")));

  /** Method annotations that mark the handlers of a class-level listener annotation. */
  private static final Map<String, String> CLASS_LEVEL_HANDLERS =
      Map.of(
          "org.springframework.kafka.annotation.KafkaListener",
              "org.springframework.kafka.annotation.KafkaHandler",
          "org.springframework.amqp.rabbit.annotation.RabbitListener",
              "org.springframework.amqp.rabbit.annotation.RabbitHandler");

  private static final Map<String, Kind> INTERFACES =
      Map.of(
          "javax.jms.MessageListener", new Kind("JMS MessageListener", "JMS", List.of()),
          "jakarta.jms.MessageListener", new Kind("JMS MessageListener", "JMS", List.of()),
          "org.springframework.amqp.core.MessageListener",
              new Kind("Spring AMQP MessageListener", "RABBITMQ", List.of()),
          "org.springframework.kafka.listener.MessageListener",
              new Kind("Spring Kafka MessageListener", "KAFKA", List.of()),
          "org.springframework.kafka.listener.AcknowledgingMessageListener",
              new Kind("Spring Kafka MessageListener", "KAFKA", List.of()));
  private static final Set<String> KAFKA_TRANSACTION_MANAGERS =
      Set.of(
          "org.springframework.kafka.transaction.KafkaTransactionManager",
          "org.springframework.kafka.transaction.ChainedKafkaTransactionManager");
  private static final Set<String> TRANSACTIONAL =
      Set.of(
          "org.springframework.transaction.annotation.Transactional",
          "jakarta.transaction.Transactional",
          "javax.transaction.Transactional");

  private final List<FileContext> files;
  private final Map<Node, FileContext> fileOf = new IdentityHashMap<>();

  /**
   * Classes of the scanned code by simple name; an interface's name also maps to its
   * implementations.
   */
  private final Map<String, List<ClassOrInterfaceDeclaration>> classes = new HashMap<>();

  /** Each class's methods by name, built on first use: every call followed asks its owner. */
  private final Map<ClassOrInterfaceDeclaration, Map<String, List<MethodDeclaration>>> methodsOf =
      new IdentityHashMap<>();

  JavaListeners(List<FileContext> files) {
    this.files = files;
    for (FileContext ctx : files) {
      for (ClassOrInterfaceDeclaration c : ctx.cu.findAll(ClassOrInterfaceDeclaration.class)) {
        fileOf.put(c, ctx);
        classes.computeIfAbsent(c.getNameAsString(), k -> new ArrayList<>()).add(c);
        for (ClassOrInterfaceType t : c.getImplementedTypes())
          classes.computeIfAbsent(t.getNameAsString(), k -> new ArrayList<>()).add(c);
        for (ClassOrInterfaceType t : c.getExtendedTypes())
          classes.computeIfAbsent(t.getNameAsString(), k -> new ArrayList<>()).add(c);
      }
    }
  }

  /**
   * The listeners found. {@code kafkaTransactions}: where Kafka transactions are configured outside
   * Java code (Spring Boot {@code spring.kafka.producer.transaction-id-prefix}), or empty.
   */
  List<EventHandler> find(List<Location> kafkaTransactions) {
    List<Location> kafkaTx = new ArrayList<>(kafkaTransactions);
    kafkaTx.addAll(kafkaTransactionManagers());
    List<EventHandler> out = new ArrayList<>();
    for (FileContext ctx : files) {
      for (ClassOrInterfaceDeclaration c : ctx.cu.findAll(ClassOrInterfaceDeclaration.class)) {
        if (c.isInterface()) continue;
        AnnotationExpr classLevel = null;
        String classLevelType = null;
        for (AnnotationExpr a : c.getAnnotations()) {
          String t = annotationType(ctx, a);
          if (t != null && CLASS_LEVEL_HANDLERS.containsKey(t)) {
            classLevel = a;
            classLevelType = t;
          }
        }
        for (MethodDeclaration m : c.getMethods()) {
          if (m.getBody().isEmpty()) continue;
          for (AnnotationExpr a : m.getAnnotations()) {
            String t = annotationType(ctx, a);
            if (t == null) continue;
            if (ANNOTATIONS.containsKey(t)) {
              out.add(
                  handler(
                      ctx,
                      c,
                      m,
                      ANNOTATIONS.get(t),
                      sources(a, ANNOTATIONS.get(t)),
                      ctx.at(a),
                      kafkaTx));
            } else if (classLevel != null && t.equals(CLASS_LEVEL_HANDLERS.get(classLevelType))) {
              Kind k = ANNOTATIONS.get(classLevelType);
              out.add(handler(ctx, c, m, k, sources(classLevel, k), ctx.at(a), kafkaTx));
            }
          }
        }
        Kind implemented = null;
        for (ClassOrInterfaceType t : c.getImplementedTypes()) {
          String resolved = ctx.imports.resolve(t.getNameWithScope());
          if (resolved == null) resolved = wildcard(ctx, t.getNameAsString(), INTERFACES.keySet());
          if (resolved != null && INTERFACES.containsKey(resolved))
            implemented = INTERFACES.get(resolved);
        }
        if (implemented != null) {
          for (MethodDeclaration m : c.getMethodsByName("onMessage")) {
            if (m.getBody().isPresent())
              out.add(handler(ctx, c, m, implemented, List.of(), ctx.at(m.getName()), kafkaTx));
          }
        }
      }
    }
    return out;
  }

  private EventHandler handler(
      FileContext ctx,
      ClassOrInterfaceDeclaration c,
      MethodDeclaration m,
      Kind k,
      List<String> sources,
      Location at,
      List<Location> kafkaTx) {
    EventHandler h =
        EventHandler.listener(
            ctx.file,
            c.getNameAsString() + "." + m.getNameAsString(),
            k.framework(),
            k.trigger(),
            sources,
            at);
    h.idempotency = reachedIdempotency(m);
    if (!h.idempotency.present() && k.trigger().equals("KAFKA")) {
      List<Location> tx = new ArrayList<>();
      AnnotationExpr named = kafkaTransactional(ctx, m, c);
      if (named != null) tx.add(ctx.at(named));
      if (tx.isEmpty() && !kafkaTx.isEmpty()) tx.addAll(kafkaTx);
      if (!tx.isEmpty()) {
        List<Location> trace = new ArrayList<>(List.of(at));
        for (Location l : tx) if (!trace.contains(l)) trace.add(l);
        h.idempotency =
            Value.unresolved(
                "the Kafka listener runs with Kafka transactions ("
                    + tx.get(0)
                    + "): exactly-once consume-process-produce may cover its effects on Kafka, but not on other systems; whether it is idempotent cannot be told from the code",
                trace);
      }
    }
    return h;
  }

  /** The first idempotency evidence in the listener or the methods it reaches, or absent. */
  private Value<String> reachedIdempotency(MethodDeclaration start) {
    Map<MethodDeclaration, Boolean> seen = new IdentityHashMap<>();
    Deque<MethodDeclaration> queue = new ArrayDeque<>();
    Map<MethodDeclaration, Integer> depth = new IdentityHashMap<>();
    queue.add(start);
    depth.put(start, 0);
    seen.put(start, true);
    while (!queue.isEmpty() && seen.size() <= MAX_METHODS) {
      MethodDeclaration m = queue.poll();
      FileContext ctx = fileOf(m);
      if (ctx == null) continue;
      Value<String> found = JavaHandlers.idempotency(ctx.file, m);
      if (found.present()) return found;
      int d = depth.get(m);
      if (d >= MAX_DEPTH || m.getBody().isEmpty()) continue;
      List<Node> calls = new ArrayList<>(m.getBody().get().findAll(MethodCallExpr.class));
      calls.addAll(m.getBody().get().findAll(MethodReferenceExpr.class));
      for (Node call : calls) {
        for (MethodDeclaration target : targets(ctx, call)) {
          if (seen.put(target, true) != null) continue;
          depth.put(target, d + 1);
          queue.add(target);
        }
      }
    }
    return Value.absent();
  }

  private FileContext fileOf(MethodDeclaration m) {
    return m.findAncestor(ClassOrInterfaceDeclaration.class).map(fileOf::get).orElse(null);
  }

  /**
   * The methods of the scanned code a call or method reference may go to: this class's (and its
   * superclasses'), a static call's class, or those of the receiver's declared type and its
   * implementations.
   */
  private List<MethodDeclaration> targets(FileContext ctx, Node call) {
    Expression scope;
    String method;
    int arity;
    if (call instanceof MethodCallExpr m) {
      scope = m.getScope().orElse(null);
      method = m.getNameAsString();
      arity = m.getArguments().size();
    } else if (call instanceof MethodReferenceExpr r) {
      scope = r.getScope();
      method = r.getIdentifier();
      arity = -1;
    } else {
      return List.of();
    }
    List<ClassOrInterfaceDeclaration> owners = new ArrayList<>();
    if (scope == null || scope instanceof ThisExpr || scope instanceof SuperExpr) {
      ClassOrInterfaceDeclaration own =
          call.findAncestor(ClassOrInterfaceDeclaration.class).orElse(null);
      for (int i = 0; own != null && i < 4 && !owners.contains(own); i++) {
        owners.add(own);
        if (own.getExtendedTypes().isEmpty()) break;
        String parent = own.getExtendedTypes().get(0).getNameAsString();
        own =
            classes.getOrDefault(parent, List.of()).stream()
                .filter(c -> c.getNameAsString().equals(parent))
                .findFirst()
                .orElse(null);
      }
    } else {
      String name = null;
      if (scope instanceof NameExpr n) name = n.getNameAsString();
      if (scope instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr)
        name = f.getNameAsString();
      if (scope instanceof TypeExpr t) name = t.getType().asString();
      if (name == null) return List.of();
      String type = ctx.typeOf(name, call);
      // No variable of that name: a static call or a method reference on a class
      // (OrderService.place, OrderService::place).
      if (type == null && Character.isUpperCase(name.charAt(0))) type = name;
      if (type == null) return List.of();
      int generic = type.indexOf('<');
      if (generic >= 0) type = type.substring(0, generic);
      owners.addAll(classes.getOrDefault(type.substring(type.lastIndexOf('.') + 1), List.of()));
    }
    List<MethodDeclaration> out = new ArrayList<>();
    for (ClassOrInterfaceDeclaration c : owners) {
      for (MethodDeclaration m : methodsNamed(c, method)) {
        if (m.getBody().isPresent() && (arity < 0 || m.getParameters().size() == arity)) out.add(m);
      }
    }
    return out;
  }

  private List<MethodDeclaration> methodsNamed(ClassOrInterfaceDeclaration c, String name) {
    return methodsOf
        .computeIfAbsent(
            c,
            k -> {
              Map<String, List<MethodDeclaration>> byName = new HashMap<>();
              for (MethodDeclaration m : k.getMethods())
                byName.computeIfAbsent(m.getNameAsString(), n -> new ArrayList<>()).add(m);
              return byName;
            })
        .getOrDefault(name, List.of());
  }

  /**
   * {@code @Transactional} on the listener or its class naming a Kafka transaction manager, or
   * null.
   */
  private static AnnotationExpr kafkaTransactional(
      FileContext ctx, MethodDeclaration m, ClassOrInterfaceDeclaration c) {
    List<AnnotationExpr> candidates = new ArrayList<>(m.getAnnotations());
    candidates.addAll(c.getAnnotations());
    for (AnnotationExpr a : candidates) {
      String t = ctx.imports.resolve(a.getNameAsString());
      if (t == null) t = wildcard(ctx, a.getName().getIdentifier(), TRANSACTIONAL);
      if (t == null || !TRANSACTIONAL.contains(t)) continue;
      for (String manager : attribute(a, List.of("value", "transactionManager"))) {
        if (manager.toLowerCase(Locale.ROOT).contains("kafka")) return a;
      }
    }
    return null;
  }

  /**
   * Where the code creates or declares a Kafka transaction manager (a bean, a field, a {@code
   * new}).
   */
  private List<Location> kafkaTransactionManagers() {
    List<Location> out = new ArrayList<>();
    for (FileContext ctx : files) {
      for (ObjectCreationExpr o : ctx.cu.findAll(ObjectCreationExpr.class)) {
        String t = ctx.imports.resolve(o.getType().getNameWithScope());
        if (t == null) t = wildcard(ctx, o.getType().getNameAsString(), KAFKA_TRANSACTION_MANAGERS);
        if (t != null && KAFKA_TRANSACTION_MANAGERS.contains(t)) out.add(ctx.at(o));
      }
      for (MethodDeclaration m : ctx.cu.findAll(MethodDeclaration.class)) {
        if (!m.getType().isClassOrInterfaceType()) continue;
        ClassOrInterfaceType rt = m.getType().asClassOrInterfaceType();
        String t = ctx.imports.resolve(rt.getNameWithScope());
        if (t == null) t = wildcard(ctx, rt.getNameAsString(), KAFKA_TRANSACTION_MANAGERS);
        if (t != null
            && KAFKA_TRANSACTION_MANAGERS.contains(t)
            && m.getAnnotationByName("Bean").isPresent()) out.add(ctx.at(m.getName()));
      }
    }
    return out;
  }

  /**
   * The fully qualified name of an annotation, when it is one of the listener or handler
   * annotations; else null.
   */
  private static String annotationType(FileContext ctx, AnnotationExpr a) {
    String written = a.getNameAsString();
    String t = ctx.imports.resolve(written);
    Set<String> known = new java.util.HashSet<>(ANNOTATIONS.keySet());
    known.addAll(CLASS_LEVEL_HANDLERS.values());
    if (t == null) t = wildcard(ctx, a.getName().getIdentifier(), known);
    return t != null && (known.contains(t)) ? t : null;
  }

  /**
   * A simple name imported through a wildcard (or the same package) of one of the known types'
   * packages, or null.
   */
  private static String wildcard(FileContext ctx, String simple, Set<String> known) {
    String pkg = ctx.cu.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
    for (String k : known) {
      if (!k.substring(k.lastIndexOf('.') + 1).equals(simple)) continue;
      String kp = k.substring(0, k.lastIndexOf('.'));
      if (kp.equals(pkg)) return k;
      for (ImportDeclaration i : ctx.cu.getImports())
        if (i.isAsterisk() && !i.isStatic() && i.getNameAsString().equals(kp)) return k;
    }
    return null;
  }

  /**
   * The queues, topics or destinations an annotation names: string literals as written, other
   * expressions as source text.
   */
  private static List<String> sources(AnnotationExpr a, Kind k) {
    return attribute(a, k.sourceAttributes());
  }

  private static List<String> attribute(AnnotationExpr a, List<String> names) {
    List<Expression> values = new ArrayList<>();
    if (a instanceof SingleMemberAnnotationExpr s && names.contains("value"))
      values.add(s.getMemberValue());
    if (a instanceof NormalAnnotationExpr n) {
      for (MemberValuePair p : n.getPairs())
        if (names.contains(p.getNameAsString())) values.add(p.getValue());
    }
    List<String> out = new ArrayList<>();
    for (Expression v : values) {
      NodeList<Expression> items =
          v instanceof ArrayInitializerExpr arr ? arr.getValues() : new NodeList<>(v);
      for (Expression e : items)
        out.add(e instanceof StringLiteralExpr s ? s.asString() : e.toString());
    }
    return out;
  }
}
