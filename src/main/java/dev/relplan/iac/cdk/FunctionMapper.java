package dev.relplan.iac.cdk;

import dev.relplan.iac.common.TypedSettings;
import dev.relplan.model.Function;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.source.Location;
import java.util.List;

/**
 * Lambda function constructs: {@code lambda.Function} (code from an asset folder and a handler),
 * {@code NodejsFunction} (an entry file, by default named after the stack file and the construct
 * id), {@code PythonFunction} (an entry folder and an index module) and {@code GoFunction} (the
 * folder, or a file in the folder, of the Go main package). The handler's folder is given relative
 * to the stack file, as a SAM CodeUri is relative to its template, so the code adapter finds the
 * handler the same way.
 */
final class FunctionMapper {
  private FunctionMapper() {}

  static void function(Construct c, Workload draft) {
    CdkProps p = c.props();
    Function f = ConstructMappers.function(c);
    f.runtime = ConstructMappers.runtime(p);
    f.handler = p.str("handler");
    Value<Object> code = p.raw("code");
    if (code.present() && code.get() instanceof Expressions.Asset asset)
      f.codeUri = codeFolder(c, asset.path(), code.trace());
    else if (code.unresolved()) f.codeUri = Value.unresolved(code.note(), code.trace());
    c.add(f, draft);
  }

  static void nodejsFunction(Construct c, Workload draft) {
    CdkProps p = c.props();
    Function f = ConstructMappers.function(c);
    f.runtime =
        TypedSettings.or(
            ConstructMappers.runtime(p),
            "nodejs",
            ConstructMappers.constructDefault(c, "runs the latest Node.js runtime"));
    Value<Object> entry = p.raw("entry");
    String export = p.str("handler").orElse("handler");
    if (entry.unresolved()) {
      f.codeUri = Value.unresolved(entry.note(), entry.trace());
      f.handler = Value.unresolved(entry.note(), entry.trace());
    } else {
      Object file = entry.present() ? entry.get() : defaultEntry(c);
      List<Location> trace = entry.present() ? entry.trace() : List.of(c.location());
      Value<String> path = codeFolder(c, file, trace);
      f.codeUri = path.map(FunctionMapper::folder);
      f.handler = path.map(x -> module(x) + "." + export);
    }
    c.add(f, draft);
  }

  static void pythonFunction(Construct c, Workload draft) {
    CdkProps p = c.props();
    Function f = ConstructMappers.function(c);
    f.runtime = ConstructMappers.runtime(p);
    Value<Object> entry = p.raw("entry");
    String index = p.str("index").orElse("index.py");
    String export = p.str("handler").orElse("handler");
    f.codeUri =
        entry.present()
            ? codeFolder(c, entry.get(), entry.trace())
            : entry.unresolved() ? Value.unresolved(entry.note(), entry.trace()) : Value.absent();
    f.handler = Value.explicit(module(index) + "." + export, List.of(c.location()));
    c.add(f, draft);
  }

  /**
   * GoFunction builds the main package at {@code entry} (a folder, or a {@code .go} file in it)
   * into a {@code bootstrap} executable on an OS-only runtime; the Go scanner finds the handler
   * passed to {@code lambda.Start} in that folder.
   */
  static void goFunction(Construct c, Workload draft) {
    CdkProps p = c.props();
    Function f = ConstructMappers.function(c);
    f.runtime =
        TypedSettings.or(
            ConstructMappers.runtime(p),
            "provided.al2",
            ConstructMappers.constructDefault(
                c, "runs on the OS-only runtime provided.al2 (Runtime.PROVIDED_AL2)"));
    f.handler = Value.explicit("bootstrap", List.of(c.location()));
    Value<Object> entry = p.raw("entry");
    if (entry.present())
      f.codeUri =
          codeFolder(c, entry.get(), entry.trace())
              .map(path -> path.endsWith(".go") ? folder(path) : path);
    else if (entry.unresolved()) f.codeUri = Value.unresolved(entry.note(), entry.trace());
    c.add(f, draft);
  }

  /** NodejsFunction's default entry: {@code <stack file>.<id>.ts} beside the stack file. */
  private static Expressions.FileRelative defaultEntry(Construct c) {
    String file = c.location().file();
    String name = file.substring(file.lastIndexOf('/') + 1);
    String base = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
    String constructId = c.id().substring(c.id().lastIndexOf('/') + 1);
    return new Expressions.FileRelative(base + "." + constructId + ".ts");
  }

  /**
   * A path relative to the stack file's folder: {@code path.join(__dirname, …)} already is; a plain
   * string is relative to the app's folder (where cdk.json is, from which the CDK CLI runs the
   * app).
   */
  static Value<String> codeFolder(Construct c, Object path, List<Location> trace) {
    if (path instanceof Expressions.FileRelative r) return Value.explicit(r.path(), trace);
    if (path instanceof String s && !s.startsWith("/")) {
      String dir = folder(c.location().file());
      String appRoot = c.appRoot();
      String up = dir.isEmpty() ? "" : "../".repeat(dir.split("/").length);
      return Value.explicit(up + (appRoot.isEmpty() ? "" : appRoot + "/") + s, trace);
    }
    return Value.unresolved("the code path " + path + " is outside the scanned folder", trace);
  }

  private static String folder(String path) {
    return path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
  }

  /** The module a handler names: the file name without its extension. */
  private static String module(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
  }
}
