package dev.relplan.iac.cdk;

import static dev.relplan.iac.common.TypedSettings.or;

import dev.relplan.model.NatGateway;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.Route;
import dev.relplan.model.RouteTable;
import dev.relplan.model.RouteTableAssociation;
import dev.relplan.model.Subnet;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code ec2.Vpc}: the subnets, route tables, default routes and NAT gateways it synthesises, one
 * subnet of each configured group per Availability Zone, named by their construct paths ({@code
 * Network/PrivateSubnet1/Subnet}). The zones' names are chosen at synth time from the account, so
 * they are the VPC's zone 1, 2, … here: distinct zones, as the construct places them.
 */
final class NetworkMappers {
  private NetworkMappers() {}

  /** Subnet types whose subnets send their default route through a NAT gateway. */
  private static final Set<String> EGRESS =
      Set.of("PRIVATE_WITH_EGRESS", "PRIVATE_WITH_NAT", "PRIVATE");

  /** One entry of subnetConfiguration: its name and type. */
  private record SubnetGroup(String name, String type) {}

  static void vpc(Construct c, Workload draft) {
    CdkProps p = c.props();
    List<String> zones = zones(c);
    List<SubnetGroup> groups = groups(p);
    if (zones == null || groups == null) return; // not read: no guess at the layout
    SubnetGroup publicGroup =
        groups.stream().filter(g -> g.type().equals("PUBLIC")).findFirst().orElse(null);
    boolean egress = groups.stream().anyMatch(g -> EGRESS.contains(g.type()));
    Value<Integer> nats =
        publicGroup == null || !egress
            ? Value.explicit(0, List.of(c.location()))
            : natGateways(c, zones.size());
    List<NatGateway> gateways = new ArrayList<>();
    for (int i = 1; i <= zones.size(); i++) {
      for (SubnetGroup g : groups) {
        Subnet s = subnet(c, g, i, zones.get(i - 1), draft);
        boolean placesNat = g == publicGroup && nats.present() && i <= nats.get();
        boolean unknownNat = g == publicGroup && nats.unresolved() && i == 1;
        if (placesNat || unknownNat) gateways.add(nat(c, s, g, i, draft));
      }
    }
    int spare = 0;
    for (int i = 1; i <= zones.size(); i++) {
      for (SubnetGroup g : groups) {
        if (!EGRESS.contains(g.type()) || gateways.isEmpty()) continue;
        Value<Object> target;
        if (nats.unresolved()) target = Value.unresolved(nats.note(), nats.trace());
        else {
          // A zone without its own gateway takes the others in turn, as the construct does.
          NatGateway nat =
              i <= gateways.size() ? gateways.get(i - 1) : gateways.get(spare++ % gateways.size());
          target = Value.explicit(nat.ref(), routeTrace(c));
        }
        route(c, g, i, target, draft);
      }
    }
  }

  /**
   * The zones: {@code availabilityZones} as written, else as many as {@code maxAzs} (3 by default,
   * 2 for an environment-agnostic stack: at least 2 either way); null when not readable.
   */
  private static List<String> zones(Construct c) {
    CdkProps p = c.props();
    Value<List<Object>> named = p.list("availabilityZones");
    List<String> out = new ArrayList<>();
    if (named.present()) {
      for (Object zone : named.get()) out.add(zone instanceof String s ? s : null);
      return out.contains(null) ? null : out;
    }
    if (named.unresolved()) return null;
    Value<Integer> max = p.integer("maxAzs");
    if (max.unresolved()) return null;
    int count = max.present() ? max.get() : 2;
    for (int i = 1; i <= count; i++) out.add(c.id() + " zone " + i);
    return out;
  }

  /** subnetConfiguration, or the construct's default: a public and a private group. */
  private static List<SubnetGroup> groups(CdkProps p) {
    if (!p.has("subnetConfiguration")) {
      if (p.raw("subnetConfiguration").unresolved()) return null;
      return List.of(
          new SubnetGroup("Public", "PUBLIC"), new SubnetGroup("Private", "PRIVATE_WITH_EGRESS"));
    }
    Value<List<Object>> raw = p.list("subnetConfiguration");
    List<CdkProps> entries = p.nested("subnetConfiguration");
    if (!raw.present() || entries.size() != raw.get().size()) return null;
    List<SubnetGroup> out = new ArrayList<>();
    for (CdkProps e : entries) {
      Value<String> name = e.str("name");
      Value<String> type = e.str("subnetType");
      if (!name.present() || !type.present()) return null;
      out.add(new SubnetGroup(name.get(), type.get()));
    }
    return out;
  }

  private static Subnet subnet(Construct c, SubnetGroup g, int zone, String az, Workload draft) {
    String path = c.id() + "/" + g.name() + "Subnet" + zone;
    Subnet s = new Subnet(c.scope(), path + "/Subnet", "AWS::EC2::Subnet", c.location());
    s.vpc = Value.explicit(c.ref(), List.of(c.location()));
    s.availabilityZone = Value.explicit(az, zoneTrace(c));
    s.mapPublicIp = Value.explicit(g.type().equals("PUBLIC"), List.of(c.location()));
    c.add(s, draft);
    return s;
  }

  private static NatGateway nat(Construct c, Subnet s, SubnetGroup g, int zone, Workload draft) {
    String path = c.id() + "/" + g.name() + "Subnet" + zone;
    NatGateway n =
        new NatGateway(c.scope(), path + "/NATGateway", "AWS::EC2::NatGateway", c.location());
    n.subnet = Value.explicit(s.ref(), List.of(c.location()));
    n.connectivity = Value.defaulted("public", "the VPC construct's NAT gateways are public");
    c.add(n, draft);
    return n;
  }

  private static void route(
      Construct c, SubnetGroup g, int zone, Value<Object> nat, Workload draft) {
    String path = c.id() + "/" + g.name() + "Subnet" + zone;
    Location at = routeTrace(c).get(0);
    RouteTable table = new RouteTable(c.scope(), path + "/RouteTable", "AWS::EC2::RouteTable", at);
    table.vpc = Value.explicit(c.ref(), List.of(c.location()));
    c.add(table, draft);
    RouteTableAssociation a =
        new RouteTableAssociation(
            c.scope(),
            path + "/RouteTableAssociation",
            "AWS::EC2::SubnetRouteTableAssociation",
            at);
    a.routeTable = Value.explicit(table.ref(), List.of(at));
    a.subnet = Value.explicit(new ResourceRef(c.scope(), path + "/Subnet", null), List.of(at));
    c.add(a, draft);
    Route r = new Route(c.scope(), path + "/DefaultRoute", "AWS::EC2::Route", at);
    r.routeTable = Value.explicit(table.ref(), List.of(at));
    r.destination = Value.explicit("0.0.0.0/0", List.of(at));
    r.natGateway = nat;
    c.add(r, draft);
  }

  /** natGateways, else the construct's default: one per zone. */
  private static Value<Integer> natGateways(Construct c, int zones) {
    return or(
        c.props().integer("natGateways"),
        zones,
        ConstructMappers.constructDefault(c, "creates one NAT gateway per Availability Zone"));
  }

  /** Where the zones are decided: the maxAzs or availabilityZones line, else the construct. */
  private static List<Location> zoneTrace(Construct c) {
    CdkProps p = c.props();
    if (p.has("availabilityZones")) return List.of(p.keyLocation("availabilityZones"));
    if (p.has("maxAzs")) return List.of(p.keyLocation("maxAzs"));
    return List.of(c.location());
  }

  /** Where the routes through the NAT gateways are decided: natGateways, else the construct. */
  private static List<Location> routeTrace(Construct c) {
    CdkProps p = c.props();
    return List.of(p.has("natGateways") ? p.keyLocation("natGateways") : c.location());
  }
}
