package dev.relplan.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The instructions of a Dockerfile, one per logical line: a line ending in a backslash continues on
 * the next one, blank lines and comments are not instructions. Shared by the Compose adapter
 * (health checks of built images) and the code adapter (the program a container runs).
 */
public final class DockerfileInstructions {
  /**
   * One instruction: its keyword in upper case, the text after it (continuations joined with a
   * space) and the 1-based line it starts on.
   */
  public record Instruction(String keyword, String arguments, int line) {
    /** The arguments split at white space, as the shell form's words. */
    public List<String> words() {
      return arguments.isEmpty() ? List.of() : List.of(arguments.split("\\s+"));
    }
  }

  private DockerfileInstructions() {}

  /**
   * A Dockerfile's name (lower case): {@code Dockerfile}, {@code Dockerfile.x}, {@code
   * x.dockerfile}.
   */
  public static boolean isDockerfile(String lowerName) {
    return lowerName.equals("dockerfile")
        || lowerName.startsWith("dockerfile.")
        || lowerName.endsWith(".dockerfile");
  }

  public static List<Instruction> read(String content) {
    List<Instruction> out = new ArrayList<>();
    String[] lines = content.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int first = i;
      StringBuilder instruction = new StringBuilder(lines[i].strip());
      while (instruction.length() > 0
          && instruction.charAt(instruction.length() - 1) == '\\'
          && i + 1 < lines.length) {
        instruction.setLength(instruction.length() - 1);
        instruction.append(' ').append(lines[++i].strip());
      }
      String text = instruction.toString().strip();
      if (text.isEmpty() || text.startsWith("#")) continue;
      String[] split = text.split("\\s+", 2);
      out.add(
          new Instruction(
              split[0].toUpperCase(Locale.ROOT), split.length > 1 ? split[1] : "", first + 1));
    }
    return out;
  }
}
