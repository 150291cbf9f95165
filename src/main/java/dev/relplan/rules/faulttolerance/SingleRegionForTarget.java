package dev.relplan.rules.faulttolerance;

import dev.relplan.model.Database;
import dev.relplan.model.DnsRecord;
import dev.relplan.model.Table;
import dev.relplan.model.Workload;
import dev.relplan.rules.BaseRule;
import dev.relplan.rules.Context;
import dev.relplan.rules.Domain;
import dev.relplan.rules.Findings;
import dev.relplan.rules.Impact;
import dev.relplan.rules.InputFormat;
import dev.relplan.rules.Likelihood;
import dev.relplan.rules.RuleMeta;
import dev.relplan.rules.Tier;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;

/** An availability target of 99.99% or more cannot be met from a single Region. */
public final class SingleRegionForTarget extends BaseRule {
  public SingleRegionForTarget() {
    super(
        RuleMeta.builder("REL-SINGLE-REGION-FOR-TARGET")
            .domain(Domain.FAULT_TOLERANCE)
            .title("Single-Region architecture for a 99.99% availability target")
            .bestPractices("REL11-BP07", "REL10-BP01", "REL13-BP02")
            .impact(
                Impact.SEVERE,
                "A Regional impairment takes the whole workload down, which alone can exceed the 52 minutes a year a 99.99% target allows.")
            .likelihood(
                Likelihood.MEDIUM,
                "Regional service events that impair a workload occur every few years.")
            .tier(Tier.STRATEGIC)
            .effort("Months: multi-Region data replication, routing and failover automation")
            .services("Route 53", "DynamoDB global tables", "Aurora Global Database", "S3")
            .remediation(
                "Run the workload in a second Region (active-active or warm standby) with replicated data (DynamoDB global tables, Aurora Global Database, S3 replication) and health-checked Route 53 routing, or lower the stated target.")
            .formats(InputFormat.CLOUDFORMATION, InputFormat.TERRAFORM)
            .build());
  }

  @Override
  public void check(Workload w, Context ctx, Findings out) {
    if (!ctx.needsMultiRegion() || w.resources().isEmpty()) return;
    List<Location> evidence = new ArrayList<>();
    for (Table t : w.all(Table.class))
      if (t.replicaRegions.present() && t.replicaRegions.get().size() > 1) evidence.add(t.location);
    for (Database d : w.all(Database.class))
      if (d.globalCluster.present()) evidence.add(d.location);
    for (DnsRecord r : w.all(DnsRecord.class)) {
      if (r.routingPolicy.equals("FAILOVER") || r.routingPolicy.equals("LATENCY"))
        evidence.add(r.location);
    }
    if (!evidence.isEmpty()) {
      out.strength(
          this,
          "Multi-Region building blocks are declared (global data stores or Regional DNS routing)",
          evidence);
      return;
    }
    out.reportAbsence(
        this,
        w,
        "Single-Region architecture for a " + ctx.availabilityTarget() + "% target",
        "The stated target of "
            + ctx.availabilityTarget()
            + "% requires surviving a Regional outage, but no global tables, Aurora global databases, "
            + "or Route 53 failover/latency records were found in the scanned templates.");
  }
}
