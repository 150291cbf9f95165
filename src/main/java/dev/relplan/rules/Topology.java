package dev.relplan.rules;

import dev.relplan.model.ComputeGroup;
import dev.relplan.model.NatGateway;
import dev.relplan.model.Resource;
import dev.relplan.model.Route;
import dev.relplan.model.RouteTable;
import dev.relplan.model.RouteTableAssociation;
import dev.relplan.model.Subnet;
import dev.relplan.model.Unknown;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.model.Zones;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Availability Zone and routing questions shared by several rules. */
public final class Topology {
  private Topology() {}

  /** The zones of a list of subnets; unresolved when any subnet's zone cannot be told. */
  public static Value<TreeSet<String>> zones(Workload w, Value<List<Object>> subnets) {
    if (subnets.unresolved()) return Value.unresolved(subnets.note(), subnets.trace());
    if (!subnets.present()) return Value.absent();
    TreeSet<String> zones = new TreeSet<>();
    List<Location> trace = new ArrayList<>(subnets.trace());
    for (Object o : subnets.get()) {
      if (o instanceof Unknown u) return Value.unresolved(u.reason(), trace);
      Subnet s = w.resolve(o, Subnet.class);
      if (s == null)
        return Value.unresolved("subnet " + o + " is not declared in the scanned templates", trace);
      if (!s.availabilityZone.present())
        return Value.unresolved("zone of subnet " + s.id + ": " + s.availabilityZone.note(), trace);
      zones.add(s.availabilityZone.get());
      for (Location l : s.availabilityZone.trace()) if (!trace.contains(l)) trace.add(l);
    }
    return Value.explicit(zones, trace);
  }

  /**
   * The zones a compute group launches into: from its subnets, else from the zones it names
   * directly.
   */
  public static Value<TreeSet<String>> zones(Workload w, ComputeGroup g) {
    if (!g.subnets.present() && !g.subnets.unresolved() && g.availabilityZones.present()) {
      TreeSet<String> zones = new TreeSet<>();
      for (Object o : g.availabilityZones.get()) {
        if (o instanceof Unknown u)
          return Value.unresolved(u.reason(), g.availabilityZones.trace());
        zones.add(String.valueOf(o));
      }
      return Value.explicit(zones, g.availabilityZones.trace());
    }
    if (!g.subnets.present() && !g.subnets.unresolved() && g.availabilityZones.unresolved()) {
      return Value.unresolved(g.availabilityZones.note(), g.availabilityZones.trace());
    }
    return zones(w, g.subnets);
  }

  /** True when the zones are several, or all zones of the Region. */
  public static boolean multiZone(TreeSet<String> zones) {
    return zones.size() > 1 || zones.contains(Zones.ALL_IN_REGION);
  }

  /** For each NAT gateway: the subnets whose default route goes through it. */
  public static Map<NatGateway, List<Subnet>> subnetsPerNat(Workload w) {
    Map<NatGateway, List<Subnet>> out = new LinkedHashMap<>();
    Map<RouteTable, List<Subnet>> subnetsPerTable = new LinkedHashMap<>();
    for (RouteTableAssociation a : w.all(RouteTableAssociation.class)) {
      RouteTable t = w.resolve(a.routeTable.get(), RouteTable.class);
      Subnet s = w.resolve(a.subnet.get(), Subnet.class);
      if (t != null && s != null) subnetsPerTable.computeIfAbsent(t, k -> new ArrayList<>()).add(s);
    }
    for (Route r : w.all(Route.class)) {
      NatGateway nat = w.resolve(r.natGateway.get(), NatGateway.class);
      RouteTable t = w.resolve(r.routeTable.get(), RouteTable.class);
      if (nat == null || t == null) continue;
      List<Subnet> subnets = out.computeIfAbsent(nat, k -> new ArrayList<>());
      for (Subnet s : subnetsPerTable.getOrDefault(t, List.of()))
        if (!subnets.contains(s)) subnets.add(s);
    }
    return out;
  }

  /**
   * Why the subnets behind a NAT gateway cannot all be known (an association whose subnet, route
   * table or existence is unresolved, on a table routed through it), or null when they can.
   */
  public static String unresolvedRouting(Workload w, NatGateway nat) {
    List<RouteTable> tables = new ArrayList<>();
    for (Route r : w.all(Route.class)) {
      if (r.natGateway.unresolved() || r.routeTable.unresolved())
        return "a route's NAT gateway or route table cannot be resolved: "
            + (r.natGateway.unresolved() ? r.natGateway.note() : r.routeTable.note());
      if (w.resolve(r.natGateway.get()) == nat) {
        RouteTable t = w.resolve(r.routeTable.get(), RouteTable.class);
        if (t != null) tables.add(t);
      }
    }
    for (RouteTableAssociation a : w.all(RouteTableAssociation.class)) {
      if (a.routeTable.unresolved())
        return "a subnet association's route table cannot be resolved: " + a.routeTable.note();
      if (!tables.contains(w.resolve(a.routeTable.get(), RouteTable.class))) continue;
      if (a.subnet.unresolved())
        return "the subnets associated with the NAT gateway's route table cannot be resolved: "
            + a.subnet.note();
      if (a.exists.unresolved())
        return "the subnet associations of the NAT gateway's route table " + a.exists.note();
    }
    return null;
  }

  /** The route lines that send traffic from subnets to a NAT gateway, for evidence. */
  public static List<Location> routesTo(Workload w, Resource nat) {
    List<Location> out = new ArrayList<>();
    for (Route r : w.all(Route.class)) {
      if (w.resolve(r.natGateway.get()) == nat) {
        out.add(r.location);
        out.addAll(r.natGateway.trace());
      }
    }
    return out;
  }
}
