package dev.relplan.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which Lambda function runs a file of application code: the function whose code folder holds the
 * file (the deepest such folder); when several functions share that folder, only the one whose
 * handler module is that file, and a file none of them names has no known owner.
 */
public final class CodeOwners {
  private final Map<String, List<Function>> byFolder = new LinkedHashMap<>();

  private CodeOwners() {}

  public static CodeOwners of(Workload w) {
    CodeOwners owners = new CodeOwners();
    for (Function f : w.all(Function.class))
      f.codeDirectory()
          .ifPresent(dir -> owners.byFolder.computeIfAbsent(dir, k -> new ArrayList<>()).add(f));
    return owners;
  }

  public boolean isEmpty() {
    return byFolder.isEmpty();
  }

  /** The function that runs the file, or null when none or several may. */
  public Function owner(String file) {
    List<Function> sharing = sharing(file);
    return sharing.isEmpty() ? null : ownerAmong(sharing, file);
  }

  /** The functions whose code folder is the deepest one holding the file (empty when none). */
  public List<Function> sharing(String file) {
    for (int slash = file.lastIndexOf('/'); slash > 0; slash = file.lastIndexOf('/', slash - 1)) {
      List<Function> sharing = byFolder.get(file.substring(0, slash));
      if (sharing != null) return sharing;
    }
    return byFolder.getOrDefault("", List.of());
  }

  /** The one function of a shared code folder whose handler module is {@code file}, else null. */
  private static Function ownerAmong(List<Function> sharing, String file) {
    if (sharing.size() == 1) return sharing.get(0);
    String name = file.substring(file.lastIndexOf('/') + 1);
    String module = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
    List<Function> named =
        sharing.stream()
            .filter(f -> f.handler.present() && handlerModule(f.handler.get()).equals(module))
            .toList();
    return named.size() == 1 ? named.get(0) : null;
  }

  /** The module a handler names: {@code src/app.handler} → {@code app}. */
  private static String handlerModule(String handler) {
    String module =
        handler.contains(".") ? handler.substring(0, handler.lastIndexOf('.')) : handler;
    return module.substring(module.lastIndexOf('/') + 1);
  }
}
