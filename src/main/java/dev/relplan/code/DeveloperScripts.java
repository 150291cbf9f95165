package dev.relplan.code;

import dev.relplan.model.CodeOwners;
import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.source.Location;
import java.util.List;
import java.util.Set;

/**
 * Code in a folder that holds scripts and examples run by hand ({@code scripts/}, {@code
 * examples/}, {@code hack/}) which no deployed function runs is not the service: a call there that
 * hangs stops one person's command, not the workload. Its integrations take the environment
 * "local", so their findings are rated one level lower and say why (docs/judgment.md); code a
 * function's package holds stays production whatever its folder.
 */
final class DeveloperScripts {
  /** Folder names that hold code run by hand rather than deployed. */
  static final Set<String> FOLDERS = Set.of("scripts", "script", "examples", "example", "hack");

  private DeveloperScripts() {}

  static void mark(Workload w) {
    CodeOwners owners = null;
    for (Integration i : w.integrations) {
      String folder = scriptFolder(i.location.file());
      if (folder == null || i.environment.present()) continue;
      if (owners == null) owners = CodeOwners.of(w);
      if (!owners.sharing(i.location.file()).isEmpty()) continue;
      i.environment =
          Value.explicit(
              "local (a script run by hand: " + folder + "/)",
              List.of(new Location(i.location.root(), i.location.file(), 1)));
    }
  }

  /**
   * The script folder the file is in, or null. Folders below a {@code src} folder are package
   * names, not scripts ({@code src/main/java/com/acme/example/} is the service's code).
   */
  static String scriptFolder(String file) {
    String[] segments = file.split("/");
    for (int s = 0; s < segments.length - 1; s++) {
      if (segments[s].equals("src")) return null;
      if (FOLDERS.contains(segments[s])) return segments[s];
    }
    return null;
  }
}
