package dev.relplan.code.java;

import com.github.javaparser.ParseResult;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.relplan.code.LanguageScanner;
import dev.relplan.code.PerFile;
import dev.relplan.code.ScanResult;
import dev.relplan.code.TestSources;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.EventHandler;
import dev.relplan.model.HealthEndpoint;
import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import dev.relplan.parse.java.JavaSource;
import dev.relplan.source.FileGuard;
import dev.relplan.source.Location;
import dev.relplan.source.SkippedFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Inventories the outbound calls of Java sources with JavaParser: every call through a known client
 * library, with the timeout, retry policy, circuit breaker and fallback that apply to it.
 */
public final class JavaCodeScanner implements LanguageScanner {
  /** Java sources, and Spring Boot configuration files, which may turn on Kafka transactions. */
  @Override
  public boolean handles(SourceFile file) {
    return file.kind() == FileKind.SOURCE_CODE && file.display().endsWith(".java")
        || file.kind() == FileKind.OTHER
            && (KafkaTransactions.isSpringBootConfig(file.display())
                || SpringConfig.isConfigFile(file.display()));
  }

  /** Spring Boot's application*.properties files, which discovery reads only when asked. */
  @Override
  public boolean asksFor(String fileName) {
    return fileName.endsWith(".properties") && SpringConfig.isConfigFile(fileName);
  }

  @Override
  public boolean isTest(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return TestSources.inTestFolder(path)
        || name.endsWith("Test.java")
        || name.endsWith("Tests.java")
        || name.endsWith("IT.java");
  }

  /**
   * Listeners in the result are Kafka, SQS, JMS and Rabbit listeners found by their annotations.
   */
  @Override
  public ScanResult scan(List<SourceFile> files) {
    List<SourceFile> sources =
        files.stream().filter(f -> f.kind() == FileKind.SOURCE_CODE).toList();
    List<SourceFile> config = files.stream().filter(f -> f.kind() == FileKind.OTHER).toList();
    return scan(sources, KafkaTransactions.find(config), SpringConfig.read(config));
  }

  /**
   * {@code kafkaTransactions}: where configuration outside Java code turns on Kafka transactions
   * (Spring Boot's {@code spring.kafka.producer.transaction-id-prefix}); Kafka listeners are then
   * not judged.
   */
  private static ScanResult scan(
      List<SourceFile> files, List<Location> kafkaTransactions, SpringConfig spring) {
    List<SkippedFile> skipped = new ArrayList<>();
    List<FileContext> parsed = new ArrayList<>();
    Beans beans = new Beans();
    // Parsing on every core; the beans, collected across files, in the files' order after it.
    List<PerFile.Outcome<Parsed>> outcomes = PerFile.each(files, JavaCodeScanner::parse);
    for (int k = 0; k < files.size(); k++) {
      PerFile.Outcome<Parsed> o = outcomes.get(k);
      if (!o.completed()) {
        skipped.add(o.skipped());
      } else if (o.result().syntaxError() != null) {
        skipped.add(o.result().syntaxError());
      } else {
        String display = files.get(k).display();
        CompilationUnit cu = o.result().unit();
        FileGuard.run(display, () -> parsed.add(withBeans(display, cu, beans, spring)))
            .ifPresent(skipped::add);
      }
    }
    List<Integration> out = new ArrayList<>();
    List<HealthEndpoint> health = new ArrayList<>();
    List<FileContext> scanned = new ArrayList<>();
    for (FileContext ctx : parsed) {
      // One file's calls and health endpoints together, kept only when both complete.
      List<Integration> calls = new ArrayList<>();
      List<HealthEndpoint> endpoints = new ArrayList<>();
      FileGuard.run(
              ctx.file,
              () -> {
                calls.addAll(scanFile(ctx));
                endpoints.addAll(new HealthEndpoints(ctx).find());
              })
          .ifPresentOrElse(
              skipped::add,
              () -> {
                out.addAll(calls);
                health.addAll(endpoints);
                scanned.add(ctx);
              });
    }
    protectedByCallers(scanned, out);
    out.sort(Comparator.comparing((Integration i) -> i.location));
    health.sort(Comparator.comparing((HealthEndpoint h) -> h.location));
    List<EventHandler> listeners = new JavaListeners(scanned).find(kafkaTransactions);
    return new ScanResult(out, health, listeners, List.of(), skipped);
  }

  /** One file's syntax tree, or its syntax error. */
  private record Parsed(CompilationUnit unit, SkippedFile syntaxError) {}

  /**
   * Parses one file. A parser per file (JavaParser is not thread-safe): making one costs about a
   * microsecond, against milliseconds for a parse.
   */
  private static Parsed parse(SourceFile f) {
    ParseResult<CompilationUnit> r = JavaSource.parse(f.content());
    if (r.isSuccessful() && r.getResult().isPresent()) return new Parsed(r.getResult().get(), null);
    Problem p = r.getProblems().isEmpty() ? null : r.getProblems().get(0);
    String where =
        p == null
            ? ""
            : p.getLocation()
                .flatMap(l -> l.getBegin().getRange())
                .map(x -> " at line " + x.begin.line)
                .orElse("");
    return new Parsed(
        null,
        new SkippedFile(f.display(), "Java syntax error" + where + "; its calls are not analysed"));
  }

  /** The parsed file, its bean methods added to {@code beans}. */
  private static FileContext withBeans(
      String display, CompilationUnit cu, Beans beans, SpringConfig spring) {
    FileContext ctx = new FileContext(display, cu, beans);
    ctx.spring = spring.scopeOf(display);
    ctx.collectBeans();
    return ctx;
  }

  /**
   * One level up the call graph: a method making an outbound call, every caller of which (found by
   * method name and receiver type) wraps the call in a circuit breaker, retry, time limiter or
   * fallback — e.g. a service method annotated @CircuitBreaker calling a client class.
   */
  private static void protectedByCallers(List<FileContext> files, List<Integration> integrations) {
    java.util.Map<String, List<Integration>> byMethod = new java.util.HashMap<>();
    for (Integration i : integrations)
      byMethod.computeIfAbsent(i.enclosing, k -> new ArrayList<>()).add(i);
    java.util.Set<String> methodNames = new java.util.HashSet<>();
    for (String key : byMethod.keySet()) methodNames.add(key.substring(key.lastIndexOf('.') + 1));
    java.util.Map<String, List<Integration>> callerViews = new java.util.HashMap<>();
    for (FileContext ctx : files) {
      Resilience resilience = new Resilience(ctx);
      SpringCircuitBreakers breakers = new SpringCircuitBreakers(ctx);
      for (MethodCallExpr c : ctx.cu.findAll(MethodCallExpr.class)) {
        if (!methodNames.contains(c.getNameAsString())) continue;
        String type = receiverType(ctx, c);
        if (type == null) continue;
        String key = type + "." + c.getNameAsString();
        if (!byMethod.containsKey(key) || CallSites.enclosing(c).equals(key)) continue;
        Integration view =
            new Integration(
                ctx.file,
                CallSites.enclosing(c),
                Integration.Kind.HTTP,
                "caller",
                "java",
                ctx.at(c.getName()));
        resilience.apply(view, c);
        breakers.apply(view, c);
        CallSites.reactorOperators(view, c, ctx);
        callerViews.computeIfAbsent(key, k -> new ArrayList<>()).add(view);
      }
    }
    callerViews.forEach(
        (key, callers) -> {
          for (Integration i : byMethod.get(key)) {
            if (!i.circuitBreaker.present()
                && callers.stream().allMatch(v -> v.circuitBreaker.present())) {
              Integration v = callers.get(0);
              i.circuitBreaker =
                  Value.explicit(
                      v.circuitBreaker.get() + " in caller " + v.enclosing,
                      v.circuitBreaker.trace());
            }
            if (!i.retry.present() && callers.stream().allMatch(v -> v.retry.present())) {
              Integration v = callers.get(0);
              i.retry =
                  Value.explicit(v.retry.get() + " in caller " + v.enclosing, v.retry.trace());
            }
            if (!i.fallback.present() && callers.stream().allMatch(v -> v.fallback.present())) {
              Integration v = callers.get(0);
              i.fallback =
                  Value.explicit(
                      v.fallback.get() + " in caller " + v.enclosing, v.fallback.trace());
            }
            if (!i.timeout.present() && callers.stream().allMatch(v -> v.timeout.present())) {
              Integration v = callers.get(0);
              i.timeout =
                  Value.explicit(v.timeout.get() + " in caller " + v.enclosing, v.timeout.trace());
            }
          }
        });
  }

  /** The simple name of the class a call goes to: the receiver's declared type, or this class. */
  private static String receiverType(FileContext ctx, MethodCallExpr c) {
    var scope = c.getScope().orElse(null);
    String name = null;
    if (scope == null || scope instanceof com.github.javaparser.ast.expr.ThisExpr) {
      return c.findAncestor(com.github.javaparser.ast.body.TypeDeclaration.class)
          .map(t -> t.getNameAsString())
          .orElse(null);
    }
    if (scope instanceof com.github.javaparser.ast.expr.NameExpr n) name = n.getNameAsString();
    if (scope instanceof com.github.javaparser.ast.expr.FieldAccessExpr f
        && f.getScope() instanceof com.github.javaparser.ast.expr.ThisExpr) {
      name = f.getNameAsString();
    }
    if (name == null) return null;
    String t = ctx.typeOf(name, c);
    if (t == null) return null;
    int generic = t.indexOf('<');
    if (generic >= 0) t = t.substring(0, generic);
    return t.substring(t.lastIndexOf('.') + 1);
  }

  private static List<Integration> scanFile(FileContext ctx) {
    CallSites sites = new CallSites(ctx);
    DataClients dataClients = new DataClients(ctx, sites);
    Resilience resilience = new Resilience(ctx);
    SpringCircuitBreakers breakers = new SpringCircuitBreakers(ctx);
    List<Integration> out = new ArrayList<>();
    GrpcStubs grpc = new GrpcStubs(ctx, sites);
    JavaRetryLoops retryLoops = new JavaRetryLoops(ctx);
    for (MethodCallExpr m : ctx.cu.findAll(MethodCallExpr.class)) {
      Integration i = sites.analyse(m);
      if (i == null) i = grpc.analyse(m);
      if (i == null) i = dataClients.call(m);
      if (i == null) continue;
      Value<String> retry = i.retry;
      Value<String> timeout = i.timeout;
      resilience.apply(i, m);
      breakers.apply(i, m);
      JavaWaits.wrapped(i, retry, timeout);
      retryLoops.apply(i, m);
      out.add(i);
    }
    for (ObjectCreationExpr o : ctx.cu.findAll(ObjectCreationExpr.class)) {
      Integration i = sites.creation(o);
      if (i == null) i = dataClients.creation(o);
      if (i != null) out.add(i);
    }
    for (ClassOrInterfaceDeclaration t : ctx.cu.findAll(ClassOrInterfaceDeclaration.class)) {
      if (!t.isInterface()) continue;
      Integration i = sites.feign(t);
      if (i != null) out.add(i);
    }
    return out;
  }
}
