package dev.relplan.rules.recovery;

import dev.relplan.source.Location;
import dev.relplan.model.*;
import dev.relplan.model.Queue;
import dev.relplan.rules.*;
import java.util.*;

/** Critical data with no copy outside its Region. */
public final class NoCrossRegionBackup extends BaseRule {
  public NoCrossRegionBackup() {
    super(RuleMeta.builder("REL-BACKUP-NO-CROSS-REGION")
        .flag("RC-NO-CROSS-REGION-BACKUP")
        .domain(Domain.RECOVERY)
        .title("Critical data has no cross-Region copy")
        .bestPractices("REL13-BP02", "REL09-BP01", "REL10-BP01")
        .impact(Impact.SEVERE, "A Regional outage, or a compromise of the account or Region, leaves no restorable copy of the data.")
        .likelihood(Likelihood.LOW, "It takes a Region-wide event or an account-level incident, which is rare.")
        .tier(Tier.STRATEGIC)
        .effort("Weeks: copy actions, replication and a DR runbook")
        .services("AWS Backup", "S3", "DynamoDB", "Aurora", "RDS")
        .remediation("Copy backups to a vault in another Region (AWS Backup copy actions), or replicate the data (S3 replication, DynamoDB global tables, Aurora Global Database, RDS cross-Region automated backups).")
        .dependsOn("REL-BACKUP-MISSING")
        .formats(InputFormat.CLOUDFORMATION, InputFormat.TERRAFORM)
        .build());
  }

  @Override
  public void check(Workload w, Context ctx, Findings out) {
    for (Resource r : BackupCoverage.dataStores(w)) {
      if (r instanceof Volume) continue;
      List<Location> offsite = offsiteEvidence(w, r);
      if (!offsite.isEmpty()) {
        out.strength(this, r.id + " has a copy outside its Region", offsite);
        continue;
      }
      if (r instanceof Database d && (d.backupReplicationRegion.unresolved() || d.globalCluster.unresolved())) {
        // Cross-Region backup replication or a global cluster is configured from a value known only at deploy time.
        out.report(this, r, "", "", d.backupReplicationRegion.unresolved() ? d.backupReplicationRegion : d.globalCluster);
        continue;
      }
      Value<Boolean> own = MissingBackup.ownBackup(r);
      boolean covered = BackupCoverage.of(w, r).covered();
      if (!covered && own.known() && !Boolean.TRUE.equals(own.get())) continue; // no backup at all: REL-BACKUP-MISSING says it
      out.report(this, r, MissingBackup.kind(r) + " " + r.id + " has no cross-Region copy",
          "No copy action, replication rule, global table or cross-Region replica protects " + r.id
              + (ctx.needsMultiRegion() ? "; the availability target of " + ctx.availabilityTarget() + "% requires surviving a Regional outage." : "."));
    }
  }

  public static List<Location> offsiteEvidence(Workload w, Resource r) {
    List<Location> ev = new ArrayList<>();
    if (r instanceof Database d) {
      if (d.backupReplicationRegion.present()) ev.addAll(d.backupReplicationRegion.trace());
      if (d.globalCluster.present()) ev.addAll(d.globalCluster.trace());
      for (Database replica : d.replicas) {
        // A read replica in another Region is a live cross-Region copy.
        if (replica.region.present() && d.region.present() && !replica.region.get().equals(d.region.get())) {
          ev.add(replica.location);
          ev.addAll(replica.region.trace());
        }
      }
    } else if (r instanceof Table t) {
      if (t.replicaRegions.present() && t.replicaRegions.get().size() > 1) ev.addAll(t.replicaRegions.trace());
    } else if (r instanceof Bucket b) {
      if (b.replicationDestinations.present()) ev.addAll(b.replicationDestinations.trace());
    } else if (r instanceof dev.relplan.model.FileSystem f) {
      if (f.replicationRegions.present()) ev.addAll(f.replicationRegions.trace());
    }
    for (BackupCoverage.Protection p : BackupCoverage.of(w, r).protections()) {
      for (BackupPlan.CopyAction c : BackupCoverage.offsiteCopies(w, p.plan())) ev.add(c.location());
    }
    return ev;
  }
}
