package dev.relplan.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Derives the relationships every format needs in the same way once the adapters have filled the
 * model: cluster membership, dead-letter targets, how functions are invoked, what scales what.
 */
public final class Linker {
  private final Workload w;

  /**
   * Each dead-letter queue's sources as a set beside its list: a queue that many resources share
   * would otherwise be scanned once per source.
   */
  private final Map<Queue, Set<Resource>> deadLetterSources = new IdentityHashMap<>();

  /** Functions whose triggers were checked for S3 already, so no bucket scans them again. */
  private final Set<Function> s3Triggered = Collections.newSetFromMap(new IdentityHashMap<>());

  private Linker(Workload w) {
    this.w = w;
  }

  public static void link(Workload w) {
    new Linker(w).run();
  }

  /**
   * Keep the order of the steps: it is the order in which triggers, members and policies are
   * listed.
   */
  private void run() {
    linkClustersAndReplicas();
    for (Queue q : w.all(Queue.class)) markDeadLetter(q.deadLetterTarget, q);
    linkSubscriptions();
    linkEventRules();
    for (Function f : w.all(Function.class)) {
      markDeadLetter(f.deadLetterTarget, f);
      markDeadLetter(f.onFailureDestination, f);
    }
    linkEventInvokeConfigs();
    linkEventSourceMappings();
    linkApiIntegrations();
    linkBucketNotifications();
    linkTargetGroups();
    linkAliases();
    linkScalableTargets();
    linkScalingPolicies();
  }

  private void linkClustersAndReplicas() {
    for (Database db : w.all(Database.class)) {
      Database cluster = w.resolve(db.cluster.get(), Database.class);
      if (cluster != null && cluster != db) cluster.members.add(db);
      Database source = w.resolve(db.replicaSource.get(), Database.class);
      if (source != null && source != db) source.replicas.add(db);
    }
  }

  // ---------------------------------------------------------------- how functions are invoked

  private void linkSubscriptions() {
    for (Subscription s : w.all(Subscription.class)) {
      markDeadLetter(s.deadLetterTarget, s);
      Function f = function(s.endpoint);
      if (f != null && "lambda".equalsIgnoreCase(s.protocol.orElse(""))) {
        f.triggers.add(new Function.Trigger("SNS", true, s.topic, s.location));
      }
    }
  }

  private void linkEventRules() {
    for (EventRule r : w.all(EventRule.class)) {
      for (EventRule.Target t : r.targets) {
        markDeadLetter(t.deadLetterTarget(), r);
        Function f = function(t.arn());
        if (f != null)
          f.triggers.add(
              new Function.Trigger(
                  r.schedule.present() ? "SCHEDULE" : "EVENTBRIDGE",
                  true,
                  Value.explicit(r.ref(), List.of(r.location)),
                  t.location()));
      }
    }
  }

  private void linkEventInvokeConfigs() {
    for (EventInvokeConfig e : w.all(EventInvokeConfig.class)) {
      markDeadLetter(e.onFailure, e);
      Function f = function(e.function);
      if (f != null && (e.onFailure.present() || e.onFailure.unresolved()))
        f.onFailureDestination = e.onFailure;
    }
  }

  private void linkEventSourceMappings() {
    for (EventSourceMapping m : w.all(EventSourceMapping.class)) {
      markDeadLetter(m.onFailure, m);
      Resource source = w.resolve(m.source.get());
      if (m.sourceKind == null) m.sourceKind = sourceKind(source, m.source);
      Function f = function(m.function);
      if (f != null)
        f.triggers.add(
            new Function.Trigger(
                m.sourceKind == null ? "EVENT_SOURCE" : m.sourceKind, false, m.source, m.location));
    }
  }

  private void linkApiIntegrations() {
    for (ApiIntegration i : w.all(ApiIntegration.class)) {
      Function f = function(i.function);
      if (f != null)
        f.triggers.add(new Function.Trigger("API_" + i.apiKind, false, i.api, i.location));
    }
  }

  private void linkBucketNotifications() {
    for (Bucket b : w.all(Bucket.class)) {
      for (Function f : resolveFunctions(b.lambdaNotifications)) {
        // Triggers only grow: once checked, a function has an S3 trigger for good.
        if (s3Triggered.add(f) && f.triggers.stream().noneMatch(t -> t.kind().equals("S3"))) {
          f.triggers.add(
              new Function.Trigger(
                  "S3", true, Value.explicit(b.ref(), List.of(b.location)), b.location));
        }
      }
    }
  }

  private void linkTargetGroups() {
    for (TargetGroup tg : w.all(TargetGroup.class)) {
      for (Function f : resolveFunctions(tg.targets))
        f.triggers.add(
            new Function.Trigger(
                "ALB", false, Value.explicit(tg.ref(), List.of(tg.location)), tg.location));
    }
  }

  private void linkAliases() {
    for (Alias a : w.all(Alias.class)) {
      Function f = function(a.function);
      if (f == null) continue;
      if (!f.alias.present()) f.alias = Value.explicit(a.id, List.of(a.location));
      if (a.provisionedConcurrency.present() && !f.provisionedConcurrency.present())
        f.provisionedConcurrency = a.provisionedConcurrency;
    }
  }

  // ---------------------------------------------------------------- what scales what

  private void linkScalableTargets() {
    for (ScalableTarget t : w.all(ScalableTarget.class)) {
      for (Resource r : scaled(t.resourceRefs, t.resourceId)) {
        if (r instanceof ComputeGroup g) {
          g.scalableTarget = t;
          g.min = t.min;
          g.max = t.max;
        } else if (r instanceof Table table) {
          table.scalableTargets.add(t);
        }
      }
    }
  }

  private void linkScalingPolicies() {
    for (ScalingPolicy p : w.all(ScalingPolicy.class)) {
      Resource target = w.resolve(p.target.get());
      if (target instanceof ScalableTarget st) {
        st.policies.add(p);
        for (Resource r : scaled(st.resourceRefs, st.resourceId))
          if (r instanceof ComputeGroup g) g.scalingPolicies.add(p);
      } else if (target instanceof ComputeGroup g) {
        g.scalingPolicies.add(p);
      } else {
        for (Resource r : scaled(p.resourceRefs, p.target))
          if (r instanceof ComputeGroup g) g.scalingPolicies.add(p);
      }
    }
  }

  /**
   * The ECS services and tables named in a scalable resource id (service/cluster/name, table/name).
   */
  private List<Resource> scaled(List<ResourceRef> refs, Value<Object> resourceId) {
    List<Resource> out = new ArrayList<>();
    for (ResourceRef r : refs) {
      Resource res = w.get(r.key());
      if ((res instanceof ComputeGroup g && g.kind == ComputeGroup.Kind.ECS_SERVICE)
          || res instanceof Table) out.add(res);
    }
    Resource direct = w.resolve(resourceId.get());
    if (direct != null && !out.contains(direct)) out.add(direct);
    return out;
  }

  private List<Function> resolveFunctions(Value<List<Object>> refs) {
    List<Function> out = new ArrayList<>();
    if (!refs.present()) return out;
    for (Object o : refs.get()) {
      Function f = function(Value.explicit(o, List.of()));
      if (f != null) out.add(f);
    }
    return out;
  }

  /** The function a reference names, looking through aliases. */
  private Function function(Value<Object> ref) {
    Resource r = w.resolve(ref.get());
    if (r instanceof Alias a) r = w.resolve(a.function.get());
    return r instanceof Function f ? f : null;
  }

  private void markDeadLetter(Value<Object> target, Resource source) {
    Queue q = w.resolve(target.get(), Queue.class);
    if (q == null) return;
    Set<Resource> known =
        deadLetterSources.computeIfAbsent(
            q, k -> Collections.newSetFromMap(new IdentityHashMap<>()));
    if (known.isEmpty()) known.addAll(q.deadLetterSources);
    if (known.add(source)) q.deadLetterSources.add(source);
  }

  private static String sourceKind(Resource source, Value<Object> ref) {
    if (source instanceof Queue) return "SQS";
    if (source instanceof Stream) return "KINESIS";
    if (source instanceof Table) return "DYNAMODB";
    if (ref.get() instanceof String arn) {
      String a = arn.toLowerCase(Locale.ROOT);
      if (a.startsWith("arn:aws:sqs:")) return "SQS";
      if (a.startsWith("arn:aws:kinesis:")) return "KINESIS";
      if (a.contains(":dynamodb:") && a.contains("/stream/")) return "DYNAMODB";
      if (a.startsWith("arn:aws:kafka:")) return "KAFKA";
    }
    return null;
  }
}
