package dev.relplan.rules;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Zones of subnets and routing through NAT gateways, on models built directly. */
class TopologyTest {
  private final Workload w = new Workload();
  private int line = 1;

  private Location next() {
    return new Location("network.yaml", line++);
  }

  private <T extends Resource> T add(T r) {
    w.add(r);
    return r;
  }

  private Subnet subnet(String id, String zone) {
    Subnet s = add(new Subnet("t", id, "AWS::EC2::Subnet", next()));
    s.availabilityZone = Value.explicit(zone, List.of(new Location("network.yaml", 100 + line)));
    return s;
  }

  private static Value<List<Object>> refs(Object... refs) {
    return Value.explicit(List.of(refs), List.of());
  }

  private NatGateway nat(String id) {
    return add(new NatGateway("t", id, "AWS::EC2::NatGateway", next()));
  }

  private RouteTable table(String id, Subnet... subnets) {
    RouteTable t = add(new RouteTable("t", id, "AWS::EC2::RouteTable", next()));
    for (Subnet s : subnets) {
      RouteTableAssociation a =
          add(
              new RouteTableAssociation(
                  "t", id + s.id, "AWS::EC2::SubnetRouteTableAssociation", next()));
      a.routeTable = Value.explicit(t.ref(), List.of());
      a.subnet = Value.explicit(s.ref(), List.of());
    }
    return t;
  }

  private Route defaultRoute(RouteTable t, NatGateway nat) {
    Route r = add(new Route("t", t.id + "Default", "AWS::EC2::Route", next()));
    r.routeTable = Value.explicit(t.ref(), List.of());
    r.natGateway = Value.explicit(nat.ref(), List.of(new Location("network.yaml", 200 + line)));
    return r;
  }

  @Test
  void theZonesOfSubnetsAreTheirDistinctZonesWithTheLinesThatSetThem() {
    Subnet a = subnet("A", "us-east-1a");
    Subnet b = subnet("B", "us-east-1b");
    Subnet c = subnet("C", "us-east-1a");
    Value<TreeSet<String>> zones = Topology.zones(w, refs(a.ref(), b.ref(), c.ref()));
    assertThat(zones.get()).containsExactly("us-east-1a", "us-east-1b");
    assertThat(zones.trace())
        .containsAll(a.availabilityZone.trace())
        .containsAll(b.availabilityZone.trace());
  }

  @Test
  void aSubnetNotDeclaredInTheScannedFilesMakesTheZonesUnresolved() {
    Value<TreeSet<String>> zones = Topology.zones(w, refs("subnet-0abc"));
    assertThat(zones.unresolved()).isTrue();
    assertThat(zones.note()).contains("subnet-0abc is not declared");
  }

  @Test
  void anUnknownSubnetMakesTheZonesUnresolvedWithItsReason() {
    Value<TreeSet<String>> zones =
        Topology.zones(w, refs(new Unknown("parameter SubnetIds has no value")));
    assertThat(zones.unresolved()).isTrue();
    assertThat(zones.note()).isEqualTo("parameter SubnetIds has no value");
  }

  @Test
  void aSubnetWhoseZoneIsUnresolvedMakesTheZonesUnresolved() {
    Subnet a = add(new Subnet("t", "A", "AWS::EC2::Subnet", next()));
    a.availabilityZone = Value.unresolved("Fn::GetAZs of an imported Region", List.of());
    assertThat(Topology.zones(w, refs(a.ref())).note())
        .isEqualTo("zone of subnet A: Fn::GetAZs of an imported Region");
  }

  @Test
  void aGroupWithoutSubnetsLaunchesIntoTheZonesItNames() {
    ComputeGroup g =
        add(new ComputeGroup("t", "Group", "AWS::AutoScaling::AutoScalingGroup", next()));
    g.availabilityZones = refs("us-east-1a", "us-east-1c");
    assertThat(Topology.zones(w, g).get()).containsExactly("us-east-1a", "us-east-1c");
  }

  @Test
  void aGroupWithSubnetsLaunchesIntoTheirZones() {
    Subnet a = subnet("A", "us-east-1b");
    ComputeGroup g =
        add(new ComputeGroup("t", "Group", "AWS::AutoScaling::AutoScalingGroup", next()));
    g.subnets = refs(a.ref());
    g.availabilityZones = refs("us-east-1a", "us-east-1c");
    assertThat(Topology.zones(w, g).get()).containsExactly("us-east-1b");
  }

  @Test
  void twoZonesOrEveryZoneOfTheRegionAreMultiZoneAndOneIsNot() {
    assertThat(Topology.multiZone(new TreeSet<>(List.of("us-east-1a", "us-east-1b")))).isTrue();
    assertThat(Topology.multiZone(new TreeSet<>(List.of(Zones.ALL_IN_REGION)))).isTrue();
    assertThat(Topology.multiZone(new TreeSet<>(List.of("us-east-1a")))).isFalse();
  }

  @Test
  void theSubnetsBehindANatGatewayAreThoseOfTheRouteTablesRoutedThroughIt() {
    Subnet a = subnet("PrivateA", "us-east-1a");
    Subnet b = subnet("PrivateB", "us-east-1b");
    Subnet publicSubnet = subnet("Public", "us-east-1a");
    NatGateway nat = nat("Nat");
    defaultRoute(table("Private", a, b), nat);
    table("PublicRoutes", publicSubnet);
    Map<NatGateway, List<Subnet>> perNat = Topology.subnetsPerNat(w);
    assertThat(perNat).containsOnlyKeys(nat);
    assertThat(perNat.get(nat)).containsExactly(a, b);
  }

  @Test
  void eachNatGatewayServesOnlyTheSubnetsRoutedThroughIt() {
    Subnet a = subnet("PrivateA", "us-east-1a");
    Subnet b = subnet("PrivateB", "us-east-1b");
    NatGateway natA = nat("NatA");
    NatGateway natB = nat("NatB");
    defaultRoute(table("RoutesA", a), natA);
    defaultRoute(table("RoutesB", b), natB);
    Map<NatGateway, List<Subnet>> perNat = Topology.subnetsPerNat(w);
    assertThat(perNat.get(natA)).containsExactly(a);
    assertThat(perNat.get(natB)).containsExactly(b);
  }

  @Test
  void routingIsUnresolvedWhenASubnetAssociatedWithTheNatsRouteTableIsUnknown() {
    NatGateway nat = nat("Nat");
    RouteTable t = table("Private");
    defaultRoute(t, nat);
    RouteTableAssociation a =
        add(
            new RouteTableAssociation(
                "t", "Assoc", "AWS::EC2::SubnetRouteTableAssociation", next()));
    a.routeTable = Value.explicit(t.ref(), List.of());
    a.subnet = Value.unresolved("module output subnet_ids is known only after apply", List.of());
    assertThat(Topology.unresolvedRouting(w, nat))
        .contains("module output subnet_ids is known only after apply");
  }

  @Test
  void routingIsResolvedWhenEveryAssociationIsKnown() {
    NatGateway nat = nat("Nat");
    defaultRoute(table("Private", subnet("PrivateA", "us-east-1a")), nat);
    assertThat(Topology.unresolvedRouting(w, nat)).isNull();
  }

  @Test
  void theRoutesToANatGatewayAreEvidencedByTheRouteAndItsNatLine() {
    NatGateway nat = nat("Nat");
    Route r = defaultRoute(table("Private"), nat);
    assertThat(Topology.routesTo(w, nat)).containsExactly(r.location, r.natGateway.trace().get(0));
  }
}
