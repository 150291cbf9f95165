package dev.relplan.code.java;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.relplan.discover.SkippedFile;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.HealthEndpoint;
import dev.relplan.model.Integration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Inventories the outbound calls of Java sources with JavaParser: every call through a known
 * client library, with the timeout, retry policy, circuit breaker and fallback that apply to it.
 */
public final class JavaCodeScanner {
  /** What the scan found, and the files it could not parse. */
  public record Result(List<Integration> integrations, List<HealthEndpoint> healthEndpoints, List<SkippedFile> skipped) {}

  private JavaCodeScanner() {}

  public static Result scan(List<SourceFile> files) {
    JavaParser parser = new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
    List<SkippedFile> skipped = new ArrayList<>();
    List<FileContext> parsed = new ArrayList<>();
    Beans beans = new Beans();
    for (SourceFile f : files) {
      ParseResult<CompilationUnit> r = parser.parse(f.content());
      if (!r.isSuccessful() || r.getResult().isEmpty()) {
        Problem p = r.getProblems().isEmpty() ? null : r.getProblems().get(0);
        String where = p == null ? "" : p.getLocation().flatMap(l -> l.getBegin().getRange()).map(x -> " at line " + x.begin.line).orElse("");
        skipped.add(new SkippedFile(f.display(), "Java syntax error" + where + "; its calls are not analysed"));
        continue;
      }
      FileContext ctx = new FileContext(f.display(), r.getResult().get(), beans);
      ctx.collectBeans();
      parsed.add(ctx);
    }
    List<Integration> out = new ArrayList<>();
    List<HealthEndpoint> health = new ArrayList<>();
    for (FileContext ctx : parsed) {
      out.addAll(scanFile(ctx));
      health.addAll(new HealthEndpoints(ctx).find());
    }
    out.sort(Comparator.comparing((Integration i) -> i.location));
    health.sort(Comparator.comparing((HealthEndpoint h) -> h.location));
    return new Result(out, health, skipped);
  }

  private static List<Integration> scanFile(FileContext ctx) {
    CallSites sites = new CallSites(ctx);
    Resilience resilience = new Resilience(ctx);
    List<Integration> out = new ArrayList<>();
    for (MethodCallExpr m : ctx.cu.findAll(MethodCallExpr.class)) {
      Integration i = sites.analyse(m);
      if (i == null) continue;
      resilience.apply(i, m);
      out.add(i);
    }
    for (ObjectCreationExpr o : ctx.cu.findAll(ObjectCreationExpr.class)) {
      Integration i = sites.creation(o);
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
