package dev.relplan.iac.compose;

import dev.relplan.discover.SourceFile;
import dev.relplan.model.Value;
import dev.relplan.parse.DockerfileInstructions;
import dev.relplan.parse.DockerfileInstructions.Instruction;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether the image a Dockerfile builds runs a health check: the {@code HEALTHCHECK} instruction of
 * the built stage, or of the earlier stage it starts {@code FROM} ({@code HEALTHCHECK NONE} turns
 * an inherited one off). Dockerfile reference, "HEALTHCHECK": only the last instruction in a stage
 * takes effect.
 */
final class Dockerfiles {
  /** Stages named FROM another stage deeper than this are not followed. */
  private static final int MAX_STAGES = 64;

  private Dockerfiles() {}

  /**
   * A file discovery reads for this adapter: {@code Dockerfile}, {@code Dockerfile.x}, {@code
   * x.dockerfile}.
   */
  static boolean isDockerfile(String lowerName) {
    return DockerfileInstructions.isDockerfile(lowerName);
  }

  /** One build stage: its FROM line and base, its name, and its last HEALTHCHECK (or null). */
  private record Stage(
      Location from, String base, String name, Location healthCheck, boolean none) {}

  /**
   * The health check of the built image: true at a HEALTHCHECK line, false at {@code HEALTHCHECK
   * NONE} or, when no stage on its chain declares one, at the built stage's FROM line.
   */
  static Value<Boolean> healthCheck(SourceFile dockerfile, String target) {
    List<Stage> stages = stages(dockerfile);
    if (stages.isEmpty())
      return Value.unresolved(
          dockerfile.display() + " has no FROM instruction",
          List.of(new Location(dockerfile.display(), 1)));
    Stage stage = stages.get(stages.size() - 1);
    if (target != null) for (Stage s : stages) if (target.equalsIgnoreCase(s.name())) stage = s;
    Location built = stage.from();
    for (int i = 0; stage != null && i < MAX_STAGES; i++) {
      if (stage.healthCheck() != null)
        return Value.explicit(!stage.none(), List.of(stage.healthCheck()));
      stage = named(stages, stage.base(), stage);
    }
    return Value.explicit(false, List.of(built));
  }

  private static Stage named(List<Stage> stages, String name, Stage before) {
    Stage found = null;
    for (Stage s : stages) {
      if (s == before) break;
      if (name.equalsIgnoreCase(s.name())) found = s;
    }
    return found;
  }

  private static List<Stage> stages(SourceFile dockerfile) {
    List<Stage> stages = new ArrayList<>();
    Location from = null;
    String base = null;
    String name = null;
    Location check = null;
    boolean none = false;
    for (Instruction instruction : DockerfileInstructions.read(dockerfile.content())) {
      List<String> words = instruction.words();
      String keyword = instruction.keyword();
      Location at = new Location(dockerfile.display(), instruction.line());
      if (keyword.equals("FROM")) {
        if (from != null) stages.add(new Stage(from, base, name, check, none));
        List<String> args = new ArrayList<>();
        for (String word : words) if (!word.startsWith("--")) args.add(word);
        from = at;
        base = args.isEmpty() ? "" : args.get(0);
        name = args.size() >= 3 && args.get(1).equalsIgnoreCase("AS") ? args.get(2) : null;
        check = null;
        none = false;
      } else if (keyword.equals("HEALTHCHECK") && from != null) {
        check = at;
        none = !words.isEmpty() && words.get(0).equalsIgnoreCase("NONE");
      }
    }
    if (from != null) stages.add(new Stage(from, base, name, check, none));
    return stages;
  }
}
