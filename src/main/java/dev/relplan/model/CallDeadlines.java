package dev.relplan.model;

import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What runs the code making an outbound call, and so how long its caller waits for it
 * (docs/deadline-budgets.md): the Lambda function whose code it is ({@link CodeOwners}), else the
 * health handler a Kubernetes probe is linked to ({@link Probe#handler}) when the call is made in
 * that handler, else the container service whose code folder holds the file ({@link
 * ComputeGroup#codeFolder}, judged against {@link ComputeGroup#requestTimeouts}), else the
 * Kubernetes workload named like a folder of the call's file when an ingress or load balancer in
 * front of it has a request timeout ({@link Workload#requestTimeouts}). Null when nothing known
 * waits for the code.
 */
public final class CallDeadlines {
  /**
   * The deadline of the code making a call, or, when several runners may run it and none is traced
   * to, their deadlines ({@code candidates}) with why none is known ({@code unknownOwner}, {@code
   * tableReason}) and the lines of the candidates.
   */
  public record Owned(
      Deadline deadline,
      List<Deadline> candidates,
      String unknownOwner,
      String tableReason,
      List<Location> candidateLines) {}

  private final Workload w;
  private final CodeOwners functions;
  private final Map<Object, Deadline> cache = new IdentityHashMap<>();
  private Deadline.Invokers invokers; // indexed on first use

  private Deadline.Invokers invokers() {
    if (invokers == null) invokers = new Deadline.Invokers(w);
    return invokers;
  }

  /** Health handlers linked to probes, by file, with the probes (and their workloads) linked. */
  private final Map<String, Map<HealthEndpoint, List<ProbeOf>>> probedHandlers =
      new LinkedHashMap<>();

  private record ProbeOf(ComputeGroup workload, Probe probe) {}

  /** Kubernetes workloads by name (every definition of one name), for code in a named folder. */
  private final Map<String, List<ComputeGroup>> workloadsByName = new LinkedHashMap<>();

  private final Map<String, Optional<Deadline>> workloadDeadlines = new HashMap<>();

  /** Container services by the folder of the code they run ({@link ComputeGroup#codeFolder}). */
  private final Map<String, List<ComputeGroup>> servicesByCodeFolder = new LinkedHashMap<>();

  private boolean anyServiceTimeout;

  /** Calls reaching each service of the repository from another's code (built on first use). */
  private Map<ComputeGroup, List<Integration>> upstream;

  /** Upstream limits set by a gRPC call's deadline, which gRPC carries to the callee. */
  private final Set<Deadline.Limit> propagated = Collections.newSetFromMap(new IdentityHashMap<>());

  /** One service that may run some code: the definitions of one name (several scopes). */
  private record Runner(String name, List<ComputeGroup> groups) {}

  private CallDeadlines(Workload w) {
    this.w = w;
    this.functions = CodeOwners.of(w);
    for (ComputeGroup g : w.all(ComputeGroup.class))
      for (Probe p : g.probes)
        if (p.handler != null)
          probedHandlers
              .computeIfAbsent(p.handler.location.file(), k -> new LinkedHashMap<>())
              .computeIfAbsent(p.handler, k -> new ArrayList<>())
              .add(new ProbeOf(g, p));
    for (ComputeGroup g : w.all(ComputeGroup.class))
      if (g.kind == ComputeGroup.Kind.KUBERNETES_WORKLOAD && g.name.present())
        workloadsByName.computeIfAbsent(g.name.get(), k -> new ArrayList<>()).add(g);
    for (ComputeGroup g : w.all(ComputeGroup.class)) {
      if (g.codeFolder.present())
        servicesByCodeFolder.computeIfAbsent(g.codeFolder.get(), k -> new ArrayList<>()).add(g);
      anyServiceTimeout |= !g.requestTimeouts.isEmpty();
    }
  }

  public static CallDeadlines of(Workload w) {
    return new CallDeadlines(w);
  }

  /** Whether no code of the workload has a known runner with a deadline. */
  public boolean isEmpty() {
    return functions.isEmpty()
        && probedHandlers.isEmpty()
        && w.requestTimeouts.isEmpty()
        && !anyServiceTimeout
        && upstream().isEmpty();
  }

  /** Who runs the call's code and its deadline; null when nothing known waits for the code. */
  public Owned of(Integration call) {
    List<Function> sharing = functions.sharing(call.location.file());
    if (!sharing.isEmpty()) return ofFunction(call, sharing);
    HealthEndpoint handler = probedHandler(call);
    if (handler != null)
      return new Owned(
          cache.computeIfAbsent(handler, h -> ofProbes(handler)), List.of(), null, null, List.of());
    List<ComputeGroup> building = servicesBuilding(call.location.file());
    boolean callers = !runByHand(call);
    if (!building.isEmpty()) {
      Owned owned = ofService(building, callers);
      if (owned != null) return owned;
    }
    return w.requestTimeouts.isEmpty() && upstream().isEmpty() ? null : ofContainer(call, callers);
  }

  /**
   * A program beside a service that its container's entry point does not run (marked "local" by the
   * code adapter's ContainerPrograms): no other service's call reaches it.
   */
  private static boolean runByHand(Integration call) {
    return call.environment.present() && call.environment.get().startsWith("local (");
  }

  /**
   * Whether a limit is a gRPC caller's deadline, which gRPC sends with the request: a callee that
   * passes its incoming context on to its own calls has them cancelled at that deadline.
   */
  public boolean propagates(Deadline.Limit limit) {
    return propagated.contains(limit);
  }

  /**
   * Why no caller's wait bounds the call's code although calls reach it (every such caller waits
   * without a timeout, or for a time that cannot be told); null when no call reaches it.
   */
  public String whyNoUpstreamBudget(Integration call) {
    List<Runner> runners = runners(call.location.file());
    if (runners.size() != 1
        || !functions.sharing(call.location.file()).isEmpty()
        || runByHand(call)) return null;
    List<String> callers = new ArrayList<>();
    for (ComputeGroup g : runners.get(0).groups())
      for (Integration caller : upstream().getOrDefault(g, List.of())) {
        Value<Double> worst = caller.worstCaseSeconds();
        String said =
            caller.client
                + " call at "
                + caller.location
                + (worst.present() && worst.get().isInfinite()
                    ? " (no timeout)"
                    : worst.unresolved()
                        ? " (its wait cannot be told)"
                        : " (its wait not computed)");
        if (!callers.contains(said)) callers.add(said);
      }
    if (callers.isEmpty()) return null;
    return runners.get(0).name()
        + " is called by "
        + String.join(", ", callers)
        + ", so no caller's wait bounds it";
  }

  /** The services whose code folder is the deepest one holding the file (empty when none). */
  private List<ComputeGroup> servicesBuilding(String file) {
    if (servicesByCodeFolder.isEmpty()) return List.of();
    for (int slash = file.lastIndexOf('/'); slash > 0; slash = file.lastIndexOf('/', slash - 1)) {
      List<ComputeGroup> building = servicesByCodeFolder.get(file.substring(0, slash));
      if (building != null) return building;
    }
    return servicesByCodeFolder.getOrDefault("", List.of());
  }

  /**
   * The services that may run code in a file: those building the deepest code folder holding it,
   * else the Kubernetes workloads named like a folder of its path; definitions of one name in
   * several scopes are one service.
   */
  private List<Runner> runners(String file) {
    Map<String, List<ComputeGroup>> byName = new LinkedHashMap<>();
    for (ComputeGroup g : servicesBuilding(file))
      byName.computeIfAbsent(runnerName(g), k -> new ArrayList<>()).add(g);
    if (byName.isEmpty())
      for (String name : namedFolders(file))
        for (ComputeGroup g : workloadsByName.get(name))
          byName.computeIfAbsent(workloadName(g), k -> new ArrayList<>()).add(g);
    List<Runner> out = new ArrayList<>();
    byName.forEach((name, groups) -> out.add(new Runner(name, groups)));
    return out;
  }

  /** How a finding names a service running code. */
  private static String runnerName(ComputeGroup g) {
    return switch (g.kind) {
      case KUBERNETES_WORKLOAD -> workloadName(g);
      case COMPOSE_SERVICE -> "Compose service " + g.name.orElse(g.id);
      default -> "ECS service " + g.id;
    };
  }

  /**
   * The deadline of the one service running the code: the request timeouts in front of it and the
   * waits of the calls reaching it. Null when none has any; when several services run the same
   * folder, no owner.
   */
  private Owned ofService(List<ComputeGroup> building, boolean callers) {
    List<Deadline> fronted = new ArrayList<>();
    List<Location> lines = new ArrayList<>();
    Map<String, List<ComputeGroup>> byName = new LinkedHashMap<>();
    for (ComputeGroup g : building)
      byName.computeIfAbsent(runnerName(g), k -> new ArrayList<>()).add(g);
    for (Map.Entry<String, List<ComputeGroup>> runner : byName.entrySet()) {
      Deadline d =
          (callers ? runnerDeadlines : runnerDeadlinesByHand)
              .computeIfAbsent(
                  runner.getValue().get(0),
                  k -> ofRunner(runner.getKey(), runner.getValue(), callers))
              .orElse(null);
      if (d == null) continue;
      fronted.add(d);
      for (ComputeGroup g : runner.getValue()) lines.add(g.location);
    }
    if (fronted.isEmpty()) return null;
    if (byName.size() == 1) return new Owned(fronted.get(0), List.of(), null, null, List.of());
    String names = String.join(", ", building.stream().map(g -> g.id).distinct().toList());
    return new Owned(
        null,
        fronted,
        "its folder is the code of the services " + names + " and which one runs it is not known",
        "in code several services run (" + names + ")",
        lines);
  }

  /**
   * Deadlines of the services running code folders, by their first definition (names repeat across
   * stacks and apps): with the calls reaching them, and without for programs run by hand.
   */
  private final Map<ComputeGroup, Optional<Deadline>> runnerDeadlines = new IdentityHashMap<>();

  private final Map<ComputeGroup, Optional<Deadline>> runnerDeadlinesByHand =
      new IdentityHashMap<>();

  /**
   * The deadline of one service: the request timeouts in front of it (its own, and for a Kubernetes
   * workload those in front of its Services) and the waits of the calls that reach it.
   */
  private Optional<Deadline> ofRunner(
      String owner, List<ComputeGroup> groups, boolean withCallers) {
    List<Deadline.Limit> limits = new ArrayList<>();
    for (ComputeGroup g : groups) {
      for (Deadline.Limit l : g.requestTimeouts) if (!limits.contains(l)) limits.add(l);
      for (Deadline.Limit l : fronting(g)) if (!limits.contains(l)) limits.add(l);
    }
    List<Deadline.Limit> callers = new ArrayList<>();
    for (ComputeGroup g : withCallers ? groups : List.<ComputeGroup>of())
      for (Integration caller : upstream().getOrDefault(g, List.of())) {
        Deadline.Limit l = callerLimit(caller);
        if (l != null && !callers.contains(l)) callers.add(l);
      }
    limits.addAll(callers);
    if (limits.isEmpty()) return Optional.empty();
    Deadline d = Deadline.tightestOf(owner, owner, owner, CONTAINER_IMPACT, limits);
    if (d.tightest() != null && callers.contains(d.tightest()))
      d = Deadline.tightestOf(owner, owner, owner, UPSTREAM_IMPACT, limits);
    return Optional.of(d);
  }

  /** The request timeouts in front of the Kubernetes Services routing to a workload. */
  private List<Deadline.Limit> fronting(ComputeGroup g) {
    List<Deadline.Limit> limits = new ArrayList<>();
    for (Resource front : g.servedBy)
      if (front instanceof PodService s)
        for (RequestTimeout t : w.requestTimeouts)
          if (t.scope().equals(s.scope)
              && t.namespace().equals(s.namespace)
              && s.name.present()
              && t.service().equals(s.name.get())
              && !limits.contains(t.limit())) limits.add(t.limit());
    return limits;
  }

  private final Map<Integration, Deadline.Limit> callerLimits = new IdentityHashMap<>();

  /**
   * The limit a caller's own wait sets on the code it reaches: its worst case (what the
   * integrations table computes), cited at the call; null when it waits without a bound or for a
   * time that cannot be told (no budget then).
   */
  private Deadline.Limit callerLimit(Integration caller) {
    if (callerLimits.containsKey(caller)) return callerLimits.get(caller);
    Value<Double> worst = caller.worstCaseSeconds();
    Deadline.Limit limit = null;
    if (worst.present() && !worst.get().isInfinite()) {
      List<Location> trace = new ArrayList<>(List.of(caller.location));
      for (Location l : worst.trace()) if (!trace.contains(l)) trace.add(l);
      Value<Double> seconds =
          worst.isExplicit()
              ? Value.explicit(worst.get(), trace)
              : Value.<Double>defaulted(worst.get(), worst.note()).withTrace(trace);
      limit =
          new Deadline.Limit(
              "the client timeout of the " + caller.client + " call " + caller.describe(),
              seconds,
              "the caller gives up and fails its own request while this call still waits");
      if (caller.kind == Integration.Kind.RPC && caller.client.startsWith("gRPC"))
        propagated.add(limit);
    }
    callerLimits.put(caller, limit);
    return limit;
  }

  /**
   * The calls reaching each service from another service's code: the call's file is run by one
   * known service ({@link #runners}), not a Lambda function, and its address names a service of the
   * repository ({@link CallTargets}).
   */
  private Map<ComputeGroup, List<Integration>> upstream() {
    if (upstream != null) return upstream;
    upstream = new IdentityHashMap<>();
    if (servicesByCodeFolder.isEmpty() && workloadsByName.isEmpty()) return upstream;
    CallTargets targets = new CallTargets(w);
    for (Integration call : w.integrations) {
      if (!call.targetEnv.present() && !call.target.present()) continue;
      if (!functions.sharing(call.location.file()).isEmpty() || runByHand(call)) continue;
      List<Runner> runners = runners(call.location.file());
      if (runners.size() != 1) continue; // which service makes the call is not known
      CallTargets.Reached reached = targets.of(call, runners.get(0).groups());
      if (reached == null) continue;
      for (ComputeGroup callee : reached.callees())
        if (!runners.get(0).groups().contains(callee))
          upstream.computeIfAbsent(callee, k -> new ArrayList<>()).add(call);
    }
    return upstream;
  }

  /** The folders of a file's path named like a Kubernetes workload, in path order. */
  private List<String> namedFolders(String file) {
    List<String> named = new ArrayList<>();
    String[] parts = file.replace('\\', '/').split("/");
    for (int i = 0; i < parts.length - 1; i++)
      if (workloadsByName.containsKey(parts[i]) && !named.contains(parts[i])) named.add(parts[i]);
    return named;
  }

  /**
   * The Kubernetes workload whose code the call is in: the one workload named like a folder of the
   * call's file; its deadline is the request timeout in front of the Services routing to it. Null
   * when no workload is so named or none so named has a request timeout in front.
   */
  private Owned ofContainer(Integration call, boolean callers) {
    // The file's folders looked up by name: one pass over the path, whatever the workload count.
    List<String> named = namedFolders(call.location.file());
    List<Deadline> fronted = new ArrayList<>();
    List<Location> lines = new ArrayList<>();
    for (String name : named) {
      Deadline d =
          workloadDeadlines
              .computeIfAbsent(name + (callers ? "" : "|by hand"), k -> ofWorkload(name, callers))
              .orElse(null);
      if (d == null) continue;
      fronted.add(d);
      for (ComputeGroup g : workloadsByName.get(name)) lines.add(g.location);
    }
    if (fronted.isEmpty()) return null;
    if (named.size() == 1) return new Owned(fronted.get(0), List.of(), null, null, List.of());
    return new Owned(
        null,
        fronted,
        "its folder path names several workloads ("
            + String.join(", ", named)
            + ") and which one runs it is not known",
        "in a folder named like several workloads (" + String.join(", ", named) + ")",
        lines);
  }

  /**
   * The deadline of the workloads named {@code name}: the request timeouts in front of them and the
   * waits of the calls reaching them.
   */
  private Optional<Deadline> ofWorkload(String name, boolean callers) {
    List<ComputeGroup> groups = workloadsByName.get(name);
    return ofRunner(workloadName(groups.get(0)), groups, callers);
  }

  private static final String UPSTREAM_IMPACT =
      "The calling service gives up before this call does: it fails its own request with a"
          + " timeout while this service still works on a request nobody waits for, holding a"
          + " worker and a connection, and the caller's retries add more such work.";

  private static final String CONTAINER_IMPACT =
      "The load balancer or ingress gives up before the call does: the client gets a gateway"
          + " timeout while the container still works on a request nobody waits for, holding a"
          + " worker and a connection instead of failing fast with its own error.";

  private Owned ofFunction(Integration call, List<Function> sharing) {
    Function owner = functions.owner(call.location.file(), call.enclosing);
    if (owner != null)
      return new Owned(
          cache.computeIfAbsent(owner, f -> Deadline.of(owner, w, invokers())),
          List.of(),
          null,
          null,
          List.of());
    List<Deadline> candidates = new ArrayList<>();
    List<Location> lines = new ArrayList<>();
    for (Function f : sharing) {
      candidates.add(cache.computeIfAbsent(f, k -> Deadline.of(f, w, invokers())));
      lines.add(f.location);
    }
    return new Owned(
        null,
        candidates,
        "its file is in the code folder of "
            + String.join(", ", sharing.stream().map(f -> f.id).toList())
            + ", and no one of them is traced to run it (it is not in one's handler module, or"
            + " it is in a module several share but outside their handler functions)",
        "in code several functions share, not traced to one of them",
        lines);
  }

  /** The probed health handler the call is made in (same file, same function), else null. */
  private HealthEndpoint probedHandler(Integration call) {
    Map<HealthEndpoint, List<ProbeOf>> inFile = probedHandlers.get(call.location.file());
    if (inFile == null) return null;
    for (HealthEndpoint h : inFile.keySet()) if (h.handler.equals(call.enclosing)) return h;
    return null;
  }

  /** The deadline of a health handler: the timeout of each probe linked to it. */
  private Deadline ofProbes(HealthEndpoint handler) {
    List<ProbeOf> probes = probedHandlers.get(handler.location.file()).get(handler);
    List<Deadline.Limit> limits = new ArrayList<>();
    boolean liveness = false;
    for (ProbeOf p : probes) {
      String purpose = p.probe().purpose.name().toLowerCase(Locale.ROOT);
      liveness |= p.probe().purpose == Probe.Purpose.LIVENESS;
      limits.add(
          new Deadline.Limit(
              "the " + purpose + " probe's timeoutSeconds",
              Deadline.cited(
                  p.probe().timeoutSeconds.map(Integer::doubleValue), p.probe().location),
              consequence(p.probe().purpose)));
    }
    ComputeGroup first = probes.get(0).workload();
    String owner = "health handler " + handler.handler + " of " + workloadName(first);
    return Deadline.tightestOf(
        workloadName(first),
        owner,
        "Health handler " + handler.handler + " of " + workloadName(first),
        liveness ? LIVENESS_IMPACT : READINESS_IMPACT,
        limits);
  }

  private static final String LIVENESS_IMPACT =
      "The kubelet gives up on the liveness check before the handler's call does: when the"
          + " dependency is merely slow, every replica fails its liveness probe at once and is"
          + " restarted although it is healthy, turning a slow dependency into an outage and a"
          + " restart loop.";

  private static final String READINESS_IMPACT =
      "The kubelet gives up on the check before the handler's call does: when the dependency is"
          + " merely slow, the pods are reported not ready and taken out of their Service's"
          + " endpoints together, although they could still serve.";

  private static String consequence(Probe.Purpose purpose) {
    return switch (purpose) {
      case LIVENESS ->
          "the kubelet counts the check as failed and, after failureThreshold failures, restarts"
              + " the container while the dependency is only slow";
      case READINESS ->
          "the kubelet counts the check as failed and, after failureThreshold failures, takes"
              + " the pod out of its Service while the dependency is only slow";
      case STARTUP ->
          "the kubelet counts the check as failed and, after failureThreshold failures, kills"
              + " the container before it has started";
    };
  }

  private static String workloadName(ComputeGroup g) {
    return g.type + " " + g.name.orElse(g.id);
  }
}
