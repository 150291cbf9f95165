package dev.relplan.assess;

import dev.relplan.model.ApiIntegration;
import dev.relplan.model.ApiStage;
import dev.relplan.model.Bucket;
import dev.relplan.model.Cache;
import dev.relplan.model.ComputeGroup;
import dev.relplan.model.ContainerDependency;
import dev.relplan.model.Database;
import dev.relplan.model.DnsRecord;
import dev.relplan.model.EventRule;
import dev.relplan.model.FileSystem;
import dev.relplan.model.Function;
import dev.relplan.model.GenericResource;
import dev.relplan.model.LoadBalancer;
import dev.relplan.model.NatGateway;
import dev.relplan.model.PodService;
import dev.relplan.model.Queue;
import dev.relplan.model.Resource;
import dev.relplan.model.StateMachine;
import dev.relplan.model.StatefulService;
import dev.relplan.model.Stream;
import dev.relplan.model.Subscription;
import dev.relplan.model.Table;
import dev.relplan.model.TargetGroup;
import dev.relplan.model.Topic;
import dev.relplan.model.Volume;
import dev.relplan.model.Workload;
import dev.relplan.rules.Risk;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The components the model knows and their links, for the dashboard's topology picture: load
 * balancer → target group → service, trigger source → function, source → dead-letter queue, topic →
 * subscribed queue, compute → what it uses, Compose service → the services it depends on. Nothing
 * here is new judgment: every edge is a link the model or {@link Roles} already holds, and a node
 * is marked a single point of failure when its SPOF table row says one copy and is rated High or
 * Critical.
 */
final class TopologyMap {
  private final Workload w;
  private final Roles roles;

  /** Links in the order found, each (from, to, kind) once. */
  private final List<Link> links = new ArrayList<>();

  /** The (from, to, kind) keys of {@link #links}. */
  private final Set<String> linkKeys = new HashSet<>();

  /** Every ordered pair linked by any kind of link: a trigger is not drawn again as a use. */
  private final Set<String> linkedPairs = new HashSet<>();

  /** A link between two resources, before nodes are numbered. */
  private record Link(Resource from, Resource to, String kind) {}

  private TopologyMap(Workload w, Roles roles) {
    this.w = w;
    this.roles = roles;
  }

  /** The topology of the workload; {@code spofs} is the assessed SPOF table. */
  static Assessment.Topology of(Workload w, Roles roles, List<Assessment.SpofRow> spofs) {
    TopologyMap map = new TopologyMap(w, roles);
    map.loadBalancing();
    map.triggers();
    map.deadLetters();
    map.subscriptions();
    map.uses();
    map.composeDependencies();
    return map.numbered(spofs);
  }

  /** Listener-like glue naming both a load balancer and a target group; target group → compute. */
  private void loadBalancing() {
    for (GenericResource glue : w.all(GenericResource.class)) {
      List<LoadBalancer> balancers = new ArrayList<>();
      List<TargetGroup> groups = new ArrayList<>();
      for (var ref : glue.references) {
        Resource to = w.get(ref.key());
        if (to instanceof LoadBalancer lb) balancers.add(lb);
        else if (to instanceof TargetGroup tg) groups.add(tg);
      }
      for (LoadBalancer lb : balancers) for (TargetGroup tg : groups) add(lb, tg, "routes");
    }
    for (ComputeGroup g : w.all(ComputeGroup.class)) {
      for (TargetGroup tg : w.resolveAll(g.targetGroups, TargetGroup.class)) add(tg, g, "routes");
      for (Resource service : g.servedBy) add(service, g, "routes");
    }
  }

  /** What invokes each function: API, queue, stream, topic, schedule, bucket, target group. */
  private void triggers() {
    for (Function f : w.all(Function.class)) {
      for (Function.Trigger t : f.triggers) {
        Resource source = t.source().present() ? w.resolve(t.source().get()) : null;
        if (source != null) add(source, f, t.kind().toLowerCase(Locale.ROOT).replace('_', '-'));
      }
    }
  }

  private void deadLetters() {
    for (Queue q : w.all(Queue.class))
      for (Resource source : q.deadLetterSources) add(source, q, "dead-letter");
  }

  /** A topic's subscriptions to queues and other non-function endpoints. */
  private void subscriptions() {
    for (Subscription s : w.all(Subscription.class)) {
      Resource topic = s.topic.present() ? w.resolve(s.topic.get()) : null;
      Resource endpoint = s.endpoint.present() ? w.resolve(s.endpoint.get()) : null;
      if (topic != null && endpoint != null && !(endpoint instanceof Function))
        add(topic, endpoint, "subscription");
    }
  }

  /** Compute → what it uses, unless the used resource already invokes it (a trigger edge). */
  private void uses() {
    for (Resource used : w.resources()) {
      if (!component(used)) continue;
      for (Resource user : roles.usersOf(used)) {
        if (user == used || linkedPairs.contains(key(used, user))) continue;
        add(user, used, "uses");
      }
    }
  }

  /** A Compose service → each service it waits for ({@code depends_on}). */
  private void composeDependencies() {
    for (ComputeGroup g : w.all(ComputeGroup.class))
      for (ContainerDependency d : g.dependsOn)
        if (w.get(g.scope + "#" + d.service()) instanceof ComputeGroup dependency)
          add(g, dependency, "depends-on");
  }

  private void add(Resource from, Resource to, String kind) {
    if (from == to || !component(from) || !component(to)) return;
    linkedPairs.add(key(from, to));
    if (linkKeys.add(key(from, to) + "|" + kind)) links.add(new Link(from, to, kind));
  }

  /** An identity key of an ordered pair: the same two resources in either kind of link. */
  private static String key(Resource from, Resource to) {
    return from.key() + "->" + to.key();
  }

  /**
   * Nodes numbered in the workload's order, each with its kind, role and SPOF flag. Definitions of
   * one object (a Kubernetes object as a manifest, a Kustomize overlay and a Helm chart) are one
   * node, its first definition's, and their links are that node's.
   */
  private Assessment.Topology numbered(List<Assessment.SpofRow> spofs) {
    Map<Resource, Resource> drawnAs = drawnAs();
    Map<String, List<Assessment.SpofRow>> spofRows = new HashMap<>();
    for (Assessment.SpofRow row : spofs)
      spofRows.computeIfAbsent(row.component(), k -> new ArrayList<>()).add(row);

    Set<Resource> linked = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Link l : links) {
      linked.add(drawnAs.getOrDefault(l.from(), l.from()));
      linked.add(drawnAs.getOrDefault(l.to(), l.to()));
    }
    Map<Resource, String> ids = new IdentityHashMap<>();
    List<Assessment.TopologyNode> nodes = new ArrayList<>();
    for (Resource r : w.resources()) {
      if (drawnAs.get(r) != r) continue;
      Assessment.SpofRow row = spofRow(r, spofRows.getOrDefault(r.id, List.of()));
      if (!linked.contains(r) && row == null) continue;
      String id = "n" + nodes.size();
      ids.put(r, id);
      nodes.add(
          new Assessment.TopologyNode(
              id,
              r.id,
              r.writtenType(),
              kind(r),
              roles.of(r).path().name().toLowerCase(Locale.ROOT),
              singlePointOfFailure(row),
              row == null ? null : row.redundancy(),
              r.location));
    }
    Set<String> written = new LinkedHashSet<>();
    List<Assessment.TopologyEdge> edges = new ArrayList<>();
    for (Link l : links) {
      String from = ids.get(drawnAs.getOrDefault(l.from(), l.from()));
      String to = ids.get(drawnAs.getOrDefault(l.to(), l.to()));
      if (from != null
          && to != null
          && !from.equals(to)
          && written.add(from + ">" + to + ">" + l.kind()))
        edges.add(new Assessment.TopologyEdge(from, to, l.kind()));
    }
    return new Assessment.Topology(List.copyOf(nodes), List.copyOf(edges));
  }

  /**
   * The resource each resource is drawn as: the first definition of its object, and for a
   * database's containers the database (the stateful service they run); itself otherwise.
   */
  private Map<Resource, Resource> drawnAs() {
    Map<String, Resource> firstDefinition = new HashMap<>();
    Map<String, Resource> statefulByDeclaration = new HashMap<>();
    for (StatefulService s : w.all(StatefulService.class))
      statefulByDeclaration.putIfAbsent(s.id + "@" + s.location.file(), s);
    Map<Resource, Resource> drawnAs = new IdentityHashMap<>();
    for (Resource r : w.resources()) {
      // A database's containers are drawn as the database (the stateful service they run).
      Resource self =
          r instanceof ComputeGroup g && g.statefulProduct != null
              ? statefulByDeclaration.getOrDefault(r.id + "@" + r.location.file(), r)
              : r;
      Resource first =
          self.definedObject == null
              ? self
              : firstDefinition.computeIfAbsent(self.definedObject.identity(), k -> self);
      drawnAs.put(r, first);
    }
    return drawnAs;
  }

  /**
   * A SPOF table row that says one copy (single-AZ, a single replica, containers on one host) and
   * is rated High or Critical: a multi-AZ group rated High for another reason is not drawn as one.
   */
  private static boolean singlePointOfFailure(Assessment.SpofRow row) {
    if (row == null || (row.risk() != Risk.CRITICAL && row.risk() != Risk.HIGH)) return false;
    return row.redundancy().startsWith("single") || row.redundancy().endsWith("one host");
  }

  /** The SPOF table's row of the resource among the rows of its name: declared at its place. */
  private static Assessment.SpofRow spofRow(Resource r, List<Assessment.SpofRow> named) {
    for (Assessment.SpofRow row : named) if (row.evidence().contains(r.location)) return row;
    return null;
  }

  /** Whether the resource is a component worth drawing (not IAM, routing or settings glue). */
  private static boolean component(Resource r) {
    return !kind(r).equals("other");
  }

  /**
   * The column of the picture a resource belongs in: entry points, compute, messaging, data,
   * network.
   */
  static String kind(Resource r) {
    if (r instanceof LoadBalancer
        || r instanceof TargetGroup
        || r instanceof ApiStage
        || r instanceof ApiIntegration
        || r instanceof DnsRecord
        || r instanceof PodService) return "entry";
    if (r instanceof Function || r instanceof ComputeGroup || r instanceof StateMachine)
      return "compute";
    if (r instanceof Queue || r instanceof Topic || r instanceof Stream || r instanceof EventRule)
      return "messaging";
    if (r instanceof Database
        || r instanceof Table
        || r instanceof Cache
        || r instanceof Bucket
        || r instanceof FileSystem
        || r instanceof Volume
        || r instanceof StatefulService) return "data";
    if (r instanceof NatGateway) return "network";
    return "other";
  }
}
