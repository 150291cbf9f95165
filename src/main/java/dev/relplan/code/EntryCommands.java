package dev.relplan.code;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The program a container's command runs, from its words: an interpreter and a program file ({@code
 * python app.py}, {@code python -m pkg.app}, {@code gunicorn app:app}, {@code node server.js},
 * {@code deno run main.ts}), a package script ({@code npm start}), a Java main class ({@code java
 * -cp lib/* com.acme.Main}) or a Gradle start script ({@code build/install/x/bin/X}). Anything else
 * (a binary, a shell script, a variable) is not resolved, with the reason.
 */
final class EntryCommands {
  /** Package scripts followed inside one another at most this deep ({@code npm start}). */
  private static final int MAX_DEPTH = 3;

  /** What {@link #shellWords} returns for a line of several commands. */
  private static final String SEVERAL = "&&";

  private static final Set<String> SHELLS = Set.of("sh", "bash", "ash", "dash", "zsh");
  private static final Set<String> WRAPPERS = Set.of("exec", "tini", "dumb-init", "env", "--");
  private static final Set<String> PYTHON_SERVERS =
      Set.of("gunicorn", "uvicorn", "hypercorn", "daphne");
  private static final Set<String> NODE_RUNNERS =
      Set.of("node", "nodejs", "ts-node", "tsx", "bun", "deno");
  private static final Set<String> PACKAGE_MANAGERS = Set.of("npm", "yarn", "pnpm");

  /** What a command runs: source paths relative to the working folder, or a Java main class. */
  record Program(List<String> paths, String mainClass, String startScript) {
    static Program files(List<String> paths) {
      return new Program(paths, null, null);
    }
  }

  /** A program, or the reason it is not known. */
  record Resolved(Program program, String unresolved) {
    static Resolved not(String reason) {
      return new Resolved(null, reason);
    }

    static Resolved resolvedFile(String path) {
      if (path.contains("$")) return not("its program is named by a variable");
      return new Resolved(Program.files(List.of(path)), null);
    }
  }

  /** Where package scripts come from ({@code scripts.start} of the folder's package.json). */
  interface Scripts {
    /** The script's command, or null when the folder declares none of that name. */
    String script(String name);
  }

  private EntryCommands() {}

  static Resolved resolve(List<String> words, Scripts scripts) {
    return resolve(words, scripts, 0);
  }

  private static Resolved resolve(List<String> words, Scripts scripts, int depth) {
    List<String> command = unwrapped(words);
    if (command.isEmpty()) return Resolved.not("the command is empty");
    String program = baseName(command.get(0));
    if (SHELLS.contains(program) && command.size() >= 3 && command.get(1).equals("-c"))
      return resolve(shellWords(command.get(2)), scripts, depth);
    if (command.get(0).equals(SEVERAL)) return Resolved.not("it runs several commands");
    if (command.get(0).contains("$")) return Resolved.not("its program is named by a variable");
    List<String> args = command.subList(1, command.size());
    if (program.startsWith("python") || program.equals("pypy3")) return python(args);
    if (PYTHON_SERVERS.contains(program)) return applicationModule(args);
    if (NODE_RUNNERS.contains(program)) return node(program, args);
    if (PACKAGE_MANAGERS.contains(program)) return packageScript(args, scripts, depth);
    if (program.equals("java")) return java(args);
    String startScript = gradleStartScript(command.get(0));
    if (startScript != null) return new Resolved(new Program(List.of(), null, startScript), null);
    return Resolved.not(command.get(0) + " is not an interpreter relplan follows");
  }

  /**
   * The words of a shell-form command up to its first operator; several commands joined by {@code
   * &&} or {@code ;} are not one program.
   */
  static List<String> shellWords(String text) {
    List<String> words = new ArrayList<>();
    for (String word : text.strip().split("\\s+")) {
      if (word.isEmpty()) continue;
      if (word.equals("&&") || word.equals(";") || word.endsWith(";") || word.equals("||"))
        return List.of(SEVERAL);
      if (word.equals("|") || word.startsWith(">") || word.startsWith("<") || isRedirection(word))
        break;
      words.add(unquoted(word));
    }
    return words;
  }

  /** {@code 2>&1}, {@code 1>log}: a numbered redirection. */
  private static boolean isRedirection(String word) {
    return word.length() >= 2 && Character.isDigit(word.charAt(0)) && word.charAt(1) == '>';
  }

  private static String unquoted(String word) {
    if (word.length() >= 2
        && (word.startsWith("\"") && word.endsWith("\"")
            || word.startsWith("'") && word.endsWith("'")))
      return word.substring(1, word.length() - 1);
    return word;
  }

  /** Without {@code exec}, init wrappers and {@code env NAME=value} in front. */
  private static List<String> unwrapped(List<String> words) {
    int first = 0;
    while (first < words.size()) {
      String word = words.get(first);
      if (WRAPPERS.contains(baseName(word)) || word.contains("=") && !word.startsWith("-")) first++;
      else break;
    }
    return words.subList(first, words.size());
  }

  private static Resolved python(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("-m") && i + 1 < args.size()) {
        String module = args.get(i + 1);
        if (PYTHON_SERVERS.contains(module))
          return applicationModule(args.subList(i + 2, args.size()));
        return Resolved.not("python -m " + module + " runs a module relplan does not follow");
      }
      if (arg.equals("-X") || arg.equals("-W")) i++;
      else if (arg.equals("-c")) return Resolved.not("python -c runs inline code");
      else if (!arg.startsWith("-")) return Resolved.resolvedFile(arg);
    }
    return Resolved.not("python is started without a program file");
  }

  /** {@code gunicorn app.main:app}: the module that holds the application object. */
  private static Resolved applicationModule(List<String> args) {
    List<String> modules = new ArrayList<>();
    for (String arg : args) {
      if (arg.startsWith("-")) continue;
      int colon = arg.indexOf(':');
      String module = colon < 0 ? arg : arg.substring(0, colon);
      if (isDottedName(module) && (colon > 0 || args.size() == 1)) modules.add(module);
    }
    if (modules.size() != 1) return Resolved.not("the application module is not named once");
    String path = modules.get(0).replace('.', '/');
    return new Resolved(Program.files(List.of(path + ".py", path + "/__init__.py")), null);
  }

  private static boolean isDottedName(String text) {
    if (text.isEmpty()) return false;
    for (String part : text.split("\\.", -1)) {
      if (part.isEmpty() || !Character.isJavaIdentifierStart(part.charAt(0))) return false;
      for (char c : part.toCharArray()) if (!Character.isJavaIdentifierPart(c)) return false;
    }
    return true;
  }

  private static Resolved node(String runner, List<String> args) {
    int i = 0;
    if ((runner.equals("deno") || runner.equals("bun"))
        && i < args.size()
        && args.get(i).equals("run")) i++;
    for (; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("-r") || arg.equals("--require") || arg.equals("--import")) i++;
      else if (!arg.startsWith("-")) return Resolved.resolvedFile(arg);
    }
    return Resolved.not(runner + " is started without a program file");
  }

  private static Resolved packageScript(List<String> args, Scripts scripts, int depth) {
    List<String> rest = args.stream().filter(a -> !a.startsWith("-")).toList();
    String name =
        rest.size() == 1 && rest.get(0).equals("start")
            ? "start"
            : rest.size() == 2 && rest.get(0).equals("run") ? rest.get(1) : null;
    if (name == null) return Resolved.not("the package manager command runs no single script");
    String script = scripts.script(name);
    if (script == null) return Resolved.not("package.json declares no " + name + " script");
    if (depth >= MAX_DEPTH) return Resolved.not("package scripts call one another too deep");
    return resolve(shellWords(script), scripts, depth + 1);
  }

  private static Resolved java(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("-jar")) return Resolved.not("java -jar runs the main class of a built jar");
      if (arg.equals("-cp") || arg.equals("-classpath") || arg.equals("--class-path")) i++;
      else if (!arg.startsWith("-") && isDottedName(arg))
        return new Resolved(new Program(List.of(), arg, null), null);
      else if (!arg.startsWith("-")) break;
    }
    return Resolved.not("java is started without a main class");
  }

  /**
   * The application name of a start script Gradle's {@code installDist} writes ({@code
   * build/install/<dist>/bin/<name>}), or null.
   */
  private static String gradleStartScript(String path) {
    String[] segments = path.split("/");
    int n = segments.length;
    if (n >= 4
        && segments[n - 2].equals("bin")
        && segments[n - 4].equals("install")
        && (n < 5 || segments[n - 5].equals("build"))) return segments[n - 1];
    return null;
  }

  static String baseName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
