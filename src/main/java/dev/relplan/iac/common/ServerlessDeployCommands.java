package dev.relplan.iac.common;

import dev.relplan.discover.SourceFile;
import dev.relplan.parse.JsonLoader;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ParseException;
import dev.relplan.parse.ScalarNode;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The stages {@code serverless deploy --stage NAME} (or {@code sls deploy -s NAME}) commands deploy
 * to, read from the words of a command line as a shell splits them: CI job steps, package.json
 * scripts and Makefile recipes run them. A stage given by a variable ({@code $STAGE}, {@code ${{
 * inputs.stage }}}) names no environment and is left out. The stage options are the framework's
 * ({@code --stage}/{@code -s}:
 * https://www.serverless.com/framework/docs/providers/aws/cli-reference/deploy).
 */
public final class ServerlessDeployCommands {
  /** A stage deployed, and the line of the text (0 for the first) whose command deploys it. */
  public record Deploy(String stage, int line) {}

  /** A stage deployed by a command in a file, at the command's line. */
  public record Found(String stage, Location location) {}

  private static final Set<String> PROGRAMS = Set.of("serverless", "sls");
  private static final Set<String> SEPARATORS = Set.of("&&", "||", ";", "|", "&");

  private ServerlessDeployCommands() {}

  /**
   * The deploys of a CI job's script (a YAML scalar); each is cited at the line of its command (a
   * block scalar's text starts on the line after its indicator).
   */
  public static List<Found> inScalar(SourceFile f, ScalarNode script) {
    List<Found> found = new ArrayList<>();
    Location at = script.location();
    for (Deploy d : in(script.text())) {
      int line = at.line() + d.line();
      String text = f.line(line);
      if (text == null || !text.contains("deploy")) line++;
      found.add(new Found(d.stage(), new Location(at.root(), at.file(), line)));
    }
    return found;
  }

  /** The deploys of a package.json's scripts, or of a Makefile's recipes. */
  public static List<Found> inScripts(SourceFile f) {
    List<Found> found = new ArrayList<>();
    if (!f.content().contains("deploy")) return found;
    if (f.display().toLowerCase(Locale.ROOT).endsWith(".json")) {
      Node root;
      try {
        root = JsonLoader.load(f.display(), f.content());
      } catch (ParseException e) {
        return found; // not a manifest that can be read: no deploy commands from it
      }
      if (root instanceof MapNode m && m.get("scripts") instanceof MapNode scripts)
        for (MapNode.Entry e : scripts.entries())
          if (e.value() instanceof ScalarNode s) found.addAll(inScalar(f, s));
      return found;
    }
    for (Deploy d : in(f.content()))
      found.add(new Found(d.stage(), new Location(f.display(), d.line() + 1)));
    return found;
  }

  /** Every stage the commands in this text deploy to, in order. */
  public static List<Deploy> in(String text) {
    List<Deploy> found = new ArrayList<>();
    if (text == null || !text.contains("deploy")) return found;
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      List<String> words = words(lines[i]);
      for (int w = 0; w + 1 < words.size(); w++) {
        if (isProgram(words.get(w)) && words.get(w + 1).equals("deploy")) {
          String stage = stageOption(words, w + 2);
          if (stage != null) found.add(new Deploy(stage, i));
        }
      }
    }
    return found;
  }

  /** {@code serverless}, {@code sls}, or a path to either ({@code node_modules/.bin/sls}). */
  private static boolean isProgram(String word) {
    String name = word.substring(word.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    return PROGRAMS.contains(name);
  }

  /**
   * The value of {@code --stage}/{@code -s} before the command ends; null when none or variable.
   */
  private static String stageOption(List<String> words, int from) {
    for (int i = from; i < words.size() && !SEPARATORS.contains(words.get(i)); i++) {
      String word = words.get(i);
      String value = null;
      if ((word.equals("--stage") || word.equals("-s")) && i + 1 < words.size())
        value = words.get(i + 1);
      else if (word.startsWith("--stage=")) value = word.substring("--stage=".length());
      if (value != null) return value.isEmpty() || isVariable(value) ? null : value;
    }
    return null;
  }

  private static boolean isVariable(String value) {
    return value.contains("$") || value.contains("{") || value.contains("%");
  }

  /**
   * The words of one command line as a shell splits them: whitespace separates, quotes group and
   * are removed, {@code &&}, {@code ||}, {@code ;} and {@code |} are words of their own, and a
   * {@code #} starting a word begins a comment.
   */
  static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) quote = 0;
        else word.append(c);
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        inWord = flush(word, inWord, words);
      } else if (c == '#' && !inWord) {
        break;
      } else if (c == ';' || c == '|' || c == '&') {
        inWord = flush(word, inWord, words);
        boolean doubled = i + 1 < line.length() && line.charAt(i + 1) == c && c != ';';
        words.add(doubled ? "" + c + c : String.valueOf(c));
        if (doubled) i++;
      } else {
        word.append(c);
        inWord = true;
      }
    }
    flush(word, inWord, words);
    return words;
  }

  private static boolean flush(StringBuilder word, boolean inWord, List<String> words) {
    if (inWord) words.add(word.toString());
    word.setLength(0);
    return false;
  }
}
