package dev.relplan.code.csharp;

import dev.relplan.code.LanguageScanner;
import dev.relplan.code.ScanResult;
import dev.relplan.code.SyntaxNode;
import dev.relplan.code.TestSources;
import dev.relplan.code.TreeSitterNatives;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.HealthEndpoint;
import dev.relplan.model.Integration;
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
    List<Integration> integrations = new ArrayList<>();
    List<HealthEndpoint> health = new ArrayList<>();
    List<SkippedFile> skipped = new ArrayList<>();
    if (files.isEmpty()) return ScanResult.of(integrations, health, skipped);
    TSParser parser = TreeSitterNatives.newParser();
    parser.setLanguage(new TreeSitterCSharp());
    List<CsFile> parsed = new ArrayList<>();
    CsRegistrations registrations = new CsRegistrations();
    for (SourceFile file : files) {
      TSTree tree = parser.parseString(null, file.content());
      TSNode rootNode = tree.getRootNode();
      if (rootNode.hasError()) {
        // tree-sitter recovers from errors; calls inside the broken region could be misread, so the
        // file is skipped.
        skipped.add(
            new SkippedFile(
                file.display(),
                "C# syntax error"
                    + SyntaxNode.errorLine(rootNode)
                    + "; its calls are not analysed"));
        continue;
      }
      CsFile f =
          new CsFile(
              file.display(),
              CsNode.copy(rootNode, file.content().getBytes(StandardCharsets.UTF_8)));
      registrations.read(f);
      parsed.add(f);
    }
    for (CsFile f : parsed) {
      CsCalls calls = new CsCalls(f, registrations);
      for (CsNode call : f.calls()) {
        Integration i = calls.analyse(call);
        if (i == null) continue;
        CsResilience.apply(f, i, call);
        integrations.add(i);
      }
      health.addAll(new CsHealth(f, registrations).find());
    }
    return ScanResult.of(integrations, health, skipped);
  }
}
