package dev.relplan.rules.faulttolerance;

import dev.relplan.model.*;
import dev.relplan.rules.*;
import dev.relplan.source.Location;
import java.util.*;

/** One NAT gateway carrying outbound traffic for private subnets in several zones. */
public final class NatSingle extends BaseRule {
  public NatSingle() {
    super(
        RuleMeta.builder("REL-NAT-SINGLE")
            .flag("FT-SINGLE-NAT")
            .domain(Domain.FAULT_TOLERANCE)
            .title("A single NAT gateway serves private subnets in several Availability Zones")
            .bestPractices("REL02-BP01", "REL02-BP03", "REL10-BP01")
            .impact(
                Impact.SEVERE,
                "If the NAT gateway's zone fails, private subnets in every zone lose outbound access (AWS APIs, third parties), defeating Multi-AZ compute.")
            .likelihood(Likelihood.MEDIUM, "A single zone impairment is enough.")
            .tier(Tier.QUICK_WIN)
            .effort("Hours: one NAT gateway and private route table per Availability Zone")
            .services("VPC")
            .remediation(
                "Create one NAT gateway in each Availability Zone and give each zone's private subnets their own route table whose default route uses the NAT gateway in the same zone.")
            .advice(
                Fix.in(
                    Dialect.CLOUDFORMATION,
                    "Create an AWS::EC2::NatGateway in a public subnet of each Availability Zone, and give each zone's private subnets their own route table whose 0.0.0.0/0 route uses the NAT gateway of the same zone.",
                    """
                NatGatewayB:
                  Type: AWS::EC2::NatGateway
                  Properties:
                    SubnetId: !Ref PublicSubnetB
                    AllocationId: !GetAtt NatEipB.AllocationId
                PrivateRouteB:
                  Type: AWS::EC2::Route
                  Properties:
                    RouteTableId: !Ref PrivateRouteTableB
                    DestinationCidrBlock: 0.0.0.0/0
                    NatGatewayId: !Ref NatGatewayB
                """),
                Fix.in(
                    Dialect.TERRAFORM,
                    "Create an aws_nat_gateway in a public subnet of each Availability Zone (count or for_each over the zones), and give each zone's private subnets their own aws_route_table whose default route uses the NAT gateway of the same zone.",
                    """
                resource "aws_nat_gateway" "zone" {
                  count         = length(aws_subnet.public)
                  subnet_id     = aws_subnet.public[count.index].id
                  allocation_id = aws_eip.nat[count.index].id
                }

                resource "aws_route_table" "private" {
                  count  = length(aws_subnet.public)
                  vpc_id = aws_vpc.main.id
                  route {
                    cidr_block     = "0.0.0.0/0"
                    nat_gateway_id = aws_nat_gateway.zone[count.index].id
                  }
                }
                """),
                Fix.in(
                    Dialect.CDK,
                    "Let the ec2.Vpc create one NAT gateway per Availability Zone: remove natGateways (its default is one per zone) or set it to the number of zones, so each zone's private subnets keep egress when another zone fails.",
                    """
                new ec2.Vpc(this, 'Network', {
                  maxAzs: 3,
                  natGateways: 3,
                });
                """))
            .formats(InputFormat.CLOUDFORMATION, InputFormat.TERRAFORM, InputFormat.CDK)
            .build());
  }

  @Override
  public void check(Workload w, Context ctx, Findings out) {
    Map<NatGateway, List<Subnet>> perNat = Topology.subnetsPerNat(w);
    for (NatGateway n : w.all(NatGateway.class)) {
      if (!perNat.containsKey(n)) perNat.put(n, List.of());
    }
    for (Map.Entry<NatGateway, List<Subnet>> e : perNat.entrySet()) {
      NatGateway nat = e.getKey();
      Set<String> zones = new TreeSet<>();
      boolean unknownZone = false;
      // A CDK Vpc declares its routes and subnets on one line: each line is cited once.
      List<Location> ev = new ArrayList<>(new LinkedHashSet<>(Topology.routesTo(w, nat)));
      for (Subnet s : e.getValue()) {
        if (s.availabilityZone.present()) {
          zones.add(s.availabilityZone.get());
          if (!ev.contains(s.location)) ev.add(s.location);
        } else {
          unknownZone = true;
        }
      }
      Value<Integer> zoneCount =
          unknownZone && zones.size() < 2
              ? Value.unresolved(
                  "the zones of the private subnets routed through "
                      + nat.id
                      + " cannot be determined",
                  ev)
              : Value.explicit(zones.size(), ev);
      String routing = zones.size() < 2 ? Topology.unresolvedRouting(w, nat) : null;
      if (routing != null) {
        out.cannotDetermine(this, nat, routing, ev.isEmpty() ? List.of(nat.location) : ev);
      } else if (zoneCount.unresolved()) {
        out.report(this, nat, "", "", zoneCount);
      } else if (zones.size() > 1) {
        out.report(
            this,
            nat,
            "NAT gateway "
                + nat.id
                + " serves private subnets in "
                + zones.size()
                + " Availability Zones",
            "Private subnets "
                + e.getValue().stream().map(s -> s.id).toList()
                + " in "
                + zones.size()
                + " zones send their default route through the single NAT gateway "
                + nat.id
                + ".",
            zoneCount);
      } else if (!zones.isEmpty()) {
        out.strength(
            this,
            "NAT gateway " + nat.id + " serves only subnets in its own Availability Zone",
            ev);
      }
    }
  }
}
