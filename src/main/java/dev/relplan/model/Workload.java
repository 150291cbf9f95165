package dev.relplan.model;

import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The one format-free model of the scanned workload that every rule reads. */
public final class Workload {
  /**
   * A hint about which environments exist, e.g. a parameter with AllowedValues dev/staging/prod.
   */
  public record EnvironmentEvidence(String environment, String how, Location location) {}

  /** Deployment-safety evidence from CI/CD definitions: an approval gate or a rollback step. */
  public record PipelineEvidence(String kind, String description, Location location) {
    public static final String APPROVAL_GATE = "approval gate";
    public static final String ROLLBACK_STEP = "rollback step";
  }

  private final List<Resource> resources = new ArrayList<>();
  private final Map<String, Resource> byKey = new HashMap<>();
  public final List<EnvironmentEvidence> environments = new ArrayList<>();
  public final List<PipelineEvidence> pipelineEvidence = new ArrayList<>();
  public final Map<EvidenceKind, List<String>> repositoryEvidence =
      new EnumMap<>(EvidenceKind.class);

  /**
   * Modules, nested stacks and handler code the IaC refers to that could not be read: what they
   * create or do is not assessed.
   */
  public final List<CoverageGap> coverageGaps = new ArrayList<>();

  /** Count of resources per type that no rule examines. */
  public final Map<String, Integer> notAssessedTypes = new java.util.TreeMap<>();

  /**
   * Application code and migration files a code scanner read (test sources excluded): code that was
   * read but holds no outbound call is still assessed.
   */
  public int codeFilesAnalyzed;

  /** Request timeouts of the ingresses and load balancers in front of Kubernetes Services. */
  public final List<RequestTimeout> requestTimeouts = new ArrayList<>();

  /** Outbound calls found in application code; kept apart from the declared infrastructure. */
  public final List<Integration> integrations = new ArrayList<>();

  /** Health-check endpoints declared in application code. */
  public final List<HealthEndpoint> healthEndpoints = new ArrayList<>();

  /** Lambda functions consuming events, linked to their handler code. */
  public final List<EventHandler> eventHandlers = new ArrayList<>();

  /** Schema changes in migration scripts that the previous release cannot run against. */
  public final List<Migration> breakingMigrations = new ArrayList<>();

  /**
   * The resources of each type asked for, in model order, whatever their existence: rules ask for a
   * type once per resource they check (backup coverage, users of a resource), and a scan of every
   * resource on each question made the assessment quadratic in the model's size. Emptied on every
   * {@link #add}; existence is checked on each call since adapters may settle it after adding.
   */
  private final Map<Class<?>, List<Resource>> byType = new ConcurrentHashMap<>();

  public void add(Resource r) {
    if (byKey.putIfAbsent(r.key(), r) == null) {
      resources.add(r);
      byType.clear();
    }
  }

  public List<Resource> resources() {
    return resources;
  }

  public <T extends Resource> List<T> all(Class<T> type) {
    List<Resource> ofType =
        byType.computeIfAbsent(type, t -> resources.stream().filter(t::isInstance).toList());
    List<T> out = new ArrayList<>(ofType.size());
    for (Resource r : ofType) if (!r.exists.isFalse()) out.add(type.cast(r));
    return out;
  }

  public Resource get(String key) {
    return byKey.get(key);
  }

  /** The resource a reference points to, or null when it is a literal or outside the model. */
  public Resource resolve(Object ref) {
    return ref instanceof ResourceRef r ? byKey.get(r.key()) : null;
  }

  public <T extends Resource> T resolve(Object ref, Class<T> type) {
    Resource r = resolve(ref);
    return type.isInstance(r) ? type.cast(r) : null;
  }

  /** Resolves every element of a list value that refers to a resource of the type. */
  public <T extends Resource> List<T> resolveAll(Value<List<Object>> refs, Class<T> type) {
    List<T> out = new ArrayList<>();
    if (!refs.present()) return out;
    for (Object o : refs.get()) {
      T t = resolve(o, type);
      if (t != null && !out.contains(t)) out.add(t);
    }
    return out;
  }
}
