package dev.relplan.code;

import dev.relplan.code.csharp.CsharpHandlers;
import dev.relplan.code.go.GoHandlers;
import dev.relplan.code.java.JavaHandlers;
import dev.relplan.code.javascript.JsHandlers;
import dev.relplan.code.python.PythonHandlers;
import dev.relplan.discover.Discovery;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.CoverageGap;
import dev.relplan.model.CoverageGap.Cause;
import dev.relplan.model.EventHandler;
import dev.relplan.model.Function;
import dev.relplan.model.Queue;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.source.FileGuard;
import dev.relplan.source.Location;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Ties each event-consuming Lambda function declared in IaC to its handler code (Handler and
 * CodeUri, relative to the template) and records how the handler deduplicates redelivered events.
 * Runs after the linker, which adds the triggers that come from separate resources.
 */
public final class LambdaHandlers {
  /** Triggers that deliver at least once, so the same event can reach the handler twice. */
  static final Set<String> AT_LEAST_ONCE =
      Set.of("SQS", "SNS", "EVENTBRIDGE", "KINESIS", "DYNAMODB", "KAFKA", "MQ");

  private LambdaHandlers() {}

  public static void link(Discovery.Result found, Workload w) {
    // Sorted once: Java, C# and Go handlers are looked for in path order.
    SortedMap<String, SourceFile> code = new TreeMap<>();
    for (SourceFile f : found.ofKind(FileKind.SOURCE_CODE)) code.put(f.display(), f);
    List<Consumer> consumers = new ArrayList<>();
    for (Function f : w.all(Function.class)) {
      f.triggers.stream()
          .filter(t -> AT_LEAST_ONCE.contains(t.kind()))
          .findFirst()
          .ifPresent(trigger -> consumers.add(new Consumer(f, trigger)));
    }
    // Each function's handler code is read (parsed again) on its own: on every core, the results
    // in the functions' order.
    List<Linked> linked =
        FileGuard.parallel(consumers, c -> handler(c.function(), c.trigger(), code));
    for (int i = 0; i < consumers.size(); i++) {
      Function f = consumers.get(i).function();
      Function.Trigger trigger = consumers.get(i).trigger();
      EventHandler h = linked.get(i).handler();
      if (linked.get(i).gap() != null) w.coverageGaps.add(linked.get(i).gap());
      h.environment =
          f.environment; // the function's environment decides whether its handler is production
      if (h.idempotency.known() && !h.idempotency.present() && trigger.kind().equals("SQS")) {
        Queue q = w.resolve(trigger.source().get(), Queue.class);
        if (q != null && q.fifo.isTrue())
          h.idempotency = Value.explicit("FIFO queue " + q.id + " (deduplication)", q.fifo.trace());
      }
      w.eventHandlers.add(h);
    }
    for (EventHandler h : w.eventHandlers) if (h.isListener()) fifoSource(h, w);
  }

  /** A function with an at-least-once trigger (its first such trigger). */
  private record Consumer(Function function, Function.Trigger trigger) {}

  /** A function's handler, and the coverage gap its code is (null when the code was read). */
  private record Linked(EventHandler handler, CoverageGap gap) {}

  /**
   * An SQS listener whose queues are all FIFO queues deduplicates like a FIFO-fed function: a queue
   * declared in IaC with that name and FifoQueue true, or a literal name ending in .fifo, which AWS
   * reserves for (and requires of) FIFO queues.
   */
  private static void fifoSource(EventHandler h, Workload w) {
    if (!h.trigger.equals("SQS")
        || !h.idempotency.known()
        || h.idempotency.present()
        || h.sources.isEmpty()) return;
    List<Location> trace = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (String source : h.sources) {
      String name =
          source.substring(source.lastIndexOf('/') + 1); // a queue URL ends with the queue's name
      Queue declared = null;
      for (Queue q : w.all(Queue.class))
        if (q.name.present() && q.name.get().equals(name)) declared = q;
      if (declared != null && declared.fifo.isTrue()) {
        trace.addAll(
            declared.fifo.trace().isEmpty() ? List.of(declared.location) : declared.fifo.trace());
        names.add(
            declared.id + (declared.contentBasedDeduplication.isTrue() ? ", content-based" : ""));
      } else if (declared == null && name.endsWith(".fifo")) {
        names.add(name);
      } else {
        return;
      }
    }
    if (trace.isEmpty()) trace.add(h.location);
    h.idempotency =
        Value.explicit("FIFO queue " + String.join(", ", names) + " (deduplication)", trace);
  }

  /**
   * The handler code found for a function, or why it was not; {@code gap} says why its code could
   * not be read at all (null when the code was read but holds no such handler).
   */
  private record Resolution(HandlerCode found, String why, Cause gap) {
    static Resolution of(HandlerCode found) {
      return new Resolution(found, null, null);
    }

    static Resolution notFound(String why) {
      return new Resolution(null, why, null);
    }

    static Resolution notScanned(String why) {
      return new Resolution(null, why, Cause.OUTSIDE_SCANNED_PATHS);
    }
  }

  private static Linked handler(
      Function f, Function.Trigger trigger, SortedMap<String, SourceFile> code) {
    String handler = f.handler.present() ? f.handler.get() : null;
    String codeUri = f.codeUri.present() ? f.codeUri.get() : null;
    String runtime = f.runtime.present() ? f.runtime.get().toLowerCase(Locale.ROOT) : "";
    // Terraform functions carry the folder of their archive's source, relative to the scanned root
    // (LambdaCode).
    boolean terraform = f.type.startsWith("aws_");
    String why = null;
    Cause gap = null;
    if (f.inlineCode.present() && handler != null) {
      Resolution r = inline(f, runtime, handler);
      if (r.found() != null) return new Linked(linked(f, trigger, handler, r.found()), null);
      why = r.why();
    } else if (f.codeUri.unresolved()) {
      why = f.codeUri.note();
      gap = Cause.UNRESOLVABLE;
    } else if (codeUri != null && codeUri.startsWith("s3://")) {
      why = "the function's code is the S3 object " + codeUri + ", which is not fetched";
      gap = Cause.NOT_FETCHED;
    } else if (handler == null || codeUri == null) {
      why =
          terraform
              ? "the function's handler or archive_file source (source_dir) is not set, so its code cannot be found"
              : "the function's handler or local code directory (CodeUri) is not set, so its code cannot be found";
      gap = Cause.UNRESOLVABLE;
    }
    if (why == null) {
      String base = f.codeDirectory().orElseThrow(); // local: not s3://, present

      Resolution r = resolve(runtime, handler, base, code);
      if (r.found() != null) return new Linked(linked(f, trigger, handler, r.found()), null);
      why = r.why();
      gap = r.gap();
    }
    // Code that could not be read at all is a coverage gap; code read without the handler is not.
    EventHandler h =
        new EventHandler(
            f.location.file(),
            f.id,
            f.id,
            trigger.kind(),
            f.location,
            f.location,
            trigger.location());
    h.idempotency = Value.unresolved(why, List.of(f.location, trigger.location()));
    return new Linked(
        h,
        gap == null ? null : new CoverageGap(CoverageGap.Kind.HANDLER, f.id, gap, why, f.location));
  }

  /**
   * The handler in code written in the template: CloudFormation saves it as index.py or index.js,
   * so only the function name after the module matters. The code is read as a file of its own whose
   * lines are the template's (blank lines stand for the template above it).
   */
  private static Resolution inline(Function f, String runtime, String handler) {
    Location first = f.inlineCode.trace().get(0);
    String function = handler.substring(handler.lastIndexOf('.') + 1);
    SourceFile code =
        new SourceFile(
            Path.of(first.file()),
            first.file(),
            FileKind.SOURCE_CODE,
            "\n".repeat(first.line() - 1) + f.inlineCode.get(),
            List.of());
    HandlerCode found = null;
    if (runtime.startsWith("python")) found = PythonHandlers.find(code, function);
    else if (runtime.startsWith("nodejs")) found = JsHandlers.find(code, function);
    else
      return Resolution.notFound(
          "inline code for runtime "
              + (runtime.isEmpty() ? "(not set)" : runtime)
              + " is not analysed");
    return found != null
        ? Resolution.of(found)
        : Resolution.notFound("no handler function " + function + " in the function's inline code");
  }

  /**
   * The handler code by runtime; without a runtime, a module.function handler is taken for Python.
   */
  private static Resolution resolve(
      String runtime, String handler, String base, SortedMap<String, SourceFile> code) {
    if (runtime.startsWith("python")
        || runtime.isEmpty() && handler.matches("[\\w./]+\\.\\w+") && !handler.contains("::"))
      return python(handler, base, code);
    if (runtime.startsWith("nodejs")) return node(handler, base, code);
    if (runtime.startsWith("java")) return java(handler, base, code);
    if (runtime.startsWith("dotnet") && handler.split("::").length == 3)
      return dotnet(handler, base, code);
    if ((runtime.startsWith("go") || runtime.startsWith("provided"))
        && goPackage(code, base).size() > 0) {
      HandlerCode found = GoHandlers.find(goPackage(code, base));
      return found != null
          ? Resolution.of(found)
          : Resolution.notFound("no lambda.Start(...) in the Go package " + base);
    }
    return Resolution.notFound(
        "handlers for runtime "
            + (runtime.isEmpty() ? "(not set)" : runtime)
            + " are not analysed");
  }

  /** Handler: {@code <dotted.module>.<function>}, a module-level function of a .py file. */
  private static Resolution python(
      String handler, String base, SortedMap<String, SourceFile> code) {
    String module = handler.substring(0, handler.lastIndexOf('.'));
    String function = handler.substring(handler.lastIndexOf('.') + 1);
    String path = Function.inFolder(base, module.replace('.', '/') + ".py");
    SourceFile file = code.get(path);
    HandlerCode found = file == null ? null : PythonHandlers.find(file, function);
    if (found != null) return Resolution.of(found);
    return file == null
        ? Resolution.notScanned("the handler file " + path + " is not in the scanned paths")
        : Resolution.notFound("no module-level function " + function + " in " + path);
  }

  /**
   * Handler: {@code <path/module>.<export>}; the module is a .js/.mjs/.cjs file, or .ts compiled at
   * build time (esbuild).
   */
  private static Resolution node(String handler, String base, SortedMap<String, SourceFile> code) {
    String module =
        handler.contains(".") ? handler.substring(0, handler.lastIndexOf('.')) : handler;
    String function =
        handler.contains(".") ? handler.substring(handler.lastIndexOf('.') + 1) : "handler";
    String tried = null;
    for (String ext : List.of(".js", ".mjs", ".cjs", ".ts")) {
      String path = Function.inFolder(base, module + ext);
      SourceFile file = code.get(path);
      if (file == null) continue;
      HandlerCode found = JsHandlers.find(file, function);
      if (found != null) return Resolution.of(found);
      tried = path;
    }
    return tried == null
        ? Resolution.notScanned(
            "the handler file "
                + Function.inFolder(base, module)
                + ".js (or .mjs, .cjs, .ts) is not in the scanned paths")
        : Resolution.notFound("no exported function " + function + " in " + tried);
  }

  /** Handler: {@code package.Class::method} (handleRequest when no method is named). */
  private static Resolution java(String handler, String base, SortedMap<String, SourceFile> code) {
    String cls = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
    String method =
        handler.contains("::") ? handler.substring(handler.indexOf("::") + 2) : "handleRequest";
    String suffix = cls.replace('.', '/') + ".java";
    String prefix = base.isEmpty() ? "" : base + "/";
    boolean read = false;
    for (Map.Entry<String, SourceFile> e : code.entrySet()) {
      String path = e.getKey();
      if (!path.startsWith(prefix) || !(path.endsWith("/" + suffix) || path.equals(suffix)))
        continue;
      read = true;
      HandlerCode found =
          JavaHandlers.find(e.getValue(), cls.substring(cls.lastIndexOf('.') + 1), method);
      if (found != null) return Resolution.of(found);
    }
    String why = "the handler class " + cls + " is not in the scanned paths under " + base;
    return read ? Resolution.notFound(why) : Resolution.notScanned(why);
  }

  /** Handler: {@code Assembly::Namespace.Class::Method}, searched in every .cs file under base. */
  private static Resolution dotnet(
      String handler, String base, SortedMap<String, SourceFile> code) {
    String[] parts = handler.split("::");
    String cls = parts[1].substring(parts[1].lastIndexOf('.') + 1);
    String prefix = base.isEmpty() ? "" : base + "/";
    boolean read = false;
    for (Map.Entry<String, SourceFile> e : code.entrySet()) {
      if (!e.getKey().startsWith(prefix) || !e.getKey().endsWith(".cs")) continue;
      read = true;
      HandlerCode found = CsharpHandlers.find(e.getValue(), cls, parts[2]);
      if (found != null) return Resolution.of(found);
    }
    String why = "the handler class " + parts[1] + " is not in the scanned paths under " + base;
    return read ? Resolution.notFound(why) : Resolution.notScanned(why);
  }

  /** The Go files of one directory (a package), tests excluded. */
  private static List<SourceFile> goPackage(SortedMap<String, SourceFile> code, String dir) {
    String prefix = dir.isEmpty() ? "" : dir + "/";
    return code.entrySet().stream()
        .filter(
            e ->
                e.getKey().startsWith(prefix)
                    && e.getKey().endsWith(".go")
                    && !e.getKey().endsWith("_test.go")
                    && !e.getKey().substring(prefix.length()).contains("/"))
        .map(Map.Entry::getValue)
        .toList();
  }

  private static EventHandler linked(
      Function f, Function.Trigger trigger, String handler, HandlerCode code) {
    Location at = code.definition();
    EventHandler h =
        new EventHandler(
            at.file(),
            code.name() != null ? code.name() : handler,
            f.id,
            trigger.kind(),
            at,
            f.location,
            trigger.location());
    h.idempotency = code.idempotency();
    return h;
  }

  /** Removes ./ segments, resolves ../ and drops a trailing slash, keeping forward slashes. */
  public static String normalize(String path) {
    return Function.normalize(path);
  }
}
