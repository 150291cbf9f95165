package dev.relplan.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which Lambda function runs a file of application code: the function whose package is that one
 * file, else the function whose code folder holds the file (the deepest such folder); when several
 * functions share that folder, only the one whose handler module is that file, and a file none of
 * them names has no known owner.
 */
public final class CodeOwners {
  private final Map<String, List<Function>> byFolder = new LinkedHashMap<>();

  /** Functions whose package is one file (they own that file only, not its folder). */
  private final Map<String, List<Function>> packagedFiles = new LinkedHashMap<>();

  /**
   * For each group of functions sharing a code folder or file, its functions by handler module
   * ({@code src/app.handler}: {@code app}): which of them a file names is one lookup, not a pass
   * over the group per file (a SAM app of hundreds of functions under one {@code CodeUri} made the
   * roles of its code quadratic).
   */
  private final Map<List<Function>, Map<String, List<Function>>> byHandlerModule =
      new IdentityHashMap<>();

  private CodeOwners() {}

  public static CodeOwners of(Workload w) {
    CodeOwners owners = new CodeOwners();
    for (Function f : w.all(Function.class)) {
      if (f.codeFile.present())
        owners.packagedFiles.computeIfAbsent(f.codeFile.get(), k -> new ArrayList<>()).add(f);
      else
        f.codeDirectory()
            .ifPresent(dir -> owners.byFolder.computeIfAbsent(dir, k -> new ArrayList<>()).add(f));
    }
    for (Map<String, List<Function>> groups : List.of(owners.byFolder, owners.packagedFiles))
      for (List<Function> sharing : groups.values()) owners.indexModules(sharing);
    return owners;
  }

  public boolean isEmpty() {
    return byFolder.isEmpty() && packagedFiles.isEmpty();
  }

  /** The function that runs the file, or null when none or several may. */
  public Function owner(String file) {
    List<Function> sharing = sharing(file);
    return sharing.isEmpty() ? null : ownerAmong(sharing, file);
  }

  /**
   * The function that runs a call made in {@code enclosing} (a function name, or {@code
   * Class.method}) of the file: as {@link #owner(String)}, and in a shared folder also a handler
   * named by its path from the folder ({@code handlers.auth.handler} is {@code handlers/auth.py});
   * when several functions name the file as their handler module, the one whose handler function
   * makes the call. Null when none or several may run it.
   */
  public Function owner(String file, String enclosing) {
    List<Function> sharing = sharing(file);
    if (sharing.size() <= 1) return sharing.isEmpty() ? null : sharing.get(0);
    List<Function> named =
        sharing.stream().filter(f -> names(f, file) || namesByFileName(f, file)).toList();
    if (named.size() == 1) return named.get(0);
    String function = enclosing.substring(enclosing.lastIndexOf('.') + 1);
    List<Function> calling =
        named.stream()
            .filter(
                f ->
                    f.handler
                        .get()
                        .substring(f.handler.get().lastIndexOf('.') + 1)
                        .equals(function))
            .toList();
    return calling.size() == 1 ? calling.get(0) : null;
  }

  /** Whether the function's handler names the file by its path from the function's code folder. */
  private static boolean names(Function f, String file) {
    if (!f.handler.present() || !f.handler.get().contains(".")) return false;
    String folder = f.codeDirectory().orElse("");
    if (!folder.isEmpty() && !file.startsWith(folder + "/")) return false;
    String relative = folder.isEmpty() ? file : file.substring(folder.length() + 1);
    int dot = relative.lastIndexOf('.');
    String path = dot > relative.lastIndexOf('/') ? relative.substring(0, dot) : relative;
    String module = f.handler.get().substring(0, f.handler.get().lastIndexOf('.'));
    return path.equals(module) || path.equals(module.replace('.', '/'));
  }

  /** The functions whose code folder is the deepest one holding the file (empty when none). */
  public List<Function> sharing(String file) {
    if (packagedFiles.containsKey(file)) return packagedFiles.get(file);
    for (int slash = file.lastIndexOf('/'); slash > 0; slash = file.lastIndexOf('/', slash - 1)) {
      List<Function> sharing = byFolder.get(file.substring(0, slash));
      if (sharing != null) return sharing;
    }
    return byFolder.getOrDefault("", List.of());
  }

  private void indexModules(List<Function> sharing) {
    Map<String, List<Function>> modules = new HashMap<>();
    for (Function f : sharing)
      if (f.handler.present())
        modules.computeIfAbsent(handlerModule(f.handler.get()), k -> new ArrayList<>()).add(f);
    byHandlerModule.put(sharing, modules);
  }

  /** The one function of a shared code folder whose handler module is {@code file}, else null. */
  private Function ownerAmong(List<Function> sharing, String file) {
    if (sharing.size() == 1) return sharing.get(0);
    List<Function> named =
        byHandlerModule.getOrDefault(sharing, Map.of()).getOrDefault(fileModule(file), List.of());
    return named.size() == 1 ? named.get(0) : null;
  }

  /** Whether the last part of the function's handler module is the file's name. */
  private static boolean namesByFileName(Function f, String file) {
    return f.handler.present() && handlerModule(f.handler.get()).equals(fileModule(file));
  }

  /** The module a file is: {@code src/app.py} → {@code app}. */
  private static String fileModule(String file) {
    String name = file.substring(file.lastIndexOf('/') + 1);
    return name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
  }

  /** The module a handler names: {@code src/app.handler} → {@code app}. */
  private static String handlerModule(String handler) {
    String module =
        handler.contains(".") ? handler.substring(0, handler.lastIndexOf('.')) : handler;
    return module.substring(module.lastIndexOf('/') + 1);
  }
}
