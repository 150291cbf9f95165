package dev.relplan.code;

import dev.relplan.code.EntryCommands.Program;
import dev.relplan.code.EntryCommands.Resolved;
import dev.relplan.discover.SourceFile;
import dev.relplan.parse.DockerfileInstructions;
import dev.relplan.parse.DockerfileInstructions.Instruction;
import dev.relplan.parse.JsonLoader;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ParseException;
import dev.relplan.parse.ScalarNode;
import dev.relplan.parse.SeqNode;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the code of a service folder runs as: the programs its Dockerfiles' {@code ENTRYPOINT} and
 * {@code CMD} start (Dockerfile reference: an exec-form ENTRYPOINT takes CMD as its arguments, a
 * shell-form one ignores CMD), else the {@code start} script of its package.json, else its
 * Procfile's processes. A folder whose command cannot be followed to a source file or main class is
 * unresolved, with the reason, and nothing in it is judged.
 */
final class EntryPoints {
  /**
   * The entry points of a service folder: its program files (display paths) and Java main classes,
   * how the report names them, where they are declared; or why they are not known.
   */
  record Entry(
      String folder,
      Set<String> files,
      Set<String> mainClasses,
      String named,
      List<Location> declared,
      String unresolved) {
    boolean resolved() {
      return unresolved == null;
    }
  }

  /** A command found in one declaring file, at its line, with the folder paths are relative to. */
  private record Command(Resolved resolved, Location at, String workdir) {}

  private EntryPoints() {}

  /** Whether the file declares what a folder runs (read by the code adapter for this). */
  static boolean isDeclaring(String display) {
    String name = EntryCommands.baseName(display).toLowerCase(Locale.ROOT);
    return isDockerfile(name)
        || name.equals("package.json")
        || name.equals("procfile")
        || GradleStartScripts.isBuildFile(name);
  }

  private static boolean isDockerfile(String lowerName) {
    return DockerfileInstructions.isDockerfile(lowerName);
  }

  /**
   * The entry points of every folder that declares them, by folder ({@code ""} for the root), given
   * the declaring files and the display paths of the source files.
   */
  static Map<String, Entry> read(List<SourceFile> declaring, Set<String> sources) {
    Map<String, List<SourceFile>> byFolder = new TreeMap<>();
    for (SourceFile f : declaring)
      byFolder.computeIfAbsent(folder(f.display()), k -> new ArrayList<>()).add(f);
    Map<String, Entry> out = new TreeMap<>();
    byFolder.forEach(
        (folder, files) -> {
          Entry entry = entry(folder, files, sources);
          if (entry != null) out.put(folder, entry);
        });
    return out;
  }

  private static Entry entry(String folder, List<SourceFile> files, Set<String> sources) {
    SourceFile packageJson = named(files, "package.json");
    PackageScripts scripts = PackageScripts.of(packageJson);
    List<Command> commands = new ArrayList<>();
    for (SourceFile f : files)
      if (isDockerfile(EntryCommands.baseName(f.display()).toLowerCase(Locale.ROOT)))
        commands.add(dockerCommand(f, scripts));
    if (commands.isEmpty() && packageJson != null) commands.addAll(scripts.commands());
    SourceFile procfile = named(files, "procfile");
    if (commands.isEmpty() && procfile != null) commands.addAll(procfileCommands(procfile));
    if (commands.isEmpty()) return null;
    GradleStartScripts gradle = GradleStartScripts.of(named(files, "build.gradle"));
    return entry(folder, commands, sources, gradle);
  }

  private static Entry entry(
      String folder, List<Command> commands, Set<String> sources, GradleStartScripts gradle) {
    Set<String> programFiles = new LinkedHashSet<>();
    Set<String> mainClasses = new LinkedHashSet<>();
    List<String> names = new ArrayList<>();
    List<Location> declared = new ArrayList<>();
    for (Command c : commands) {
      declared.add(c.at());
      String why = c.resolved().unresolved();
      Program program = c.resolved().program();
      if (why == null && program.startScript() != null) {
        String mainClass = gradle.mainClass(program.startScript());
        if (mainClass == null)
          why = "the Gradle start script " + program.startScript() + " names no main class found";
        else program = new Program(List.of(), mainClass, null);
      }
      if (why == null && program.mainClass() != null) {
        mainClasses.add(program.mainClass());
        names.add(program.mainClass() + " (" + c.at() + ")");
      } else if (why == null) {
        String file = SourcePaths.find(folder, c.workdir(), program.paths(), sources);
        if (file == null)
          why = "its program " + program.paths().get(0) + " is not one scanned file";
        else {
          programFiles.add(file);
          names.add(file + " (" + c.at() + ")");
        }
      }
      if (why != null)
        return new Entry(folder, Set.of(), Set.of(), null, declared, c.at() + ": " + why);
    }
    return new Entry(folder, programFiles, mainClasses, String.join(", ", names), declared, null);
  }

  private static SourceFile named(List<SourceFile> files, String lowerName) {
    for (SourceFile f : files)
      if (EntryCommands.baseName(f.display()).toLowerCase(Locale.ROOT).equals(lowerName)) return f;
    return null;
  }

  static String folder(String display) {
    int slash = display.lastIndexOf('/');
    return slash < 0 ? "" : display.substring(0, slash);
  }

  /**
   * The command of the built (last) stage: its ENTRYPOINT with CMD as arguments in exec form, or
   * its CMD; a stage built FROM an earlier one inherits them.
   */
  private static Command dockerCommand(SourceFile dockerfile, PackageScripts scripts) {
    List<List<Instruction>> stages = new ArrayList<>();
    for (Instruction i : DockerfileInstructions.read(dockerfile.content())) {
      if (i.keyword().equals("FROM") || stages.isEmpty()) stages.add(new ArrayList<>());
      stages.get(stages.size() - 1).add(i);
    }
    Instruction entrypoint = null;
    Instruction cmd = null;
    String workdir = null;
    for (int s = stages.size() - 1; s >= 0 && entrypoint == null && cmd == null; ) {
      for (Instruction i : stages.get(s)) {
        if (i.keyword().equals("ENTRYPOINT")) entrypoint = i;
        if (i.keyword().equals("CMD")) cmd = i;
        if (i.keyword().equals("WORKDIR") && s == stages.size() - 1)
          workdir = workdir(workdir, i.arguments());
      }
      s = baseStage(stages, s);
    }
    Instruction at = entrypoint != null ? entrypoint : cmd;
    if (at == null)
      return new Command(
          Resolved.not("no ENTRYPOINT or CMD: the base image's command runs"),
          new Location(dockerfile.display(), 1),
          workdir);
    Location where = new Location(dockerfile.display(), at.line());
    List<String> words = new ArrayList<>();
    boolean exec = entrypoint == null || execForm(entrypoint) != null;
    if (entrypoint != null) words.addAll(formWords(entrypoint));
    if (cmd != null && exec) words.addAll(formWords(cmd));
    return new Command(EntryCommands.resolve(words, scripts), where, workdir);
  }

  /** The earlier stage the stage is built FROM (by its AS name), or -1 for an image. */
  private static int baseStage(List<List<Instruction>> stages, int s) {
    String base = "";
    for (String w : stages.get(s).get(0).words())
      if (!w.startsWith("--")) {
        base = w;
        break;
      }
    int found = -1;
    for (int e = 0; e < s; e++) {
      List<String> words = stages.get(e).get(0).words();
      if (words.size() >= 3
          && words.get(words.size() - 2).equalsIgnoreCase("AS")
          && words.get(words.size() - 1).equalsIgnoreCase(base)) found = e;
    }
    return found;
  }

  private static String workdir(String current, String path) {
    String p = path.strip();
    if (p.startsWith("\"") && p.endsWith("\"") && p.length() >= 2)
      p = p.substring(1, p.length() - 1);
    if (p.startsWith("/") || current == null) return p;
    return current + "/" + p;
  }

  private static List<String> formWords(Instruction i) {
    List<String> exec = execForm(i);
    return exec != null ? exec : EntryCommands.shellWords(i.arguments());
  }

  /** The words of a JSON exec form ({@code ["node", "server.js"]}), or null for the shell form. */
  static List<String> execForm(Instruction i) {
    String text = i.arguments().strip();
    if (!text.startsWith("[")) return null;
    try {
      Node node = JsonLoader.load("Dockerfile", text);
      if (!(node instanceof SeqNode seq)) return null;
      List<String> words = new ArrayList<>();
      for (Node item : seq.items()) {
        if (!(item instanceof ScalarNode scalar)) return null;
        words.add(scalar.text());
      }
      return words;
    } catch (ParseException e) {
      return null; // Docker runs text that is not a JSON array as a shell command
    }
  }

  /** Each process of a Procfile ({@code web: python app.py}) relative to the Procfile's folder. */
  private static List<Command> procfileCommands(SourceFile procfile) {
    List<Command> out = new ArrayList<>();
    String[] lines = procfile.content().split("\n", -1);
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n].strip();
      int colon = line.indexOf(':');
      if (line.isEmpty() || line.startsWith("#") || colon <= 0) continue;
      List<String> words = EntryCommands.shellWords(line.substring(colon + 1));
      out.add(
          new Command(
              EntryCommands.resolve(words, name -> null),
              new Location(procfile.display(), n + 1),
              null));
    }
    return out;
  }

  /** The scripts of a package.json ({@code scripts.start}) and its {@code main}. */
  static final class PackageScripts implements EntryCommands.Scripts {
    private final MapNode root;

    private PackageScripts(MapNode root) {
      this.root = root;
    }

    static PackageScripts of(SourceFile packageJson) {
      if (packageJson == null) return new PackageScripts(null);
      try {
        Node node = JsonLoader.load(packageJson.display(), packageJson.content());
        return new PackageScripts(node instanceof MapNode map ? map : null);
      } catch (ParseException e) {
        return new PackageScripts(null);
      }
    }

    @Override
    public String script(String name) {
      ScalarNode script = scalar(root == null ? null : root.get("scripts"), name);
      return script == null ? null : script.text();
    }

    /**
     * The command a Node service starts with: {@code npm start}. Not {@code main}, which names a
     * package's module for those who require it (a Lambda project's package.json names one of its
     * handlers there), not a program anything runs.
     */
    List<Command> commands() {
      if (root == null) return List.of();
      ScalarNode start = scalar(root.get("scripts"), "start");
      if (start != null)
        return List.of(
            new Command(
                EntryCommands.resolve(EntryCommands.shellWords(start.text()), this),
                start.location(),
                null));
      return List.of();
    }

    private static ScalarNode scalar(Node map, String key) {
      return map instanceof MapNode m && m.get(key) instanceof ScalarNode s ? s : null;
    }
  }
}
