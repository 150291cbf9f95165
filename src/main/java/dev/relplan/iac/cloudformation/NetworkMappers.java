package dev.relplan.iac.cloudformation;

import static dev.relplan.iac.common.TypedSettings.or;

import dev.relplan.iac.common.AwsNetwork;
import dev.relplan.model.DnsHealthCheck;
import dev.relplan.model.DnsRecord;
import dev.relplan.model.NatGateway;
import dev.relplan.model.Route;
import dev.relplan.model.RouteTable;
import dev.relplan.model.RouteTableAssociation;
import dev.relplan.model.Subnet;
import dev.relplan.parse.MapNode;
import dev.relplan.source.Location;
import java.util.Map;

/** Subnets, routing, NAT gateways and Route 53. */
final class NetworkMappers {
  private static final AwsNetwork.SubnetKeys SUBNET =
      new AwsNetwork.SubnetKeys(
          "VpcId", "AvailabilityZone", "AvailabilityZoneId", "MapPublicIpOnLaunch");
  private static final AwsNetwork.DnsRecordKeys DNS_RECORD =
      new AwsNetwork.DnsRecordKeys(
          "Name",
          "Type",
          "Failover",
          "HealthCheckId",
          "AliasTarget.DNSName",
          "AliasTarget.EvaluateTargetHealth");
  private static final AwsNetwork.RoutingPolicyKeys ROUTING_POLICY =
      new AwsNetwork.RoutingPolicyKeys(
          "Failover",
          "Weight",
          "Region",
          "GeoLocation",
          "GeoProximityLocation",
          "MultiValueAnswer");

  private NetworkMappers() {}

  static void register(Map<String, Mapper> m) {
    m.put("AWS::EC2::Subnet", NetworkMappers::subnet);
    m.put(
        "AWS::EC2::RouteTable",
        c -> {
          RouteTable t = new RouteTable(c.template.scope, c.id, c.type, c.location);
          t.vpc = c.props.ref("VpcId");
          c.add(t);
        });
    m.put("AWS::EC2::Route", NetworkMappers::route);
    m.put(
        "AWS::EC2::SubnetRouteTableAssociation",
        c -> {
          RouteTableAssociation a =
              new RouteTableAssociation(c.template.scope, c.id, c.type, c.location);
          a.routeTable = c.props.ref("RouteTableId");
          a.subnet = c.props.ref("SubnetId");
          c.add(a);
        });
    m.put(
        "AWS::EC2::NatGateway",
        c -> {
          NatGateway n = new NatGateway(c.template.scope, c.id, c.type, c.location);
          n.subnet = c.props.ref("SubnetId");
          n.connectivity =
              or(c.props.str("ConnectivityType"), "public", "NAT gateways are public by default");
          c.add(n);
        });
    m.put("AWS::Route53::RecordSet", c -> record(c, c.props, c.id, c.location));
    m.put(
        "AWS::Route53::RecordSetGroup",
        c -> {
          int i = 0;
          for (MapNode rs : c.props.maps("RecordSets"))
            record(c, c.props.child(rs), c.id + "[" + i++ + "]", rs.location());
        });
    m.put(
        "AWS::Route53::HealthCheck",
        c -> {
          DnsHealthCheck h = new DnsHealthCheck(c.template.scope, c.id, c.type, c.location);
          h.checkType = c.props.str("HealthCheckConfig.Type");
          c.add(h);
        });
  }

  static void subnet(ResourceContext c) {
    Props p = c.props;
    Subnet s = new Subnet(c.template.scope, c.id, c.type, c.location);
    AwsNetwork.subnet(s, p, SUBNET, "no Availability Zone set: AWS picks one at creation");
    c.add(s);
  }

  static void route(ResourceContext c) {
    Props p = c.props;
    Route r = new Route(c.template.scope, c.id, c.type, c.location);
    r.routeTable = p.ref("RouteTableId");
    r.destination = p.str("DestinationCidrBlock");
    if (!r.destination.present()) r.destination = p.str("DestinationIpv6CidrBlock");
    r.natGateway = p.ref("NatGatewayId");
    r.internetGateway = p.ref("GatewayId");
    r.transitGateway = p.ref("TransitGatewayId");
    c.add(r);
  }

  static void record(ResourceContext c, Props p, String id, Location location) {
    DnsRecord r = new DnsRecord(c.template.scope, id, "AWS::Route53::RecordSet", location);
    AwsNetwork.dnsRecord(r, p, DNS_RECORD, ROUTING_POLICY);
    c.add(r);
  }
}
