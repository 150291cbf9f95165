package dev.relplan.generate;

import dev.relplan.model.NatGateway;
import dev.relplan.model.Resource;
import dev.relplan.model.Route;
import dev.relplan.model.RouteTable;
import dev.relplan.model.RouteTableAssociation;
import dev.relplan.model.Subnet;
import dev.relplan.model.Workload;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.ScalarNode;
import dev.relplan.parse.hcl.Attribute;
import dev.relplan.parse.hcl.Block;
import dev.relplan.parse.hcl.Expr;
import dev.relplan.parse.hcl.HclFile;
import dev.relplan.rules.Topology;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * REL-NAT-SINGLE: a NAT gateway per Availability Zone. In a CloudFormation/SAM template that
 * declares the public subnets per zone, the private subnets' route tables and their associations,
 * each other zone gets an Elastic IP and a NAT gateway (AWS::EC2::EIP Domain vpc,
 * AWS::EC2::NatGateway AllocationId/SubnetId) in its public subnet, and its private subnets'
 * default route goes to it: the zone's own route table re-pointed, or a new route table for the
 * zone when one table served several zones. A NAT gateway inside a Terraform module is changed
 * through the module's single_nat_gateway input when the call writes it as a literal.
 */
final class NatPerZoneFix implements MechanicalFix {
  static final String COST =
      "each added NAT gateway is billed per hour (USD 0.045 an hour, about USD 33 a month, in"
          + " us-east-1 per the Amazon VPC pricing page; other Regions differ) plus its public"
          + " IPv4 address (USD 0.005 an hour), and per GB it processes as today; traffic from a"
          + " zone no longer crosses zones to reach the NAT, and a zone's outage no longer cuts"
          + " the others' outbound access";

  @Override
  public Set<String> rules() {
    return Set.of("REL-NAT-SINGLE");
  }

  @Override
  public boolean edits(Resource r) {
    if (!(r instanceof NatGateway)) return false;
    if (dev.relplan.rules.Dialect.of(r) == dev.relplan.rules.Dialect.TERRAFORM)
      return "aws_nat_gateway".equals(r.writtenType());
    return Fixes.inTemplate(r) && "AWS::EC2::NatGateway".equals(r.writtenType());
  }

  @Override
  public FixOutcome apply(FixTarget t) throws YamlTemplate.NotEditable {
    if (dev.relplan.rules.Dialect.of(t.subject) == dev.relplan.rules.Dialect.TERRAFORM)
      return terraform(t);
    return template(t, new Layout(t.workload, (NatGateway) t.subject));
  }

  /** The subnets, tables and routes around the NAT gateway, as the model links them. */
  private static final class Layout {
    final Map<String, Subnet> publicByZone = new LinkedHashMap<>();
    final Map<String, List<RouteTableAssociation>> privateByZone = new LinkedHashMap<>();
    final Map<RouteTable, Route> natRoutes = new LinkedHashMap<>();
    final Map<RouteTableAssociation, RouteTable> tableOf = new LinkedHashMap<>();
    Subnet natSubnet;

    Layout(Workload w, NatGateway nat) {
      natSubnet = nat.subnet.present() ? w.resolve(nat.subnet.get(), Subnet.class) : null;
      List<RouteTable> internet = new ArrayList<>();
      for (Route r : w.all(Route.class)) {
        RouteTable table =
            r.routeTable.present() ? w.resolve(r.routeTable.get(), RouteTable.class) : null;
        if (table == null) continue;
        if (r.internetGateway.present()) internet.add(table);
        if (r.natGateway.present() && w.resolve(r.natGateway.get()) == nat) natRoutes.put(table, r);
      }
      List<Subnet> behind = Topology.subnetsPerNat(w).getOrDefault(nat, List.of());
      for (RouteTableAssociation a : w.all(RouteTableAssociation.class)) {
        RouteTable table =
            a.routeTable.present() ? w.resolve(a.routeTable.get(), RouteTable.class) : null;
        Subnet s = a.subnet.present() ? w.resolve(a.subnet.get(), Subnet.class) : null;
        if (table == null || s == null || !s.availabilityZone.present()) continue;
        String zone = s.availabilityZone.get();
        if (internet.contains(table)) publicByZone.putIfAbsent(zone, s);
        if (behind.contains(s) && natRoutes.containsKey(table)) {
          privateByZone.computeIfAbsent(zone, z -> new ArrayList<>()).add(a);
          tableOf.put(a, table);
        }
      }
    }

    /** Whether every association of the table is in this zone. */
    boolean tableInOneZone(RouteTable table, String zone) {
      for (Map.Entry<String, List<RouteTableAssociation>> e : privateByZone.entrySet())
        for (RouteTableAssociation a : e.getValue())
          if (tableOf.get(a) == table && !e.getKey().equals(zone)) return false;
      return true;
    }
  }

  private static FixOutcome template(FixTarget t, Layout layout) throws YamlTemplate.NotEditable {
    NatGateway nat = (NatGateway) t.subject;
    if (layout.natSubnet == null || !layout.natSubnet.availabilityZone.present())
      return FixOutcome.left(
          "the zone of its subnet cannot be told: add a NAT gateway per zone by hand");
    String natZone = layout.natSubnet.availabilityZone.get();
    EditedFile file = t.file();
    YamlTemplate template = file.template();
    String file0 = nat.location.file();
    List<String> resources = new ArrayList<>();
    List<FixOutcome.Edit> edits = new ArrayList<>();
    String condition = template.condition(nat.id);
    String eipDependsOn = eipDependsOn(template, nat.id);
    int n = 1;
    List<String> added = new ArrayList<>();
    for (Map.Entry<String, List<RouteTableAssociation>> zone : layout.privateByZone.entrySet()) {
      if (zone.getKey().equals(natZone)) continue;
      n++;
      Subnet pub = layout.publicByZone.get(zone.getKey());
      if (pub == null)
        return FixOutcome.left(
            "no public subnet of this template is in zone "
                + zone.getKey()
                + " to hold its NAT gateway: add a public subnet and a NAT gateway per zone by hand");
      for (RouteTableAssociation a : zone.getValue())
        if (!same(
            file0, a, layout.tableOf.get(a), layout.natRoutes.get(layout.tableOf.get(a)), pub))
          return FixOutcome.left(
              "its route tables, routes and subnets are not all declared in its template: add a NAT"
                  + " gateway per zone by hand");
      String eip = template.free(nat.id + "EipZone" + n, file.taken());
      String newNat = template.free(nat.id + "Zone" + n, file.taken());
      resources.addAll(
          resource(eip, "AWS::EC2::EIP", condition, eipDependsOn, List.of("Domain: vpc")));
      resources.addAll(
          resource(
              newNat,
              "AWS::EC2::NatGateway",
              condition,
              null,
              List.of(
                  "AllocationId: !GetAtt " + eip + ".AllocationId", "SubnetId: !Ref " + pub.id)));
      added.add(newNat + " in " + pub.id);
      RouteTable table = layout.tableOf.get(zone.getValue().get(0));
      Route route = layout.natRoutes.get(table);
      if (layout.tableInOneZone(table, zone.getKey())) {
        edits.add(
            new FixOutcome.Edit(
                null, replace(template, route.id, "NatGatewayId", "!Ref " + newNat)));
        continue;
      }
      String vpc = propertyLine(template, table.id, "VpcId");
      String newTable = template.free(table.id + "Zone" + n, file.taken());
      String newRoute = template.free(route.id + "Zone" + n, file.taken());
      resources.addAll(resource(newTable, "AWS::EC2::RouteTable", condition, null, List.of(vpc)));
      resources.addAll(
          resource(
              newRoute,
              "AWS::EC2::Route",
              condition,
              null,
              List.of(
                  "RouteTableId: !Ref " + newTable,
                  "DestinationCidrBlock: 0.0.0.0/0",
                  "NatGatewayId: !Ref " + newNat)));
      for (RouteTableAssociation a : zone.getValue())
        edits.add(
            new FixOutcome.Edit(null, replace(template, a.id, "RouteTableId", "!Ref " + newTable)));
    }
    if (added.isEmpty())
      return FixOutcome.left("its private subnets' zones have no other zone to serve");
    edits.add(new FixOutcome.Edit(null, template.resources(resources)));
    return FixOutcome.editedIn(
        "a NAT gateway per zone: "
            + String.join(", ", added)
            + ", each with its own Elastic IP, and each zone's private subnets routed to the NAT"
            + " gateway of their zone. Cost: "
            + COST
            + ".",
        edits);
  }

  /** Whether the resources are all declared in the file, outside any nested stack. */
  private static boolean same(String file, Resource... resources) {
    for (Resource r : resources)
      if (r == null || !r.location.file().equals(file) || !r.callChain.isEmpty()) return false;
    return true;
  }

  /** A resource entry, a blank line before it. */
  private static List<String> resource(
      String id, String type, String condition, String dependsOn, List<String> props) {
    List<String> lines = new ArrayList<>(List.of("", id + ":", "  Type: " + type));
    if (condition != null) lines.add("  Condition: " + condition);
    if (dependsOn != null) lines.add("  DependsOn: " + dependsOn);
    lines.add("  Properties:");
    props.forEach(p -> lines.add("    " + p));
    return lines;
  }

  /** The DependsOn of the NAT gateway's Elastic IP (the gateway attachment), when one name. */
  private static String eipDependsOn(YamlTemplate template, String natId) {
    MapNode props = template.properties(natId);
    if (props == null
        || !(props.get("AllocationId") instanceof ScalarNode s)
        || !"!GetAtt".equals(s.tag())
        || s.text() == null
        || !s.text().endsWith(".AllocationId")) return null;
    String eip = s.text().substring(0, s.text().indexOf('.'));
    MapNode.Entry dependsOn = template.entry(eip, "DependsOn");
    return dependsOn != null && dependsOn.value() instanceof ScalarNode d && d.tag() == null
        ? d.text()
        : null;
  }

  /** A property written on one line, as written (a reference or a literal). */
  private static String propertyLine(YamlTemplate template, String id, String key)
      throws YamlTemplate.NotEditable {
    MapNode props = template.properties(id);
    MapNode.Entry e = props == null ? null : props.entry(key);
    if (e == null || e.value().location().line() != e.keyLocation().line())
      throw new YamlTemplate.NotEditable(
          "the " + key + " of " + id + " is not written on one line");
    return template.line(e.keyLocation().line()).strip();
  }

  /** A property's line, whose value is on it, replaced by {@code key: value}. */
  private static UnifiedDiff.Insertion replace(
      YamlTemplate template, String id, String key, String value) throws YamlTemplate.NotEditable {
    MapNode props = template.properties(id);
    MapNode.Entry e = props == null ? null : props.entry(key);
    if (e == null || e.value().location().line() != e.keyLocation().line())
      throw new YamlTemplate.NotEditable(
          "the " + key + " of " + id + " is not written on one line");
    int line = e.keyLocation().line();
    if (!template.line(line).strip().startsWith(key))
      throw new YamlTemplate.NotEditable("the " + key + " of " + id + " shares its line");
    return new UnifiedDiff.Insertion(
        line - 1, List.of(" ".repeat(template.indentOf(line)) + key + ": " + value), 1);
  }

  /** A NAT gateway of a Terraform module: the call's single_nat_gateway = true made false. */
  private static FixOutcome terraform(FixTarget t) throws YamlTemplate.NotEditable {
    if (t.subject.callChain.isEmpty())
      return FixOutcome.left(
          "declared outside a module: add an aws_eip, aws_nat_gateway and private route table per"
              + " zone by hand");
    Location call = t.subject.callChain.get(0);
    EditedFile file = t.file(call.file());
    HclFile hcl = file.hcl(t.workload);
    Block module = null;
    for (Block b : hcl.body().blocks("module")) if (b.range().line() == call.line()) module = b;
    Attribute single =
        module == null ? null : module.body().attribute("single_nat_gateway").orElse(null);
    String where = t.texts.relative(call.file()) + ":" + call.line();
    if (single == null)
      return FixOutcome.left(
          "declared in the module called at "
              + where
              + ", which has no single_nat_gateway input: give the module a NAT gateway per zone");
    if (single.value() instanceof Expr.ScopeTraversal) {
      List<Location> trace = new ArrayList<>();
      for (Route r : t.workload.all(Route.class))
        if (r.natGateway.present() && t.workload.resolve(r.natGateway.get()) == t.subject)
          trace.addAll(r.natGateway.trace());
      VariableFiles.Given given = VariableFiles.set(t, single.value(), trace, "false");
      if (given != null)
        return FixOutcome.editedIn(
            given.described()
                + " (the single_nat_gateway of the module called at "
                + where
                + ": a NAT gateway per zone). Cost: "
                + COST
                + ".",
            List.of(given.edit()));
    }
    if (!(single.value() instanceof Expr.BoolLit b) || !b.value())
      return FixOutcome.left(
          "the module called at "
              + where
              + " sets single_nat_gateway = "
              + hcl.text(single.value().range())
              + ": make it false where its production value comes from (one NAT gateway per zone)."
              + " Cost: "
              + COST);
    UnifiedDiff.Insertion set =
        TerraformFixes.setAttribute(hcl, module, "single_nat_gateway", "false");
    if (set == null) throw new YamlTemplate.NotEditable("its single_nat_gateway shares its line");
    return FixOutcome.editedIn(
        "single_nat_gateway = false in the module call at "
            + where
            + " (a NAT gateway per zone). Cost: "
            + COST
            + ".",
        List.of(new FixOutcome.Edit(call.file(), set)));
  }
}
