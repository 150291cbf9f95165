package dev.relplan.rules.faulttolerance;

import dev.relplan.model.*;
import dev.relplan.rules.*;
import dev.relplan.source.Location;
import java.util.*;

/** A relational database that runs in one Availability Zone: an AZ outage stops it. */
public final class DbSingleAz extends BaseRule {
  public DbSingleAz() {
    super(
        RuleMeta.builder("REL-DB-SINGLE-AZ")
            .flag("FT-SINGLE-AZ-DATABASE")
            .domain(Domain.FAULT_TOLERANCE)
            .title("Production database runs in a single Availability Zone")
            .bestPractices("REL10-BP01", "REL11-BP02")
            .impact(
                Impact.SEVERE,
                "An Availability Zone outage or instance failure takes the database, and every service that needs it, offline.")
            .likelihood(
                Likelihood.MEDIUM,
                "A single component failure (the instance or its zone) is enough; no standby exists to fail over to.")
            .tier(Tier.QUICK_WIN)
            .effort("Hours: a configuration change applied in a maintenance window")
            .services("RDS", "Aurora")
            .remediation(
                "Enable Multi-AZ (MultiAZ: true / multi_az = true), or for Aurora add a reader instance in a second Availability Zone so failover is automatic.")
            .formats(InputFormat.CLOUDFORMATION, InputFormat.TERRAFORM)
            .build());
  }

  @Override
  public void check(Workload w, Context ctx, Findings out) {
    for (Database db : w.all(Database.class)) {
      if (db.kind == Database.Kind.INSTANCE) checkInstance(db, out);
      else checkCluster(db, out);
    }
  }

  /**
   * A standalone instance needs MultiAZ; cluster members and read replicas are judged elsewhere.
   */
  private void checkInstance(Database db, Findings out) {
    if (db.cluster.present() || db.cluster.unresolved() || db.replicaSource.present())
      return; // judged with its cluster / source
    if (db.multiAz.isTrue()) {
      out.strength(
          this,
          "Database " + db.id + " is Multi-AZ with automatic failover",
          Findings.evidence(db, db.multiAz));
    } else {
      out.report(
          this,
          db,
          "Database " + db.id + " runs in a single Availability Zone",
          "RDS instance "
              + db.id
              + " has MultiAZ "
              + db.multiAz
              + ": there is no synchronous standby, so an AZ or host failure means an outage until a manual restore.",
          db.multiAz);
    }
  }

  /**
   * A cluster needs a second instance to fail over to, unless it is a Multi-AZ DB cluster or
   * serverless.
   */
  private void checkCluster(Database db, Findings out) {
    if (db.clusterInstanceClass.present()) {
      out.strength(
          this,
          "Database cluster " + db.id + " is a Multi-AZ DB cluster with readable standbys",
          Findings.evidence(db, db.clusterInstanceClass));
      return;
    }
    if ("serverless".equalsIgnoreCase(db.engineMode.orElse(""))) return;
    long members = db.members.size();
    boolean unsure = db.members.stream().anyMatch(m -> m.exists.unresolved());
    if (members >= 2 && !unsure) {
      out.strength(
          this,
          "Database cluster " + db.id + " has " + members + " instances for automatic failover",
          db.members.stream().map(m -> m.location).toList());
    } else if (unsure) {
      out.cannotDetermine(
          this,
          db,
          "some instances of the cluster exist only under conditions that cannot be evaluated",
          Findings.evidence(db));
    } else {
      List<Location> ev = new ArrayList<>(Findings.evidence(db));
      db.members.forEach(m -> ev.add(m.location));
      Value<Integer> count = Value.explicit((int) members, ev);
      out.report(
          this,
          db,
          "Database cluster "
              + db.id
              + " has "
              + (members == 0 ? "no instances declared" : "a single instance"),
          "Cluster "
              + db.id
              + " has "
              + members
              + " instance(s) in the scanned templates: with no reader in another Availability Zone there is nothing to fail over to.",
          count);
    }
  }
}
