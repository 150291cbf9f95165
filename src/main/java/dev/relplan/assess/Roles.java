package dev.relplan.assess;

import dev.relplan.model.ApiIntegration;
import dev.relplan.model.ApiStage;
import dev.relplan.model.Bucket;
import dev.relplan.model.Cache;
import dev.relplan.model.CodeOwners;
import dev.relplan.model.ComputeGroup;
import dev.relplan.model.Database;
import dev.relplan.model.DnsRecord;
import dev.relplan.model.EventSourceMapping;
import dev.relplan.model.FileSystem;
import dev.relplan.model.Function;
import dev.relplan.model.GenericResource;
import dev.relplan.model.LoadBalancer;
import dev.relplan.model.Resource;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.StateMachine;
import dev.relplan.model.Table;
import dev.relplan.model.TargetGroup;
import dev.relplan.model.Value;
import dev.relplan.model.Volume;
import dev.relplan.model.Workload;
import dev.relplan.source.Location;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What each resource does in the workload, derived from the model's links: whether it serves the
 * synchronous request path, asynchronous processing or a schedule; whether it holds data of record
 * or transient data; and how many compute components use it. {@link Criticality} rates findings
 * from it. Every role keeps the reason that decided it, naming the link.
 */
final class Roles {
  /** How the resource is reached, strongest first. */
  enum Path {
    REQUEST,
    ASYNC,
    SCHEDULED,
    UNKNOWN
  }

  /** What kind of data the resource holds. */
  enum Data {
    RECORD,
    TRANSIENT,
    NONE
  }

  /** One resource's role, with the reasons that decided it. */
  record Role(
      Path path,
      String pathReason,
      Data data,
      String dataReason,
      List<String> users,
      Resource via,
      Value<Double> admittedRate) {
    static final Role UNKNOWN =
        new Role(Path.UNKNOWN, "", Data.NONE, "", List.of(), null, Value.absent());
  }

  /**
   * Words that suggest transient data when a word of the name (split at separators and case
   * changes: CartSessionsTable is cart, sessions, table); used only when nothing else decides.
   * Whole words, so a TemplatesBucket or a Temperature table is not transient.
   */
  /** Word boundaries of a name: separators, and a lower-case letter or digit before a capital. */
  private static final Pattern NAME_WORD_BOUNDARY =
      Pattern.compile("[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])");

  private static final Set<String> TRANSIENT_WORDS =
      Set.of(
          "session",
          "sessions",
          "cache",
          "caches",
          "lock",
          "locks",
          "idempotency",
          "tmp",
          "temp",
          "temporary");

  private final Map<Resource, Role> roles = new IdentityHashMap<>();

  /** The compute components that use each resource, in the workload's order. */
  private Map<Resource, List<Resource>> usersOf = Map.of();

  private Roles() {}

  /** The roles of every resource of the workload. */
  static Roles of(Workload w) {
    Roles r = new Roles();
    // Insertion-ordered (the workload's order), so ties between users resolve the same way on
    // every run.
    Map<Resource, Role> compute = new LinkedHashMap<>();
    for (Resource res : w.resources()) {
      Role role = computeRole(res);
      if (role != null) compute.put(res, role);
    }
    Graph graph = new Graph(w);
    Map<Resource, List<Resource>> usersOf = new LinkedHashMap<>();
    for (Resource c : compute.keySet())
      if (c instanceof Function || c instanceof ComputeGroup)
        for (Resource used : graph.reachedFrom(c))
          usersOf.computeIfAbsent(used, k -> new ArrayList<>()).add(c);
    for (EventSourceMapping m : w.all(EventSourceMapping.class)) {
      Resource source = m.source.present() ? w.resolve(m.source.get()) : null;
      Resource fn = m.function.present() ? w.resolve(m.function.get()) : null;
      if (source != null && fn != null)
        usersOf.computeIfAbsent(source, k -> new ArrayList<>()).add(fn);
    }
    r.usersOf = usersOf;
    codeRoles(w, compute, r);
    Map<String, Value<Double>> stageRates = lowestStageRates(w);
    for (Resource res : w.resources()) {
      Role own = compute.get(res);
      List<Resource> users = usersOf.getOrDefault(res, List.of());
      Role role = own != null ? own : fromUsers(users, compute);
      r.roles.put(
          res,
          new Role(
              role.path(),
              role.pathReason(),
              dataOf(res),
              dataReasonOf(res),
              users.stream().map(u -> u.id).distinct().sorted().toList(),
              role.via(),
              admittedRate(
                  role.via() != null ? role.via() : own != null ? res : null, stageRates)));
    }
    return r;
  }

  /**
   * The functions and compute groups that use the resource (through references, IAM glue or an
   * event source mapping), in the workload's order.
   */
  List<Resource> usersOf(Resource r) {
    return usersOf.getOrDefault(r, List.of());
  }

  /** The resource's role; {@link Role#UNKNOWN} for resources not in the model. */
  Role of(Resource r) {
    return r == null ? Role.UNKNOWN : roles.getOrDefault(r, Role.UNKNOWN);
  }

  /**
   * Calls, handlers and health endpoints take the role of the function whose code folder holds
   * their file (the deepest such folder); when several functions share that folder, only the one
   * whose handler module is that file owns it, and a file none of them names has no known owner.
   */
  private static void codeRoles(Workload w, Map<Resource, Role> compute, Roles into) {
    CodeOwners owners = CodeOwners.of(w);
    if (owners.isEmpty()) return;
    List<Resource> code = new ArrayList<>(w.integrations);
    code.addAll(w.eventHandlers);
    code.addAll(w.healthEndpoints);
    for (Resource c : code) {
      Function owner = owners.owner(c.location.file());
      if (owner == null) continue;
      Role role = compute.getOrDefault(owner, Role.UNKNOWN);
      String timeout =
          owner.timeoutSeconds.present()
              ? "; it stops at the function's " + owner.timeoutSeconds.get() + " s timeout"
              : "";
      into.roles.put(
          c,
          new Role(
              role.path(),
              role.path() == Path.UNKNOWN
                  ? "in the code of " + owner.id + timeout
                  : "in the code of " + owner.id + ", which " + role.pathReason() + timeout,
              Data.NONE,
              "",
              List.of(owner.id),
              owner,
              Value.absent()));
    }
  }

  /** The role of a compute component or entry point from its own triggers and attachments. */
  private static Role computeRole(Resource r) {
    if (r instanceof Function f) return functionRole(f);
    if (r instanceof ComputeGroup g) {
      if (g.targetGroups.present() && !g.targetGroups.get().isEmpty())
        return path(
            Path.REQUEST, "runs behind a load balancer target group (" + at(g.location) + ")");
      if (!g.servedBy.isEmpty()) {
        Resource service = g.servedBy.get(0);
        return path(
            Path.REQUEST,
            "receives requests through Service "
                + service.name.orElse(service.id)
                + " ("
                + at(service.location)
                + ")");
      }
      return null;
    }
    if (r instanceof StateMachine) return null;
    if (r instanceof ApiStage
        || r instanceof ApiIntegration
        || r instanceof LoadBalancer
        || r instanceof TargetGroup
        || r instanceof DnsRecord)
      return path(Path.REQUEST, "is an entry point for requests (" + r.type + ")");
    return null;
  }

  private static Role functionRole(Function f) {
    if (f.triggers.isEmpty()) return null;
    for (Function.Trigger t : f.triggers)
      if (t.kind().startsWith("API") || t.kind().equals("ALB") || t.kind().equals("HTTPAPI"))
        return path(Path.REQUEST, "serves " + t.kind() + " requests (" + at(t.location()) + ")");
    Function.Trigger first = f.triggers.get(0);
    if (f.scheduledOnly())
      return path(Path.SCHEDULED, "runs on a schedule (" + at(first.location()) + ")");
    Set<String> kinds = new LinkedHashSet<>();
    f.triggers.forEach(t -> kinds.add(t.kind()));
    return path(
        Path.ASYNC,
        "is invoked by " + String.join(", ", kinds) + " events (" + at(first.location()) + ")");
  }

  /** A resource used by compute takes the strongest path among its users. */
  private static Role fromUsers(List<Resource> users, Map<Resource, Role> compute) {
    Resource strongest = null;
    for (Resource u : users) {
      Role ur = compute.get(u);
      if (ur == null) continue;
      if (strongest == null || ur.path().ordinal() < compute.get(strongest).path().ordinal())
        strongest = u;
    }
    if (strongest == null) return Role.UNKNOWN;
    Role ur = compute.get(strongest);
    String reason = "used by " + strongest.id + ", which " + ur.pathReason();
    return new Role(ur.path(), reason, Data.NONE, "", List.of(), strongest, Value.absent());
  }

  private static Role path(Path p, String reason) {
    return new Role(p, reason, Data.NONE, "", List.of(), null, Value.absent());
  }

  /**
   * The request rate the API in front of a function admits (the lowest stage throttling rate of the
   * APIs that invoke it); absent when no stage sets one.
   */
  private static Value<Double> admittedRate(Resource compute, Map<String, Value<Double>> byApi) {
    if (!(compute instanceof Function f)) return Value.absent();
    Value<Double> lowest = Value.absent();
    for (Function.Trigger t : f.triggers) {
      if (!t.kind().startsWith("API") || !(t.source().orElse(null) instanceof ResourceRef api))
        continue;
      Value<Double> rate = byApi.getOrDefault(api.key(), Value.absent());
      if (rate.present() && (!lowest.present() || rate.get() < lowest.get())) lowest = rate;
    }
    return lowest;
  }

  /**
   * The lowest throttling rate of each API's stages, by the API's reference key: the API itself may
   * not be modelled (SAM's API is its stage), so stages are matched by the reference they carry.
   */
  private static Map<String, Value<Double>> lowestStageRates(Workload w) {
    Map<String, Value<Double>> out = new HashMap<>();
    for (ApiStage stage : w.all(ApiStage.class)) {
      if (!(stage.api.orElse(null) instanceof ResourceRef api) || !stage.throttleRate.present())
        continue;
      out.merge(api.key(), stage.throttleRate, (a, b) -> b.get() < a.get() ? b : a);
    }
    return out;
  }

  private static Data dataOf(Resource r) {
    if (r instanceof Table t) {
      if (t.timeToLive.isTrue() || transientName(r)) return Data.TRANSIENT;
      return Data.RECORD;
    }
    if (r instanceof Cache) return transientCache(r) ? Data.TRANSIENT : Data.RECORD;
    if (r instanceof Database
        || r instanceof FileSystem
        || r instanceof Volume
        || r instanceof Bucket) return transientName(r) ? Data.TRANSIENT : Data.RECORD;
    return Data.NONE;
  }

  private static String dataReasonOf(Resource r) {
    if (r instanceof Table t) {
      if (t.timeToLive.isTrue())
        return "its items expire (TTL enabled at " + at(t.timeToLive.trace()) + ")";
      if (transientName(r)) return "its name suggests transient data (a hint only: no TTL is set)";
      return "its items do not expire (no TTL)";
    }
    if (r instanceof Cache c)
      return transientCache(r)
          ? "an in-memory cache (" + c.engine.orElse(c.type) + ")"
          : "a durable in-memory database (" + c.type + ")";
    if (dataOf(r) == Data.TRANSIENT) return "its name suggests transient data (a hint only)";
    if (dataOf(r) == Data.RECORD) return "it stores data that is not known to be transient";
    return "";
  }

  /** MemoryDB keeps a durable transaction log; ElastiCache engines are caches. */
  private static boolean transientCache(Resource r) {
    return !r.type.toLowerCase(Locale.ROOT).contains("memorydb");
  }

  private static boolean transientName(Resource r) {
    String name = r.id + " " + r.name.orElse("");
    for (String word : NAME_WORD_BOUNDARY.split(name))
      if (TRANSIENT_WORDS.contains(word.toLowerCase(Locale.ROOT))) return true;
    return false;
  }

  private static String at(Location l) {
    return l == null ? "?" : l.toString();
  }

  private static String at(List<Location> trace) {
    return trace.isEmpty() ? "?" : trace.get(0).toString();
  }

  /**
   * The model's references as a graph: what a compute component uses directly, or through IAM roles
   * and policies (a function's role, a policy on that role naming a table).
   */
  private static final class Graph {
    private final Workload w;
    private final Map<String, List<Resource>> referrers = new HashMap<>();

    Graph(Workload w) {
      this.w = w;
      for (Resource r : w.resources())
        for (ResourceRef ref : r.references)
          referrers.computeIfAbsent(ref.key(), k -> new ArrayList<>()).add(r);
    }

    /** Every non-glue resource the compute component reaches, through glue at most 3 hops deep. */
    List<Resource> reachedFrom(Resource start) {
      Set<Resource> seen = Collections.newSetFromMap(new IdentityHashMap<>());
      List<Resource> out = new ArrayList<>();
      Deque<Resource> queue = new ArrayDeque<>();
      Map<Resource, Integer> depth = new IdentityHashMap<>();
      seen.add(start);
      queue.add(start);
      depth.put(start, 0);
      while (!queue.isEmpty()) {
        Resource cur = queue.poll();
        int d = depth.get(cur);
        if (d >= 3) continue;
        List<Resource> next = new ArrayList<>();
        for (ResourceRef ref : cur.references) {
          Resource to = w.get(ref.key());
          if (to != null) next.add(to);
        }
        if (glue(cur)) next.addAll(referrers.getOrDefault(cur.key(), List.of()));
        for (Resource n : next) {
          if (!seen.add(n) || n == start) continue;
          if (glue(n)) {
            depth.put(n, d + 1);
            queue.add(n);
          } else if (!(n instanceof Function) && !(n instanceof ComputeGroup)) out.add(n);
        }
      }
      return out;
    }

    /**
     * What connects compute to what it uses: IAM roles, policies and instance profiles (what it may
     * use), ECS task definitions and EC2 launch templates (the environment and user data its
     * containers and instances start with).
     */
    private static boolean glue(Resource r) {
      if (!(r instanceof GenericResource)) return false;
      String t = r.type.toLowerCase(Locale.ROOT);
      return t.startsWith("aws::iam::")
          || t.startsWith("aws_iam_")
          || t.equals("aws::ecs::taskdefinition")
          || t.equals("aws_ecs_task_definition")
          || t.equals("aws::ec2::launchtemplate")
          || t.equals("aws_launch_template");
    }
  }
}
