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
            .advice(
                Fix.in(
                        Dialect.CLOUDFORMATION,
                        "Add a second AWS::RDS::DBInstance to the Aurora cluster (same DBClusterIdentifier) in another Availability Zone, so Aurora can fail over to it automatically.",
                        """
                ReaderInstance:
                  Type: AWS::RDS::DBInstance
                  Properties:
                    DBClusterIdentifier: !Ref Cluster
                    DBInstanceClass: db.r6g.large
                    Engine: aurora-postgresql
                    AvailabilityZone: !Select [1, !GetAZs ""]
                """)
                    .on("AWS::RDS::DBCluster"),
                Fix.in(
                        Dialect.CLOUDFORMATION,
                        "Set MultiAZ: true on the DB instance: RDS keeps a synchronous standby in another Availability Zone and fails over to it automatically.",
                        """
                Database:
                  Type: AWS::RDS::DBInstance
                  Properties:
                    MultiAZ: true
                """)
                    .on("AWS::RDS::DBInstance"),
                Fix.in(
                        Dialect.CLOUDFORMATION,
                        "Add a second instance to the cluster (same DBClusterIdentifier) in another Availability Zone so the cluster can promote it on failure.",
                        """
                ReplicaInstance:
                  Type: AWS::DocDB::DBInstance
                  Properties:
                    DBClusterIdentifier: !Ref Cluster
                    DBInstanceClass: db.r6g.large
                    AvailabilityZone: !Select [1, !GetAZs ""]
                """)
                    .on("AWS::DocDB::DBCluster", "AWS::Neptune::DBCluster"),
                Fix.in(
                        Dialect.TERRAFORM,
                        "Add a second aws_rds_cluster_instance to the Aurora cluster in another Availability Zone, so Aurora can fail over to it automatically.",
                        """
                resource "aws_rds_cluster_instance" "reader" {
                  cluster_identifier = aws_rds_cluster.main.id
                  instance_class     = "db.r6g.large"
                  engine             = aws_rds_cluster.main.engine
                  availability_zone  = data.aws_availability_zones.available.names[1]
                }
                """)
                    .on("aws_rds_cluster"),
                Fix.in(
                        Dialect.TERRAFORM,
                        "Set multi_az = true on the aws_db_instance: RDS keeps a synchronous standby in another Availability Zone and fails over to it automatically.",
                        """
                resource "aws_db_instance" "main" {
                  # ...
                  multi_az = true
                }
                """)
                    .on("aws_db_instance"),
                Fix.in(
                        Dialect.TERRAFORM,
                        "Add a second cluster instance (aws_docdb_cluster_instance / aws_neptune_cluster_instance) in another Availability Zone so the cluster can promote it on failure.",
                        """
                resource "aws_docdb_cluster_instance" "replica" {
                  cluster_identifier = aws_docdb_cluster.main.id
                  instance_class     = "db.r6g.large"
                  availability_zone  = data.aws_availability_zones.available.names[1]
                }
                """)
                    .on("aws_docdb_cluster", "aws_neptune_cluster"),
                Fix.in(
                        Dialect.CDK,
                        "Set multiAz: true on the rds.DatabaseInstance: RDS keeps a synchronous standby in another Availability Zone and fails over to it automatically (the construct is Single-AZ by default).",
                        """
                new rds.DatabaseInstance(this, 'Database', {
                  // ...
                  multiAz: true,
                });
                """)
                    .on("AWS::RDS::DBInstance"),
                Fix.in(
                        Dialect.CDK_PYTHON,
                        "Pass multi_az=True to rds.DatabaseInstance: RDS keeps a synchronous standby in another Availability Zone and fails over to it automatically (the construct is Single-AZ by default).",
                        """
                rds.DatabaseInstance(
                    self, "Database",
                    # ...
                    multi_az=True,
                )
                """)
                    .on("AWS::RDS::DBInstance"),
                Fix.in(
                        Dialect.CDK,
                        "Give the rds.DatabaseCluster a reader besides its writer (readers: [ClusterInstance.serverlessV2(...)] or provisioned), so Aurora can promote it in another Availability Zone when the writer fails.",
                        """
                new rds.DatabaseCluster(this, 'Cluster', {
                  // ...
                  writer: rds.ClusterInstance.provisioned('writer'),
                  readers: [rds.ClusterInstance.serverlessV2('reader', { scaleWithWriter: true })],
                });
                """)
                    .on("AWS::RDS::DBCluster"),
                Fix.in(
                        Dialect.CDK_JAVA,
                        "Call multiAz(true) on the DatabaseInstance builder: RDS keeps a synchronous standby in another Availability Zone and fails over to it automatically (the construct is Single-AZ by default).",
                        """
                DatabaseInstance.Builder.create(this, "Database")
                    // ...
                    .multiAz(true)
                    .build();
                """)
                    .on("AWS::RDS::DBInstance"))
            .formats(
                InputFormat.CLOUDFORMATION,
                InputFormat.TERRAFORM,
                InputFormat.CDK,
                InputFormat.CDK_PYTHON)
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
              + " has "
              + Property.MULTI_AZ.of(db)
              + " "
              + Findings.described(db.multiAz)
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
