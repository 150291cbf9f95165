package dev.relplan.iac.terraform;

import static dev.relplan.iac.common.TypedSettings.or;

import dev.relplan.iac.common.AwsNetwork;
import dev.relplan.model.DnsHealthCheck;
import dev.relplan.model.DnsRecord;
import dev.relplan.model.NatGateway;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.Route;
import dev.relplan.model.RouteTable;
import dev.relplan.model.RouteTableAssociation;
import dev.relplan.model.Subnet;
import dev.relplan.model.Value;
import java.util.List;
import java.util.Map;

/** Subnets, routing, NAT gateways and Route 53 (aws provider). */
final class NetworkMappers {
  private static final AwsNetwork.SubnetKeys SUBNET =
      new AwsNetwork.SubnetKeys(
          "vpc_id", "availability_zone", "availability_zone_id", "map_public_ip_on_launch");
  private static final AwsNetwork.DnsRecordKeys DNS_RECORD =
      new AwsNetwork.DnsRecordKeys(
          "name",
          "type",
          "failover_routing_policy.type",
          "health_check_id",
          "alias.name",
          "alias.evaluate_target_health");
  private static final AwsNetwork.RoutingPolicyKeys ROUTING_POLICY =
      new AwsNetwork.RoutingPolicyKeys(
          "failover_routing_policy",
          "weighted_routing_policy",
          "latency_routing_policy",
          "geolocation_routing_policy",
          "geoproximity_routing_policy",
          "multivalue_answer_routing_policy");

  private NetworkMappers() {}

  static void register(Map<String, Mapper> m) {
    m.put("aws_subnet", NetworkMappers::subnet);
    m.put("aws_route_table", NetworkMappers::routeTable);
    m.put(
        "aws_route",
        r -> {
          Route route = new Route(r.scope(), r.address, r.type, r.location);
          route.routeTable = r.attrs.ref("route_table_id");
          fillRoute(route, r.attrs);
          r.add(route);
        });
    m.put(
        "aws_route_table_association",
        r -> {
          RouteTableAssociation a =
              new RouteTableAssociation(r.scope(), r.address, r.type, r.location);
          a.routeTable = r.attrs.ref("route_table_id");
          a.subnet = r.attrs.ref("subnet_id");
          r.add(a);
        });
    m.put(
        "aws_nat_gateway",
        r -> {
          NatGateway n = new NatGateway(r.scope(), r.address, r.type, r.location);
          n.subnet = r.attrs.ref("subnet_id");
          n.connectivity =
              or(r.attrs.str("connectivity_type"), "public", "NAT gateways are public by default");
          r.add(n);
        });
    m.put("aws_route53_record", NetworkMappers::record);
    m.put(
        "aws_route53_health_check",
        r -> {
          DnsHealthCheck h = new DnsHealthCheck(r.scope(), r.address, r.type, r.location);
          h.checkType = r.attrs.str("type");
          r.add(h);
        });
  }

  static void subnet(ResourceContext r) {
    Attrs p = r.attrs;
    Subnet s = new Subnet(r.scope(), r.address, r.type, r.location);
    AwsNetwork.subnet(s, p, SUBNET, "no availability_zone set: AWS picks one at creation");
    r.add(s);
  }

  static void routeTable(ResourceContext r) {
    RouteTable t = new RouteTable(r.scope(), r.address, r.type, r.location);
    t.vpc = r.attrs.ref("vpc_id");
    r.add(t);
    int i = 0;
    for (Attrs inline : r.attrs.nested("route")) {
      Route route =
          new Route(r.scope(), r.address + ".route[" + i++ + "]", "aws_route", inline.location());
      route.routeTable =
          Value.explicit(new ResourceRef(r.scope(), r.address, "id"), List.of(r.location));
      fillRoute(route, inline);
      route.callChain = r.module.callChain;
      route.exists = r.exists;
      r.workload.add(route);
    }
  }

  private static void fillRoute(Route route, Attrs p) {
    route.destination = p.str("destination_cidr_block");
    if (!route.destination.present()) route.destination = p.str("cidr_block");
    if (!route.destination.present()) route.destination = p.str("destination_ipv6_cidr_block");
    if (!route.destination.present()) route.destination = p.str("ipv6_cidr_block");
    route.natGateway = p.ref("nat_gateway_id");
    route.internetGateway = p.ref("gateway_id");
    route.transitGateway = p.ref("transit_gateway_id");
  }

  static void record(ResourceContext r) {
    DnsRecord d = new DnsRecord(r.scope(), r.address, r.type, r.location);
    AwsNetwork.dnsRecord(d, r.attrs, DNS_RECORD, ROUTING_POLICY);
    r.add(d);
  }
}
