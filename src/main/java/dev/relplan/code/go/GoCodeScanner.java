package dev.relplan.code.go;

import dev.relplan.code.LanguageScanner;
import dev.relplan.code.PerFile;
import dev.relplan.code.ScanResult;
import dev.relplan.code.TestSources;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.HealthEndpoint;
import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import dev.relplan.parse.treesitter.SyntaxNode;
import dev.relplan.parse.treesitter.TreeSitterNatives;
import dev.relplan.source.SkippedFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TreeSitterGo;

/** Inventories outbound calls and health endpoints of Go sources, parsed with tree-sitter. */
public final class GoCodeScanner implements LanguageScanner {
  /**
   * Import paths (prefixes) whose use the scanner recognises; a file importing none of them is not
   * copied out of tree-sitter.
   */
  private static final Set<String> RECOGNISED =
      Set.of(
          "net/http",
          "database/sql",
          "github.com/XSAM/otelsql",
          "github.com/uptrace/opentelemetry-go-extra/otelsql",
          "github.com/jmoiron/sqlx",
          "github.com/jackc/pgx",
          "github.com/aws/aws-sdk-go-v2",
          "github.com/redis/go-redis",
          "github.com/go-redis/redis",
          "go.mongodb.org/mongo-driver",
          "github.com/IBM/sarama",
          "github.com/Shopify/sarama",
          "github.com/confluentinc/confluent-kafka-go",
          "gopkg.in/confluentinc/confluent-kafka-go.v1",
          "github.com/segmentio/kafka-go",
          "github.com/sony/gobreaker",
          "github.com/afex/hystrix-go",
          "github.com/avast/retry-go",
          "github.com/cenkalti/backoff",
          "github.com/go-chi/chi",
          "github.com/gin-gonic/gin",
          "github.com/labstack/echo",
          "github.com/gorilla/mux",
          "google.golang.org/grpc");

  @Override
  public boolean handles(SourceFile file) {
    return file.kind() == FileKind.SOURCE_CODE && file.display().endsWith(".go");
  }

  /** go test's convention: *_test.go, besides test folders (testdata included). */
  @Override
  public boolean isTest(String path) {
    return TestSources.inTestFolder(path) || path.endsWith("_test.go");
  }

  @Override
  public ScanResult scan(List<SourceFile> files) {
    List<SkippedFile> skipped = new ArrayList<>();
    List<GoFile> parsed = new ArrayList<>();
    DefaultClientSettings defaultClient = new DefaultClientSettings();
    Set<String> generatedGrpc = GoGrpcIndex.generatedFolders(files);
    Set<String> grpcFolders = GoGrpcIndex.usingFolders(files, generatedGrpc);
    for (PerFile.Outcome<Parsed> o :
        PerFile.each(files, file -> parse(file, generatedGrpc, grpcFolders))) {
      if (!o.completed()) {
        skipped.add(o.skipped());
      } else if (o.result().syntaxError() != null) {
        skipped.add(o.result().syntaxError());
      } else if (o.result().file() != null) {
        defaultClient.fold(o.result().defaultClient());
        parsed.add(o.result().file());
      }
    }
    Map<GoFile, GoPackage> packages = GoPackage.of(parsed);
    GoGrpcIndex grpc = GoGrpcIndex.of(files);
    ScanResult found =
        PerFile.scan(
            parsed, f -> f.file, f -> calls(f, packages.get(f), defaultClient.timeout, grpc));
    skipped.addAll(found.skipped());
    return ScanResult.of(found.integrations(), found.healthEndpoints(), skipped);
  }

  /**
   * One file parsed and copied with its changes to the default client; no file when it imports
   * nothing recognised, a syntax error when it does not parse cleanly.
   */
  private record Parsed(
      GoFile file, DefaultClientSettings defaultClient, SkippedFile syntaxError) {}

  /**
   * @param generatedGrpc folders holding generated gRPC clients: a file importing one is parsed
   * @param grpcFolders folders where a file uses gRPC: all their files are parsed
   */
  private static Parsed parse(SourceFile file, Set<String> generatedGrpc, Set<String> grpcFolders) {
    TSParser parser = TreeSitterNatives.newParser(); // about 15 µs, against ms for a parse
    parser.setLanguage(new TreeSitterGo());
    byte[] bytes = file.content().getBytes(StandardCharsets.UTF_8);
    TSTree tree = parser.parseString(null, file.content());
    TSNode rootNode = tree.getRootNode();
    if (rootNode.hasError()) {
      // tree-sitter recovers from errors; calls inside the broken region could be misread, so the
      // file is skipped.
      return new Parsed(
          null,
          null,
          new SkippedFile(
              file.display(),
              "Go syntax error" + SyntaxNode.errorLine(rootNode) + "; its calls are not analysed"));
    }
    if (file.display().endsWith(".pb.go"))
      return new Parsed(null, null, null); // generated code: no call sites, no handlers
    if (!grpcFolders.contains(GoGrpcIndex.folderOf(file.display()))
        && !importsRecognised(rootNode, bytes, generatedGrpc))
      return new Parsed(null, null, null); // nothing this scanner recognises can be referenced
    GoFile f = new GoFile(file.display(), GoNode.copy(rootNode, bytes));
    DefaultClientSettings defaultClient = new DefaultClientSettings();
    defaultClient.read(f);
    return new Parsed(f, defaultClient, null);
  }

  /** One parsed file's calls and health endpoints. */
  private static ScanResult calls(
      GoFile f, GoPackage pkg, Value<String> defaultClientTimeout, GoGrpcIndex grpcIndex) {
    GoCalls calls = new GoCalls(f, defaultClientTimeout);
    GoGrpcCalls grpc = new GoGrpcCalls(f, pkg, grpcIndex);
    GoDataClients dataClients = new GoDataClients(f);
    GoResilience resilience = new GoResilience(f);
    GoRetryLoops retryLoops = new GoRetryLoops(f);
    List<Integration> integrations = new ArrayList<>();
    for (GoNode call : f.calls()) {
      Integration i = calls.analyse(call);
      if (i == null) i = grpc.analyse(call);
      if (i == null) i = dataClients.analyse(call);
      if (i == null) continue;
      Value<String> timeout = i.timeout;
      resilience.apply(i, call);
      if (i.timeout != timeout && i.attemptSeconds.present())
        i.attemptSeconds = GoWaits.attempt(i.timeout); // a wrapper's timeout bounds the attempt
      retryLoops.apply(i, call);
      integrations.add(i);
    }
    List<HealthEndpoint> health = new ArrayList<>(new GoHealth(f, pkg).find());
    health.addAll(new GoGrpcHealth(f, pkg).find());
    return ScanResult.of(integrations, health, List.of());
  }

  /**
   * Whether an import spec of the file names a recognised package (read before the tree is copied,
   * which is the costly part).
   */
  private static boolean importsRecognised(TSNode root, byte[] source, Set<String> generatedGrpc) {
    int count = root.getNamedChildCount();
    for (int i = 0; i < count; i++) {
      TSNode c = root.getNamedChild(i);
      if (!c.getType().equals("import_declaration")) continue;
      String text =
          new String(
              source, c.getStartByte(), c.getEndByte() - c.getStartByte(), StandardCharsets.UTF_8);
      for (String p : RECOGNISED)
        if (text.contains("\"" + p + "\"") || text.contains("\"" + p + "/")) return true;
      for (String folder : generatedGrpc) if (text.contains("/" + folder + "\"")) return true;
    }
    return false;
  }
}
