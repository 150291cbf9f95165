package dev.relplan.code;

import dev.relplan.discover.SourceFile;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The main class of a start script Gradle's {@code application} plugin writes ({@code
 * build/install/<dist>/bin/<name>}): the {@code CreateStartScripts} task or {@code application}
 * block whose {@code applicationName} is the script's name sets it with {@code mainClass}; a build
 * file naming no such script but exactly one main class starts that one (the script is then named
 * after the project). Gradle documentation, "The Application Plugin". Read line by line: a setting
 * built from variables is not read.
 */
final class GradleStartScripts {
  static final GradleStartScripts NONE = new GradleStartScripts();

  /** By block (each brace opens one), the settings of interest made directly in it. */
  private final Map<Integer, String> applicationNames = new HashMap<>();

  private final Map<Integer, String> mainClasses = new HashMap<>();
  private final Set<String> allMainClasses = new LinkedHashSet<>();

  private GradleStartScripts() {}

  static boolean isBuildFile(String lowerName) {
    return lowerName.equals("build.gradle") || lowerName.equals("build.gradle.kts");
  }

  static GradleStartScripts of(SourceFile buildFile) {
    if (buildFile == null) return NONE;
    GradleStartScripts out = new GradleStartScripts();
    Deque<Integer> blocks = new ArrayDeque<>();
    blocks.push(0);
    int opened = 0;
    for (String raw : buildFile.content().split("\n", -1)) {
      String line = raw.strip();
      if (line.startsWith("//") || line.startsWith("*") || line.startsWith("/*")) continue;
      String applicationName = setting(line, "applicationName");
      String mainClass = setting(line, "mainClass");
      if (mainClass == null) mainClass = setting(line, "mainClassName");
      if (applicationName != null) out.applicationNames.put(blocks.peek(), applicationName);
      if (mainClass != null) {
        out.mainClasses.put(blocks.peek(), mainClass);
        out.allMainClasses.add(mainClass);
      }
      for (char c : line.toCharArray()) {
        if (c == '{') blocks.push(++opened);
        else if (c == '}' && blocks.size() > 1) blocks.pop();
      }
    }
    return out;
  }

  /** The main class the start script of that name runs, or null. */
  String mainClass(String scriptName) {
    boolean named = false;
    for (Map.Entry<Integer, String> e : applicationNames.entrySet()) {
      if (!e.getValue().equals(scriptName)) continue;
      named = true;
      String mainClass = mainClasses.get(e.getKey());
      if (mainClass != null) return mainClass;
    }
    if (!named && allMainClasses.size() == 1) return allMainClasses.iterator().next();
    return null;
  }

  /**
   * The literal a line gives the setting ({@code key = 'x'}, {@code key.set("x")}, {@code key =
   * "x"}), or null.
   */
  private static String setting(String line, String key) {
    if (!line.startsWith(key)) return null;
    String rest = line.substring(key.length()).stripLeading();
    if (rest.startsWith(".set(")) rest = rest.substring(5).stripLeading();
    else if (rest.startsWith("=")) rest = rest.substring(1).stripLeading();
    else return null;
    if (rest.isEmpty() || rest.charAt(0) != '\'' && rest.charAt(0) != '"') return null;
    int close = rest.indexOf(rest.charAt(0), 1);
    if (close < 0) return null;
    String value = rest.substring(1, close);
    return value.isEmpty() || value.contains("$") ? null : value;
  }
}
