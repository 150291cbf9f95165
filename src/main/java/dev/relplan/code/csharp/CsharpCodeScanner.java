package dev.relplan.code.csharp;

import dev.relplan.code.LanguageScanner;
import dev.relplan.code.PerFile;
import dev.relplan.code.ScanResult;
import dev.relplan.code.TestSources;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Integration;
import dev.relplan.parse.treesitter.SyntaxNode;
import dev.relplan.parse.treesitter.TreeSitterNatives;
import dev.relplan.source.FileGuard;
import dev.relplan.source.SkippedFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TreeSitterCSharp;

/**
 * Inventories outbound calls and health endpoints of C# sources, parsed with tree-sitter. Service
 * registrations (AddHttpClient, AddHealthChecks) are read from all files first, since they usually
 * live in Program.cs or Startup.cs while the calls are elsewhere.
 */
public final class CsharpCodeScanner implements LanguageScanner {
  @Override
  public boolean handles(SourceFile file) {
    return file.kind() == FileKind.SOURCE_CODE && file.display().endsWith(".cs");
  }

  /**
   * .NET's conventions: *Tests.cs and *Test.cs, besides test folders (.Tests projects included).
   */
  @Override
  public boolean isTest(String path) {
    return TestSources.inTestFolder(path) || path.endsWith("Tests.cs") || path.endsWith("Test.cs");
  }

  @Override
  public ScanResult scan(List<SourceFile> files) {
    List<SkippedFile> skipped = new ArrayList<>();
    List<CsFile> parsed = new ArrayList<>();
    for (PerFile.Outcome<Parsed> o : PerFile.each(files, CsharpCodeScanner::parse)) {
      if (!o.completed()) skipped.add(o.skipped());
      else if (o.result().syntaxError() != null) skipped.add(o.result().syntaxError());
      else parsed.add(o.result().file());
    }
    // Registrations are read across files, in their order, before any file's calls.
    CsRegistrations registrations = new CsRegistrations();
    List<CsFile> registered = new ArrayList<>();
    for (CsFile f : parsed)
      FileGuard.run(f.file, () -> registrations.read(f))
          .ifPresentOrElse(skipped::add, () -> registered.add(f));
    registrations.scopeDefaults(registered);
    ScanResult found = PerFile.scan(registered, f -> f.file, f -> calls(f, registrations));
    skipped.addAll(found.skipped());
    return ScanResult.of(found.integrations(), found.healthEndpoints(), skipped);
  }

  /** One file parsed and copied, or its syntax error. */
  private record Parsed(CsFile file, SkippedFile syntaxError) {}

  private static Parsed parse(SourceFile file) {
    TSParser parser = TreeSitterNatives.newParser(); // about 15 µs, against ms for a parse
    parser.setLanguage(new TreeSitterCSharp());
    TSTree tree = parser.parseString(null, file.content());
    TSNode rootNode = tree.getRootNode();
    if (rootNode.hasError()) {
      // tree-sitter recovers from errors; calls inside the broken region could be misread, so the
      // file is skipped.
      return new Parsed(
          null,
          new SkippedFile(
              file.display(),
              "C# syntax error" + SyntaxNode.errorLine(rootNode) + "; its calls are not analysed"));
    }
    return new Parsed(
        new CsFile(
            file.display(), CsNode.copy(rootNode, file.content().getBytes(StandardCharsets.UTF_8))),
        null);
  }

  /** One file's calls and health endpoints; the registrations are only read. */
  private static ScanResult calls(CsFile f, CsRegistrations registrations) {
    CsCalls calls = new CsCalls(f, registrations);
    CsGrpc grpc = new CsGrpc(f, registrations);
    CsRetryLoops retryLoops = new CsRetryLoops(f);
    List<Integration> integrations = new ArrayList<>();
    for (CsNode call : f.calls()) {
      Integration i = calls.analyse(call);
      if (i == null) i = grpc.analyse(call);
      if (i == null) continue;
      CsResilience.apply(f, i, call);
      CsWaits.apply(i);
      retryLoops.apply(i, call);
      integrations.add(i);
    }
    integrations.addAll(new CsDataClients(f).find());
    integrations.addAll(new CsAspireClients(f).find());
    return ScanResult.of(integrations, new CsHealth(f, registrations).find(), List.of());
  }
}
