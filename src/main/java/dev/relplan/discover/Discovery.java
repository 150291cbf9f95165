package dev.relplan.discover;

import dev.relplan.model.EvidenceKind;
import dev.relplan.parse.JsonLoader;
import dev.relplan.parse.Limits;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ParseException;
import dev.relplan.parse.ScalarNode;
import dev.relplan.parse.SeqNode;
import dev.relplan.parse.YamlLoader;
import dev.relplan.source.FileGuard;
import dev.relplan.source.SkippedFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Walks the scanned paths once, classifies every file by content and parses the structured ones.
 * Nothing outside the given paths is read: symbolic links are never followed out of a root.
 */
public final class Discovery {
  /**
   * Folders skipped by default: version control, dependencies, build outputs, build tools' own
   * files (the Maven wrapper's downloader in {@code .mvn}), tool caches, and what is never
   * deployed: a development container's definition ({@code .devcontainer}, whose Compose file
   * describes a developer's machine) and scaffolding copied to start a new service ({@code
   * .templates}, as {@code serverless create --template-path} uses it).
   */
  public static final Set<String> DEFAULT_EXCLUDED_DIRS =
      Set.of(
          ".git",
          ".hg",
          ".svn",
          "node_modules",
          "target",
          "build",
          "dist",
          "out",
          ".terraform",
          ".venv",
          "venv",
          "__pycache__",
          ".aws-sam",
          ".serverless",
          ".gradle",
          ".mvn",
          ".idea",
          ".vscode",
          ".tox",
          "bin",
          "obj",
          ".devcontainer",
          ".templates");

  private static final Set<String> CODE_EXTENSIONS =
      Set.of("java", "py", "js", "mjs", "cjs", "jsx", "ts", "tsx", "go", "cs", "kt", "rb");

  private final Set<String> excludedDirs;

  /**
   * Lower-case file names of no known format that an adapter asked for: read as text, of kind
   * OTHER.
   */
  private final Predicate<String> askedFor;

  public Discovery(Set<String> excludedDirs, Predicate<String> askedFor) {
    this.excludedDirs = excludedDirs;
    this.askedFor = askedFor;
  }

  public Discovery(Set<String> excludedDirs) {
    this(excludedDirs, name -> false);
  }

  public Discovery() {
    this(DEFAULT_EXCLUDED_DIRS);
  }

  /** What was found under the roots. */
  public record Result(
      List<SourceFile> files,
      List<SkippedFile> skipped,
      Map<EvidenceKind, List<String>> evidence,
      List<String> roots) {
    public List<SourceFile> ofKind(FileKind kind) {
      return files.stream().filter(f -> f.kind() == kind).toList();
    }
  }

  public Result discover(List<Path> roots) throws IOException {
    List<Candidate> candidates = new ArrayList<>();
    List<SkippedFile> skipped = new ArrayList<>();
    List<String> rootNames = new ArrayList<>();
    for (Path given : roots) {
      Path root = given.toAbsolutePath().normalize();
      String prefix = roots.size() == 1 ? "" : displayPrefix(given);
      Path realRoot = root.toRealPath();
      if (Files.isRegularFile(root)) {
        // A file given as PATH is shown as given (without a trailing slash); alone, by its name.
        String asGiven = displayPrefix(given).replaceAll("/$", "");
        rootNames.add(asGiven);
        candidates.add(
            new Candidate(
                root,
                roots.size() == 1 ? root.getFileName().toString() : asGiven,
                realRoot.getParent(),
                Files.readAttributes(root, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)));
        continue;
      }
      rootNames.add(prefix.isEmpty() ? displayPrefix(given) : prefix);
      walk(root, prefix, realRoot, candidates, skipped);
    }
    // Reading, decoding and parsing are independent per file: done on every core, then merged in
    // walk order and sorted, so the result does not depend on the threads' timing.
    List<Found> found = FileGuard.parallel(candidates, this::visit);
    List<SourceFile> files = new ArrayList<>();
    Map<EvidenceKind, List<String>> evidence = new EnumMap<>(EvidenceKind.class);
    for (Found f : found) {
      files.addAll(f.files());
      skipped.addAll(f.skipped());
      f.evidence()
          .forEach((k, list) -> evidence.computeIfAbsent(k, x -> new ArrayList<>()).addAll(list));
    }
    files.sort((a, b) -> a.display().compareTo(b.display()));
    skipped.sort(null);
    evidence.values().forEach(l -> l.sort(null));
    return new Result(List.copyOf(files), List.copyOf(skipped), evidence, List.copyOf(rootNames));
  }

  /** A file the walk found: its path, the path shown, and the real root it must stay inside. */
  private record Candidate(
      Path file, String display, Path realRoot, BasicFileAttributes attributes) {}

  /** What one file contributed. */
  private record Found(
      List<SourceFile> files,
      List<SkippedFile> skipped,
      Map<EvidenceKind, List<String>> evidence) {}

  /**
   * Lists the files under one root, leaving out excluded folders, and vendored code, which is
   * listed once per vendored tree instead. The root's own entries are listed first; each folder in
   * it is then walked on its own core (a monorepo's projects are its top-level folders).
   */
  private void walk(
      Path root,
      String prefix,
      Path realRoot,
      List<Candidate> candidates,
      List<SkippedFile> skipped)
      throws IOException {
    VendoredCode vendoredCode = new VendoredCode();
    Listing top = new Listing(root, root, prefix, realRoot, vendoredCode);
    Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), 1, top);
    List<Listing> below =
        FileGuard.parallel(
            top.folders,
            folder -> {
              Listing listing = new Listing(folder, root, prefix, realRoot, vendoredCode);
              try {
                Files.walkFileTree(folder, listing);
              } catch (IOException e) {
                listing.failed(folder, e);
              }
              return listing;
            });
    List<Candidate> underRoot = new ArrayList<>(top.candidates);
    skipped.addAll(top.skipped);
    for (Listing listing : below) {
      underRoot.addAll(listing.candidates);
      skipped.addAll(listing.skipped);
    }
    Set<Path> vendored = vendoredCode.vendoredPaths();
    vendored.remove(root);
    skipped.addAll(VendoredCode.entries(vendored, root, prefix));
    for (Candidate c : underRoot) {
      if (!VendoredCode.within(c.file(), vendored)) candidates.add(c);
    }
  }

  /**
   * One walk's files, and the folders it found at its depth limit (the root's listing stops at its
   * own entries).
   */
  private final class Listing extends SimpleFileVisitor<Path> {
    private final Path start;
    private final Path root;
    private final String prefix;
    private final Path realRoot;
    private final VendoredCode vendoredCode;
    final List<Candidate> candidates = new ArrayList<>();
    final List<Path> folders = new ArrayList<>();
    final List<SkippedFile> skipped = new ArrayList<>();

    Listing(Path start, Path root, String prefix, Path realRoot, VendoredCode vendoredCode) {
      this.start = start;
      this.root = root;
      this.prefix = prefix;
      this.realRoot = realRoot;
      this.vendoredCode = vendoredCode;
    }

    private boolean skipsFolder(Path dir) {
      return excludedDirs.contains(dir.getFileName().toString()) && !isCdkEntryFolder(dir)
          || isTestInputFolder(dir)
          || vendoredCode.skipsFolder(dir);
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
      // A walk's own start was decided by the listing that found it.
      if (dir.equals(start)) return FileVisitResult.CONTINUE;
      return skipsFolder(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
      // At the root listing's depth limit a folder is reported as a file: walked later.
      if (attrs.isDirectory()) {
        if (!skipsFolder(file)) folders.add(file);
        return FileVisitResult.CONTINUE;
      }
      candidates.add(new Candidate(file, display(file), realRoot, attrs));
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) {
      failed(file, e);
      return FileVisitResult.CONTINUE;
    }

    void failed(Path file, IOException e) {
      skipped.add(
          new SkippedFile(display(file), "cannot be read: " + e.getClass().getSimpleName()));
    }

    private String display(Path file) {
      return prefix + root.relativize(file).toString().replace('\\', '/');
    }
  }

  /**
   * A CDK app's {@code bin} folder (beside its cdk.json) holds the app's entry point, source to
   * read, not the compiled output a {@code bin} folder holds in .NET or Java projects.
   */
  /**
   * Inputs of tests, never deployed: a Maven or Gradle project's test sources and resources ({@code
   * src/test}, where a CDK app keeps the template its unit test expects) and Go's {@code testdata}
   * folders (which the Go tool itself ignores).
   */
  private static boolean isTestInputFolder(Path dir) {
    String name = dir.getFileName().toString();
    if (name.equals("testdata")) return true;
    Path parent = dir.getParent();
    return name.equals("test")
        && parent != null
        && parent.getFileName() != null
        && parent.getFileName().toString().equals("src");
  }

  private static boolean isCdkEntryFolder(Path dir) {
    return dir.getFileName().toString().equals("bin")
        && Files.isRegularFile(dir.resolveSibling("cdk.json"));
  }

  private static String displayPrefix(Path given) {
    String s = given.normalize().toString().replace('\\', '/');
    if (s.isEmpty() || s.equals(".")) return "";
    return s.endsWith("/") ? s : s + "/";
  }

  private Found visit(Candidate candidate) {
    Found found =
        new Found(new ArrayList<>(), new ArrayList<>(), new EnumMap<>(EvidenceKind.class));
    visit(
        candidate.file(),
        candidate.display(),
        candidate.realRoot(),
        candidate.attributes(),
        found.files(),
        found.skipped(),
        found.evidence());
    return found;
  }

  private void visit(
      Path file,
      String display,
      Path realRoot,
      BasicFileAttributes attributes,
      List<SourceFile> files,
      List<SkippedFile> skipped,
      Map<EvidenceKind, List<String>> evidence) {
    String name = file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    String ext = lower.contains(".") ? lower.substring(lower.lastIndexOf('.') + 1) : "";
    try {
      // The walk's attributes (the link's own, not its target's) spare a stat per question.
      boolean link = attributes.isSymbolicLink();
      if (link) {
        Path target = file.toRealPath();
        if (!target.startsWith(realRoot)) {
          skipped.add(
              new SkippedFile(
                  display, "symbolic link to a file outside the scanned path (not followed)"));
          return;
        }
      }
      if (!attributes.isRegularFile() && !link) {
        // Reading a FIFO blocks forever and a device never ends: listed, never opened.
        skipped.add(new SkippedFile(display, "special file (FIFO, socket or device), not read"));
        return;
      }
      boolean structured =
          ext.equals("yaml")
              || ext.equals("yml")
              || ext.equals("json")
              || ext.equals("template")
              || lower.endsWith(".tf.json");
      boolean candidate =
          structured
              || ext.equals("tf")
              || ext.equals("tfvars")
              || lower.equals("samconfig.toml")
              || CODE_EXTENSIONS.contains(ext)
              || ext.equals("md")
              || ext.equals("txt")
              || ext.equals("jmx")
              || ext.equals("sh")
              || ext.equals("sql")
              || ext.equals("xml");
      boolean asked = !candidate && askedFor.test(lower);
      if (!candidate && !asked) return;
      // XML files matter only as Liquibase changelogs: any other (build files, configuration) is
      // passed over silently.
      boolean xml = ext.equals("xml");
      if (link && !Files.isRegularFile(file)) {
        if (xml) return;
        // A link to a FIFO would block the read forever; a link to a directory has nothing to read.
        skipped.add(
            new SkippedFile(
                display, "symbolic link to something that is not a regular file (not read)"));
        return;
      }
      if ((link ? Files.size(file) : attributes.size()) > Limits.MAX_FILE_BYTES) {
        if (xml) return;
        skipped.add(
            new SkippedFile(
                display, "larger than " + Limits.MAX_FILE_BYTES / (1024 * 1024) + " MiB"));
        return;
      }
      if (lower.endsWith(".min.js")) {
        skipped.add(VendoredCode.entry(display));
        return;
      }
      byte[] bytes = Files.readAllBytes(file);
      if (VendoredCode.isBundle(lower, bytes)) {
        skipped.add(VendoredCode.entry(display));
        return;
      }
      String content;
      try {
        content = decode(bytes);
      } catch (CharacterCodingException e) {
        if (xml) return;
        skipped.add(
            new SkippedFile(
                display, isBinary(bytes) ? "binary content, not text" : "not valid UTF-8 text"));
        return;
      }
      if (isBinary(bytes)) {
        if (xml) return;
        skipped.add(new SkippedFile(display, "binary content, not text"));
        return;
      }
      if (xml && !content.contains("databaseChangeLog")) return;
      RepositoryEvidence.classify(display, content)
          .ifPresent(k -> evidence.computeIfAbsent(k, x -> new ArrayList<>()).add(display));
      if (lower.equals("samconfig.toml")) {
        files.add(new SourceFile(file, display, FileKind.SAMCONFIG, content, List.of()));
      } else if (lower.endsWith(".tf.json")
          || lower.endsWith(".tfvars.json")
          || ext.equals("tf")
          || ext.equals("tfvars")) {
        files.add(new SourceFile(file, display, FileKind.TERRAFORM, content, List.of()));
      } else if (structured) {
        classifyStructured(file, display, ext, content, files, skipped);
      } else if (ext.equals("sql") || xml) {
        files.add(new SourceFile(file, display, FileKind.MIGRATION, content, List.of()));
      } else if (CODE_EXTENSIONS.contains(ext)) {
        files.add(new SourceFile(file, display, FileKind.SOURCE_CODE, content, List.of()));
      } else if (asked) {
        files.add(new SourceFile(file, display, FileKind.OTHER, content, List.of()));
      } else {
        files.add(new SourceFile(file, display, FileKind.EVIDENCE, content, List.of()));
      }
    } catch (IOException e) {
      String loop = symbolicLinkLoop(file);
      skipped.add(
          new SkippedFile(
              display,
              loop != null
                  ? "symbolic link loop: " + loop + " (not followed)"
                  : "cannot be read: " + e.getClass().getSimpleName()));
    }
  }

  /** The chain "a -> b -> a" when following the link comes back to a link already seen. */
  private static String symbolicLinkLoop(Path file) {
    List<Path> seen = new ArrayList<>();
    Path at = file.toAbsolutePath().normalize();
    while (Files.isSymbolicLink(at) && seen.size() < 64) {
      seen.add(at);
      try {
        at = at.resolveSibling(Files.readSymbolicLink(at)).normalize();
      } catch (IOException e) {
        return null;
      }
      if (seen.contains(at)) {
        seen.add(at);
        Path base = file.toAbsolutePath().normalize().getParent();
        return String.join(
            " -> ",
            seen.stream().map(p -> base.relativize(p).toString().replace('\\', '/')).toList());
      }
    }
    return null;
  }

  private void classifyStructured(
      Path file,
      String display,
      String ext,
      String content,
      List<SourceFile> files,
      List<SkippedFile> skipped) {
    if (ext.equals("json") && !JsonTopLevel.mayBeRead(content)) {
      // A data file (lock file, fixture, package manifest): kept for its lines, never read as a
      // tree.
      files.add(new SourceFile(file, display, FileKind.OTHER, content, List.of()));
      return;
    }
    Optional<SkippedFile> refused =
        FileGuard.tooLarge(display, content.length(), TREE_BYTES_PER_CHAR);
    if (refused.isPresent()) {
      skipped.add(refused.get());
      return;
    }
    List<List<Node>> parsed = new ArrayList<>(1);
    Optional<SkippedFile> stopped =
        FileGuard.run(
            display,
            () -> {
              try {
                parsed.add(
                    ext.equals("json")
                        ? List.of(JsonLoader.load(display, content))
                        : parseYamlOrJson(display, content));
              } catch (ParseException e) {
                // A Helm template is Go template text, read by rendering its chart: kept for the
                // lines its rendered objects cite. Any other file named like IaC that does not
                // parse is reported, and the scan goes on.
                if (isHelmTemplate(file)) parsed.add(List.of());
                else skipped.add(new SkippedFile(display, e.getMessage()));
              }
            });
    stopped.ifPresent(skipped::add);
    if (parsed.isEmpty()) return;
    List<Node> docs = parsed.get(0);
    if (docs.isEmpty()) {
      if (isHelmTemplate(file))
        files.add(new SourceFile(file, display, FileKind.OTHER, content, List.of()));
      return;
    }
    Node doc = docs.get(0);
    if (isCloudFormation(doc)) {
      files.add(new SourceFile(file, display, FileKind.CLOUDFORMATION, content, docs));
    } else if (isParameterFile(doc)) {
      files.add(new SourceFile(file, display, FileKind.CLOUDFORMATION_PARAMETERS, content, docs));
    } else {
      files.add(new SourceFile(file, display, FileKind.OTHER, content, docs));
    }
  }

  /**
   * Heap a located YAML or JSON tree takes per character of its source, measured on CloudFormation
   * templates and flat data files; with the per-file memory budget it refuses files before parsing.
   */
  static final int TREE_BYTES_PER_CHAR = 24;

  private static List<Node> parseYamlOrJson(String display, String content) throws ParseException {
    String trimmed = content.stripLeading();
    // A .template file may be JSON; YAML accepts most JSON, but JSON errors read better from the
    // JSON parser.
    if (trimmed.startsWith("{") && display.endsWith(".template"))
      return List.of(JsonLoader.load(display, content));
    return YamlLoader.loadAll(display, content).stream().filter(n -> n != null).toList();
  }

  /** A template has a Resources map whose entries declare an AWS, Custom or Alexa type. */
  static boolean isCloudFormation(Node doc) {
    if (!(doc instanceof MapNode m)) return false;
    if (m.has("AWSTemplateFormatVersion")) return true;
    if (m.get("Resources") instanceof MapNode resources) {
      for (MapNode.Entry e : resources.entries()) {
        if (e.value() instanceof MapNode r
            && r.get("Type") instanceof ScalarNode t
            && t.text() != null
            && (t.text().startsWith("AWS::")
                || t.text().startsWith("Custom::")
                || t.text().startsWith("Alexa::"))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The CloudFormation CLI list form or the {"Parameters": {...}} form used by CodePipeline and
   * SAM.
   */
  static boolean isParameterFile(Node doc) {
    if (doc instanceof SeqNode s) {
      return !s.items().isEmpty()
          && s.items().stream().allMatch(i -> i instanceof MapNode m && m.has("ParameterKey"));
    }
    if (doc instanceof MapNode m && m.get("Parameters") instanceof MapNode p) {
      return !m.has("Resources")
          && p.entries().stream().allMatch(e -> e.value() instanceof ScalarNode);
    }
    return false;
  }

  /** UTF-8 text without its byte-order mark; malformed input is an error. */
  static String decode(byte[] bytes) throws CharacterCodingException {
    int offset =
        bytes.length >= 3
                && (bytes[0] & 0xff) == 0xEF
                && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF
            ? 3
            : 0;
    // ASCII (most source and templates) cannot be malformed: the String constructor's fast path
    // then makes the same text without the decoder's intermediate char buffer.
    if (isAscii(bytes, offset))
      return new String(bytes, offset, bytes.length - offset, StandardCharsets.US_ASCII);
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
        .toString();
  }

  private static boolean isAscii(byte[] bytes, int from) {
    for (int i = from; i < bytes.length; i++) if (bytes[i] < 0) return false;
    return true;
  }

  private static boolean isBinary(byte[] bytes) {
    int n = Math.min(bytes.length, 8192);
    for (int i = 0; i < n; i++) if (bytes[i] == 0) return true;
    return false;
  }

  /** How far below a chart's {@code templates/} folder a template may sit. */
  private static final int TEMPLATE_DEPTH = 8;

  /**
   * A file in a Helm chart's {@code templates/} folder (or below it): a folder named {@code
   * templates} beside a {@code Chart.yaml}.
   */
  static boolean isHelmTemplate(Path file) {
    Path dir = file.getParent();
    for (int i = 0; dir != null && i < TEMPLATE_DEPTH; i++, dir = dir.getParent()) {
      Path name = dir.getFileName();
      if (name != null
          && name.toString().equals("templates")
          && dir.getParent() != null
          && Files.isRegularFile(dir.getParent().resolve("Chart.yaml"), LinkOption.NOFOLLOW_LINKS))
        return true;
    }
    return false;
  }
}
