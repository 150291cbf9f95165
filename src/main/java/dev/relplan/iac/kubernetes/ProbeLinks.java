package dev.relplan.iac.kubernetes;

import dev.relplan.model.ComputeGroup;
import dev.relplan.model.HealthEndpoint;
import dev.relplan.model.Probe;
import dev.relplan.model.Workload;
import java.util.ArrayList;
import java.util.List;

/**
 * Links each workload's HTTP probes to the code's health handler serving the probed path, only when
 * that is unambiguous: exactly one handler in the scanned code serves the path, or exactly one of
 * those serving it lies in a folder named like the workload ({@code src/frontend/} for Deployment
 * {@code frontend}). Runs after every adapter has adapted, so the code's handlers are in the model.
 */
final class ProbeLinks {
  private ProbeLinks() {}

  /** Links the probes; returns a note for each probe left unlinked because several handlers fit. */
  static List<String> link(Workload w) {
    List<String> notes = new ArrayList<>();
    for (ComputeGroup g : w.all(ComputeGroup.class)) {
      if (g.kind != ComputeGroup.Kind.KUBERNETES_WORKLOAD) continue;
      for (Probe p : g.probes) {
        p.handler = null;
        p.unlinkedReason = null;
        if (!p.httpPath.isExplicit()) {
          p.unlinkedReason =
              p.mechanism == null || !p.mechanism.equals("httpGet")
                  ? "the probe names no HTTP path"
                  : p.httpPath.note();
          continue;
        }
        String path = p.httpPath.get();
        List<HealthEndpoint> serving = new ArrayList<>();
        for (HealthEndpoint e : w.healthEndpoints) if (samePath(e.path, path)) serving.add(e);
        if (serving.isEmpty()) {
          p.unlinkedReason = "no health handler in the scanned code serves " + path;
          continue;
        }
        if (serving.size() == 1) {
          p.handler = serving.get(0);
          continue;
        }
        String name = g.name.orElse(null);
        List<HealthEndpoint> named = new ArrayList<>();
        for (HealthEndpoint e : serving) if (inFolderNamed(e.location.file(), name)) named.add(e);
        if (named.size() == 1) {
          p.handler = named.get(0);
          continue;
        }
        p.unlinkedReason =
            serving.size()
                + " health handlers serve "
                + path
                + " and "
                + (named.isEmpty() ? "none" : named.size())
                + " of them "
                + (named.size() == 1 ? "is" : "are")
                + " in a folder named "
                + name;
        notes.add(
            "The "
                + p.purpose.name().toLowerCase(java.util.Locale.ROOT)
                + " probe of "
                + g.id
                + " ("
                + p.location
                + ") is not linked to a code handler: "
                + p.unlinkedReason
                + ".");
      }
    }
    return notes;
  }

  /**
   * The probed path and the route (written {@code GET /healthz} by scanners that know the method),
   * ignoring the method, a query string and a trailing slash. The kubelet probes with GET.
   */
  static boolean samePath(String route, String probed) {
    if (route == null) return false;
    int space = route.lastIndexOf(' ');
    if (space >= 0) {
      String methods = route.substring(0, space);
      if (!methods.contains("GET") && !methods.contains("ANY") && !methods.equals("*"))
        return false;
      route = route.substring(space + 1);
    }
    return normal(route).equals(normal(probed));
  }

  private static String normal(String path) {
    int query = path.indexOf('?');
    String p = query >= 0 ? path.substring(0, query) : path;
    if (!p.startsWith("/")) p = "/" + p;
    while (p.length() > 1 && p.endsWith("/")) p = p.substring(0, p.length() - 1);
    return p;
  }

  /** Whether a folder of the file's path is the workload's name. */
  static boolean inFolderNamed(String file, String name) {
    if (file == null || name == null) return false;
    String[] parts = file.replace('\\', '/').split("/");
    for (int i = 0; i < parts.length - 1; i++) if (parts[i].equals(name)) return true;
    return false;
  }
}
