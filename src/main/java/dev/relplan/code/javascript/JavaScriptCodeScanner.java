package dev.relplan.code.javascript;

import dev.relplan.code.LanguageScanner;
import dev.relplan.code.PerFile;
import dev.relplan.code.ScanResult;
import dev.relplan.code.TestSources;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Integration;
import dev.relplan.parse.javascript.JsFile;
import dev.relplan.parse.javascript.JsNode;
import dev.relplan.parse.javascript.JsParser;
import dev.relplan.parse.treesitter.SyntaxNode;
import dev.relplan.source.SkippedFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.treesitter.TSNode;
import org.treesitter.TSTree;

/**
 * Inventories outbound calls and health endpoints of JavaScript (.js, .mjs, .cjs, .jsx) and
 * TypeScript (.ts, .tsx) sources, parsed with tree-sitter (JSX with the JavaScript grammar, TSX
 * with its own).
 */
public final class JavaScriptCodeScanner implements LanguageScanner {
  /** JavaScript and TypeScript sources, with or without JSX. */
  @Override
  public boolean handles(SourceFile file) {
    String name = file.display();
    return file.kind() == FileKind.SOURCE_CODE
        && (name.endsWith(".js")
            || name.endsWith(".mjs")
            || name.endsWith(".cjs")
            || name.endsWith(".jsx")
            || name.endsWith(".ts")
            || name.endsWith(".tsx"));
  }

  /**
   * Jest's and Mocha's conventions ({@code __tests__/} and {@code test/} folders, *.test.* and
   * *.spec.* names), besides the common test folders.
   */
  @Override
  public boolean isTest(String path) {
    String p = "/" + path;
    String name = p.substring(p.lastIndexOf('/') + 1);
    return TestSources.inTestFolder(path)
        || p.contains("/__tests__/")
        || p.contains("/test/")
        || name.matches(".*\\.(test|spec)\\.[cm]?[jt]sx?");
  }

  @Override
  public ScanResult scan(List<SourceFile> files) {
    JsExports exports = JsExports.of(files.stream().filter(f -> scanned(f.display())).toList());
    ScanResult found = PerFile.scan(files, file -> scanFile(file, exports));
    found.integrations().sort(Comparator.comparing((Integration i) -> i.location));
    return found;
  }

  /** One file's calls and health endpoints, or why it is not analysed. */
  private static boolean scanned(String name) {
    return !name.endsWith(".d.ts") && !name.endsWith(".min.js");
  }

  private static ScanResult scanFile(SourceFile file, JsExports exports) {
    String name = file.display();
    if (!scanned(name))
      return ScanResult.empty(); // declarations and minified bundles make no calls of their own
    if (generatedProtobuf(file.content()))
      return ScanResult.empty(); // gRPC clients protoc generated: no call sites of their own
    boolean importsClients = exports.mayBeImportedBy(file.content());
    if (!importsClients && !Relevance.mayReference(file.content()))
      return ScanResult.empty(); // Relevance.references could not succeed: not even parsed
    TSNode root = tree(file).getRootNode();
    if (root.hasError()) {
      // tree-sitter recovers from errors; calls inside the broken region could be misread, so the
      // file is skipped.
      return ScanResult.of(
          List.of(),
          List.of(),
          List.of(
              new SkippedFile(
                  name,
                  language(name)
                      + " syntax error"
                      + SyntaxNode.errorLine(root)
                      + "; its calls are not analysed")));
    }
    byte[] bytes = file.content().getBytes(StandardCharsets.UTF_8);
    if (!importsClients && !Relevance.references(root, bytes))
      return ScanResult.empty(); // nothing this scanner recognises can be used: not copied
    JsFile f = new JsFile(name, JsNode.copy(root, bytes), language(name).toLowerCase(Locale.ROOT));
    JsCalls calls = new JsCalls(f, exports);
    JsDataClients dataClients = new JsDataClients(f);
    JsRabbit rabbit = new JsRabbit(f);
    JsSearch search = new JsSearch(f);
    JsResilience resilience = new JsResilience(f);
    JsRetryLoops retryLoops = new JsRetryLoops(f);
    JsGrpc grpc = new JsGrpc(f);
    List<Integration> integrations = new ArrayList<>();
    for (JsNode call : f.calls()) {
      Integration i = calls.analyse(call);
      if (i == null) i = grpc.analyse(call);
      if (i == null) i = dataClients.call(call);
      if (i == null) i = rabbit.call(call);
      if (i == null) continue;
      resilience.apply(i, call);
      retryLoops.apply(i, call);
      integrations.add(i);
    }
    for (JsNode created : f.news()) {
      Integration i = calls.creation(created);
      if (i == null) i = dataClients.creation(created);
      if (i == null) i = search.creation(created);
      if (i != null) integrations.add(i);
    }
    return ScanResult.of(integrations, new JsHealth(f).find(), List.of());
  }

  /**
   * Code a protoc plugin generated, by the header such plugins write: "DO NOT EDIT" or "Code
   * generated" near a mention of protoc (ts-proto), or grpc-tools' "GENERATED CODE -- DO NOT
   * EDIT!".
   */
  static boolean generatedProtobuf(String text) {
    String head = text.substring(0, Math.min(text.length(), 400));
    return head.contains("GENERATED CODE -- DO NOT EDIT!")
        || head.contains("protoc")
            && (head.contains("DO NOT EDIT") || head.contains("Code generated"));
  }

  /** The parsed file, or null when it does not parse cleanly. */
  static JsFile parse(SourceFile file) {
    String name = file.display();
    TSNode root = tree(file).getRootNode();
    if (root.hasError()) return null;
    return new JsFile(
        name,
        JsNode.copy(root, file.content().getBytes(StandardCharsets.UTF_8)),
        language(name).toLowerCase(Locale.ROOT));
  }

  private static TSTree tree(SourceFile file) {
    return JsParser.tree(file.display(), file.content());
  }

  private static String language(String name) {
    return JsParser.language(name);
  }
}
