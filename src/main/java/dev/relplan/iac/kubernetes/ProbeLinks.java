package dev.relplan.iac.kubernetes;

import dev.relplan.model.ComputeGroup;
import dev.relplan.model.HealthEndpoint;
import dev.relplan.model.Probe;
import dev.relplan.model.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
        String path;
        List<HealthEndpoint> serving = new ArrayList<>();
        if (p.grpcService != null) {
          path = "the gRPC health service";
          for (HealthEndpoint e : w.healthEndpoints)
            if (HealthEndpoint.GRPC_HEALTH.equals(e.path)) serving.add(e);
        } else if (p.httpPath.isExplicit()) {
          path = p.httpPath.get();
          for (HealthEndpoint e : w.healthEndpoints) if (serves(e, path)) serving.add(e);
        } else {
          p.unlinkedReason = withoutPath(p);
          continue;
        }
        if (serving.isEmpty()) {
          p.unlinkedReason = notServed(w, path);
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
                + (p.grpcService != null
                    ? " gRPC health services are registered in the scanned code"
                    : " health handlers serve " + path)
                + " and "
                + (named.isEmpty() ? "none" : named.size())
                + " of them "
                + (named.size() == 1 ? "is" : "are")
                + " in a folder named "
                + name;
        notes.add(
            "The "
                + p.purpose.name().toLowerCase(Locale.ROOT)
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

  private static String withoutPath(Probe p) {
    if ("exec".equals(p.mechanism))
      return "the exec probe's command is not an HTTP GET of its own pod (curl, wget, podcli check"
          + " http) nor grpc_health_probe";
    return p.mechanism == null || !p.mechanism.equals("httpGet")
        ? "the probe names no HTTP path"
        : p.httpPath.note();
  }

  /** Why no handler serves a path: none does, or a route that would is not the only one. */
  private static String notServed(Workload w, String path) {
    for (HealthEndpoint e : w.healthEndpoints) {
      if (e.runtimePrefix != null && e.suffixShared != null && endsWith(path, e.pathSuffix))
        return "the route "
            + e.path
            + " ("
            + e.location
            + ") could serve "
            + path
            + ", but "
            + e.suffixShared;
    }
    return "no health handler in the scanned code serves " + path;
  }

  /**
   * Whether a route serves the probed path: the same path, or, for a route whose path starts with a
   * value known only at run time, a probed path ending with the route's literal rest when no other
   * route of its router could serve such a path (checked by the code scanner).
   */
  static boolean serves(HealthEndpoint e, String probed) {
    if (e.runtimePrefix == null) return samePath(e.path, probed);
    return e.suffixShared == null
        && samePath(e.path.substring(0, e.path.indexOf(' ') + 1) + "/", "/")
        && endsWith(probed, e.pathSuffix);
  }

  private static boolean endsWith(String probed, String suffix) {
    String s = normal(suffix);
    String q = normal(probed);
    return !s.equals("/") && (q.equals(s) || q.endsWith(s));
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
