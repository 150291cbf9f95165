package dev.relplan.model;

import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which service of the repository an outbound call reaches (docs/deadline-budgets.md, "Upstream
 * callers"): the call's address — its literal target, or the value its caller's containers are
 * given for the environment variable the code reads it from ({@link Integration#targetEnv}) — names
 * a Kubernetes Service ({@code name}, {@code name.namespace}, {@code name.namespace.svc}, {@code
 * name.namespace.svc.cluster.local}; the caller's namespace when none is written) whose selector
 * matches a workload, or a Compose service of the caller's project. Anything else (an address from
 * a Secret, a host outside the repository, callers disagreeing on the value) reaches no known
 * service.
 */
public final class CallTargets {
  /** The workloads a call reaches, and the lines that say so (the address's value). */
  public record Reached(List<ComputeGroup> callees, List<Location> via) {}

  private final Map<String, List<PodService>> servicesByName = new LinkedHashMap<>();
  private final Map<String, Map<String, ComputeGroup>> composeByScope = new LinkedHashMap<>();
  private final List<ComputeGroup> workloads = new ArrayList<>();

  public CallTargets(Workload w) {
    for (PodService s : w.all(PodService.class))
      if (s.name.present())
        servicesByName.computeIfAbsent(s.name.get(), k -> new ArrayList<>()).add(s);
    for (ComputeGroup g : w.all(ComputeGroup.class)) {
      if (g.kind == ComputeGroup.Kind.KUBERNETES_WORKLOAD) workloads.add(g);
      if (g.kind == ComputeGroup.Kind.COMPOSE_SERVICE && g.name.present())
        composeByScope.computeIfAbsent(g.scope, k -> new LinkedHashMap<>()).put(g.name.get(), g);
    }
  }

  /** The services a call made by code that {@code callers} run reaches; null when not traced. */
  public Reached of(Integration call, List<ComputeGroup> callers) {
    List<Location> via = new ArrayList<>();
    String address = address(call, callers, via);
    if (address == null) return null;
    String host = host(address);
    if (host.isEmpty()) return null;
    List<ComputeGroup> callees = new ArrayList<>();
    for (ComputeGroup caller : callers) {
      if (caller.kind == ComputeGroup.Kind.COMPOSE_SERVICE) {
        ComputeGroup callee = composeByScope.getOrDefault(caller.scope, Map.of()).get(host);
        if (callee != null && callee != caller && !callees.contains(callee)) callees.add(callee);
      } else if (caller.kind == ComputeGroup.Kind.KUBERNETES_WORKLOAD) {
        for (ComputeGroup callee : kubernetes(host, caller))
          if (!callees.contains(callee)) callees.add(callee);
      }
    }
    return callees.isEmpty() ? null : new Reached(callees, via);
  }

  /**
   * The address the call uses: the value every caller gives the environment variable it is read
   * from (null when one does not give it, or they differ), else its literal target.
   */
  private static String address(Integration call, List<ComputeGroup> callers, List<Location> via) {
    if (call.targetEnv.present()) {
      String value = null;
      for (ComputeGroup g : callers) {
        Value<String> v = g.containerEnv.get(call.targetEnv.get());
        if (v == null || !v.present() || value != null && !value.equals(v.get())) return null;
        value = v.get();
        for (Location l : v.trace()) if (!via.contains(l)) via.add(l);
      }
      return value;
    }
    if (!call.target.present()) return null;
    String target = call.target.get();
    int at = target.lastIndexOf(" at ");
    if (call.kind == Integration.Kind.RPC) return at < 0 ? null : target.substring(at + 4);
    if (call.kind != Integration.Kind.HTTP) return null;
    for (String word : target.strip().split(" ")) if (word.contains("://")) return word;
    return target.contains(" ") ? null : target;
  }

  /**
   * The host of an address: {@code http://cart:8080/x}, {@code dns:///cart:8080} → {@code cart}.
   */
  static String host(String address) {
    String a = address.strip();
    int scheme = a.indexOf("://");
    if (scheme >= 0) a = a.substring(scheme + 3);
    else if (a.startsWith("dns:")) a = a.substring(4);
    while (a.startsWith("/")) a = a.substring(1);
    int slash = a.indexOf('/');
    if (slash >= 0) a = a.substring(0, slash);
    int user = a.lastIndexOf('@');
    if (user >= 0) a = a.substring(user + 1);
    if (a.startsWith("[")) return ""; // an IP address, no service name
    int colon = a.indexOf(':');
    if (colon >= 0) a = a.substring(0, colon);
    return a.toLowerCase(java.util.Locale.ROOT);
  }

  /** The workloads behind the Kubernetes Service a host names, seen from the caller's namespace. */
  private List<ComputeGroup> kubernetes(String host, ComputeGroup caller) {
    String[] parts = host.split("\\.", -1);
    String namespace = parts.length > 1 ? parts[1] : namespaceOf(caller.namespace);
    List<String> rest = List.of(parts).subList(Math.min(2, parts.length), parts.length);
    if (!rest.isEmpty()
        && !rest.equals(List.of("svc"))
        && !rest.equals(List.of("svc", "cluster", "local"))) return List.of();
    List<ComputeGroup> out = new ArrayList<>();
    for (PodService s : servicesByName.getOrDefault(parts[0], List.of())) {
      if (!namespaceOf(s.namespace).equals(namespace)) continue;
      for (ComputeGroup g : workloads) if (g.servedBy.contains(s) && !out.contains(g)) out.add(g);
    }
    return out;
  }

  private static String namespaceOf(String namespace) {
    return namespace == null || namespace.isEmpty() ? "default" : namespace;
  }
}
