package dev.relplan.code.javascript;

import dev.relplan.discover.SourceFile;
import dev.relplan.parse.javascript.JsFile;
import dev.relplan.parse.javascript.JsNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Clients a module of the project exports for others to import: an axios instance made at module
 * level ({@code export const api = axios.create({...})}, {@code export default axios.create(...)},
 * {@code export { api }}, {@code export default api}), found by the exported name and the importing
 * module's relative path ({@code ./api}, {@code ./api.js}, {@code ./api/index.ts}).
 */
final class JsExports {
  /** An exported client: the module that makes it and the call that makes it. */
  record Exported(JsFile file, JsNode created) {}

  static final JsExports NONE = new JsExports();

  private static final List<String> EXTENSIONS =
      List.of(".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs");

  /** By module file, exported name ("default" for the default export) to the client. */
  private final Map<String, Map<String, Exported>> byFile = new HashMap<>();

  private JsExports() {}

  /** The clients exported by the given modules (those that make an axios instance). */
  static JsExports of(List<SourceFile> files) {
    JsExports out = new JsExports();
    for (SourceFile file : files) {
      if (!file.content().contains("axios.create")) continue;
      JsFile f = JavaScriptCodeScanner.parse(file);
      if (f == null) continue;
      Map<String, Exported> exported = new HashMap<>();
      for (JsNode export : f.root.all("export_statement")) {
        if (export.function() != null) continue;
        JsNode declaration = export.field("declaration");
        if (declaration != null) {
          for (JsNode d : declaration.children)
            if (d.is("variable_declarator") && d.field("name") != null)
              add(f, d.field("name").text(), d.field("value"), exported);
        }
        JsNode value = export.field("value");
        if (value != null) add(f, "default", value, exported);
        for (JsNode clause : export.children) {
          if (!clause.is("export_clause")) continue;
          for (JsNode spec : clause.children) {
            JsNode name = spec.field("name");
            JsNode alias = spec.field("alias");
            if (name != null) add(f, (alias != null ? alias : name).text(), name, exported);
          }
        }
      }
      if (!exported.isEmpty()) out.byFile.put(file.display(), exported);
    }
    return out;
  }

  private static void add(JsFile f, String name, JsNode value, Map<String, Exported> out) {
    if (value == null) return;
    JsNode origin = f.origin(value);
    if (origin != null
        && origin.is("call_expression")
        && "axios.create".equals(f.qualify(origin.field("function"))))
      out.put(name, new Exported(f, origin));
  }

  /** Whether a module's text may import one of the exporting modules (a relative import). */
  boolean mayBeImportedBy(String text) {
    return !byFile.isEmpty()
        && (text.contains("from '.")
            || text.contains("from \".")
            || text.contains("require('.")
            || text.contains("require(\"."));
  }

  /**
   * The exported client a qualified name of the importing module refers to ({@code ./api.api} for a
   * named import, {@code ./api} for a default one), or null.
   */
  Exported resolve(JsFile importer, String qualified) {
    if (qualified == null || byFile.isEmpty() || !qualified.startsWith(".")) return null;
    Exported whole = find(importer.file, qualified, "default");
    if (whole != null) return whole;
    int dot = qualified.lastIndexOf('.');
    if (dot <= 0) return null;
    return find(importer.file, qualified.substring(0, dot), qualified.substring(dot + 1));
  }

  private Exported find(String importerFile, String module, String name) {
    for (String candidate : candidates(importerFile, module)) {
      Map<String, Exported> exported = byFile.get(candidate);
      if (exported != null) return exported.get(name);
    }
    return null;
  }

  /** The files a relative specifier may name, as Node.js and TypeScript resolve it. */
  private static List<String> candidates(String importerFile, String module) {
    String folder =
        importerFile.contains("/") ? importerFile.substring(0, importerFile.lastIndexOf('/')) : "";
    String path = normalise(folder.isEmpty() ? module : folder + "/" + module);
    if (path == null) return List.of();
    List<String> out = new ArrayList<>();
    out.add(path);
    String stem = path;
    for (String ext : List.of(".js", ".jsx", ".mjs", ".cjs"))
      if (path.endsWith(ext)) stem = path.substring(0, path.length() - ext.length());
    for (String ext : EXTENSIONS) out.add(stem + ext);
    for (String ext : EXTENSIONS) out.add(path + "/index" + ext);
    return out;
  }

  /** The path with {@code .} and {@code ..} segments removed; null when it leaves the root. */
  private static String normalise(String path) {
    List<String> parts = new ArrayList<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) continue;
      if (part.equals("..")) {
        if (parts.isEmpty()) return null;
        parts.remove(parts.size() - 1);
      } else {
        parts.add(part);
      }
    }
    return String.join("/", parts);
  }
}
