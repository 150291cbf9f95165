package dev.relplan.rules;

import dev.relplan.model.BackupPlan;
import dev.relplan.model.BackupSelection;
import dev.relplan.model.BackupVault;
import dev.relplan.model.Bucket;
import dev.relplan.model.Database;
import dev.relplan.model.FileSystem;
import dev.relplan.model.KubernetesBackup;
import dev.relplan.model.OperatorDatabase;
import dev.relplan.model.Resource;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.Table;
import dev.relplan.model.Unknown;
import dev.relplan.model.Value;
import dev.relplan.model.Volume;
import dev.relplan.model.Workload;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which AWS Backup plans protect a resource: selections name it by reference, by ARN pattern or
 * wildcard, or by tag. Also lists the stateful resources whose data needs protecting.
 */
public final class BackupCoverage {
  /**
   * Bucket names that usually hold reproducible or transient data (logs, build artifacts, static
   * assets).
   */
  private static final Set<String> REPRODUCIBLE_BUCKET_WORDS =
      Set.of(
          "log",
          "logs",
          "logging",
          "accesslogs",
          "artifact",
          "artifacts",
          "cloudtrail",
          "athena",
          "assets",
          "static",
          "website",
          "cdn",
          "build",
          "deployment",
          "deployments",
          "temp",
          "tmp",
          "cache");

  /** A plan protecting a resource, with the selection that chose it. */
  public record Protection(BackupPlan plan, BackupSelection selection, Location decidingLine) {}

  /** Protections found, and whether some selection could not be evaluated. */
  public record Result(List<Protection> protections, String undetermined) {
    public boolean covered() {
      return !protections.isEmpty();
    }
  }

  private BackupCoverage() {}

  /**
   * Stateful resources whose data needs a backup: databases (not cluster members or replicas),
   * tables, file systems, volumes, buckets holding data.
   */
  public static List<Resource> dataStores(Workload w) {
    List<Resource> out = new ArrayList<>();
    for (Database d : w.all(Database.class)) {
      if (d.kind == Database.Kind.INSTANCE
          && (d.cluster.present() || d.cluster.unresolved() || d.replicaSource.present())) continue;
      out.add(d);
    }
    out.addAll(w.all(Table.class));
    out.addAll(w.all(FileSystem.class));
    out.addAll(w.all(Volume.class));
    out.addAll(w.all(OperatorDatabase.class));
    for (Bucket b : w.all(Bucket.class)) if (!reproducible(b)) out.add(b);
    return out;
  }

  public static boolean reproducible(Bucket b) {
    for (String token : b.identityText().split("[^a-z0-9]+"))
      if (REPRODUCIBLE_BUCKET_WORDS.contains(token)) return true;
    String id = b.id.toLowerCase(Locale.ROOT);
    return id.endsWith("logbucket")
        || id.endsWith("logsbucket")
        || id.endsWith("artifactbucket")
        || id.endsWith("artifactsbucket");
  }

  public static Result of(Workload w, Resource r) {
    List<Protection> out = new ArrayList<>();
    String undetermined = null;
    for (BackupSelection s : w.all(BackupSelection.class)) {
      BackupPlan plan = w.resolve(s.plan.get(), BackupPlan.class);
      Location hit = null;
      if (s.resources.present()) {
        for (Object o : s.resources.get()) {
          if (matches(o, r)) {
            hit = s.resources.trace().isEmpty() ? s.location : s.resources.trace().get(0);
            break;
          }
          if (o instanceof Unknown u && undetermined == null)
            undetermined =
                "backup selection "
                    + s.id
                    + " lists a resource that cannot be resolved: "
                    + u.reason();
        }
      } else if (s.resources.unresolved() && undetermined == null) {
        undetermined = "backup selection " + s.id + ": " + s.resources.note();
      }
      if (hit == null && s.tagConditions.present()) {
        for (Object o : s.tagConditions.get()) {
          String[] kv = String.valueOf(o).split("=", 2);
          String v = r.tags.get(kv[0]);
          if (v != null && (kv.length < 2 || kv[1].equals("*") || kv[1].equals(v))) {
            hit = s.tagConditions.trace().isEmpty() ? s.location : s.tagConditions.trace().get(0);
            break;
          }
        }
      }
      if (hit != null && !excluded(s, r)) out.add(new Protection(plan, s, hit));
    }
    return new Result(out, out.isEmpty() ? undetermined : null);
  }

  /** A Kubernetes backup covering a claim, and the line that decides it. */
  public record ClaimProtection(KubernetesBackup backup, Location decidingLine) {}

  /** Kubernetes backups covering a claim, and why some selection could not be evaluated. */
  public record ClaimResult(List<ClaimProtection> protections, String undetermined) {
    public boolean covered() {
      return !protections.isEmpty();
    }
  }

  /**
   * Which Kubernetes backups anywhere in the repository cover a PersistentVolumeClaim: a Velero
   * Schedule selecting its namespace and its labels or its pods' labels, a VolumeSnapshot of it, a
   * SnapshotSchedule of its namespace selecting its labels.
   */
  public static ClaimResult ofClaim(Workload w, Volume v) {
    List<ClaimProtection> out = new ArrayList<>();
    String undetermined = null;
    for (KubernetesBackup b : w.all(KubernetesBackup.class)) {
      if (b.inactive != null) continue;
      boolean hit =
          switch (b.mechanism) {
            case VELERO_SCHEDULE ->
                (b.includedNamespaces == null || b.includedNamespaces.contains(v.namespace))
                    && !b.excludedNamespaces.contains(v.namespace)
                    && (b.selector == null
                        || b.selector.matches(v.labels)
                        || !v.podLabels.isEmpty() && b.selector.matches(v.podLabels));
            case VOLUME_SNAPSHOT -> b.namespace.equals(v.namespace) && snapshots(b.claimName, v);
            case SNAPSHOT_SCHEDULE ->
                b.namespace.equals(v.namespace)
                    && (b.selector == null || b.selector.matches(v.labels));
            case CNPG_SCHEDULED_BACKUP -> false;
          };
      if (b.undetermined != null) {
        if (undetermined == null) undetermined = b.describe() + ": " + b.undetermined;
        continue;
      }
      if (hit) out.add(new ClaimProtection(b, b.decidingLine));
    }
    return new ClaimResult(out, out.isEmpty() ? undetermined : null);
  }

  /**
   * The line that backs up an operator-run database: its own backup settings, or a CloudNativePG
   * ScheduledBackup naming it in its namespace; null when nothing does.
   */
  public static Location operatorBackup(Workload w, OperatorDatabase d) {
    if (d.backup.isTrue()) return d.backup.trace().isEmpty() ? d.location : d.backup.trace().get(0);
    for (KubernetesBackup b : w.all(KubernetesBackup.class))
      if (b.mechanism == KubernetesBackup.Mechanism.CNPG_SCHEDULED_BACKUP
          && b.inactive == null
          && b.namespace.equals(d.namespace)
          && d.name.present()
          && d.name.get().equals(b.claimName)) return b.decidingLine;
    return null;
  }

  /** A snapshot of the claim, or of one replica's claim of a claim template. */
  private static boolean snapshots(String claim, Volume v) {
    if (claim == null) return false;
    if (claim.equals(v.claimName)) return true;
    return v.perReplica
        && claim.startsWith(v.claimName + "-")
        && claim.substring(v.claimName.length() + 1).chars().allMatch(Character::isDigit);
  }

  private static boolean excluded(BackupSelection s, Resource r) {
    if (!s.notResources.present()) return false;
    for (Object o : s.notResources.get()) if (matches(o, r)) return true;
    return false;
  }

  private static boolean matches(Object selected, Resource r) {
    if (selected instanceof ResourceRef ref) return ref.key().equals(r.key());
    if (!(selected instanceof String arn)) return false;
    if (arn.equals("*")) return true;
    String service = serviceOf(r);
    if (service == null || !arn.contains("*")) return false;
    // ARN patterns such as arn:aws:rds:*:*:db:* or arn:aws:dynamodb:*:*:table/* select a whole
    // type.
    String[] parts = arn.split(":", 6);
    return parts.length >= 6
        && parts[2].equals(service.split(":")[0])
        && (parts[5].equals("*")
            || parts[5].startsWith(service.split(":")[1]) && parts[5].endsWith("*"));
  }

  private static String serviceOf(Resource r) {
    if (r instanceof Database d) return d.kind == Database.Kind.CLUSTER ? "rds:cluster" : "rds:db";
    if (r instanceof Table) return "dynamodb:table";
    if (r instanceof FileSystem) return "elasticfilesystem:file-system";
    if (r instanceof Volume) return "ec2:volume";
    if (r instanceof Bucket) return "s3:*";
    return null;
  }

  /**
   * Where the workload keeps a copy of the resource's data outside its Region: replication, global
   * tables, cross-Region replicas, off-site backup copies.
   */
  public static List<Location> offsiteEvidence(Workload w, Resource r) {
    List<Location> ev = new ArrayList<>();
    if (r instanceof Database d) {
      if (d.backupReplicationRegion.present()) ev.addAll(d.backupReplicationRegion.trace());
      if (d.globalCluster.present()) ev.addAll(d.globalCluster.trace());
      for (Database replica : d.replicas) {
        // A read replica in another Region is a live cross-Region copy.
        if (replica.region.present()
            && d.region.present()
            && !replica.region.get().equals(d.region.get())) {
          ev.add(replica.location);
          ev.addAll(replica.region.trace());
        }
      }
    } else if (r instanceof Table t) {
      if (t.replicaRegions.present() && t.replicaRegions.get().size() > 1)
        ev.addAll(t.replicaRegions.trace());
    } else if (r instanceof Bucket b) {
      if (b.replicationDestinations.present()) ev.addAll(b.replicationDestinations.trace());
    } else if (r instanceof FileSystem f) {
      if (f.replicationRegions.present()) ev.addAll(f.replicationRegions.trace());
    }
    for (BackupCoverage.Protection p : BackupCoverage.of(w, r).protections()) {
      for (BackupPlan.CopyAction c : BackupCoverage.offsiteCopies(w, p.plan()))
        ev.add(c.location());
    }
    return ev;
  }

  /**
   * Copy actions of a plan that send recovery points outside the workload's vaults (another Region
   * or account).
   */
  public static List<BackupPlan.CopyAction> offsiteCopies(Workload w, BackupPlan plan) {
    List<BackupPlan.CopyAction> out = new ArrayList<>();
    if (plan == null) return out;
    for (BackupPlan.Rule rule : plan.rules) {
      for (BackupPlan.CopyAction c : rule.copyActions()) {
        Object dest = c.destinationVault().get();
        // A vault declared in the same template lives in the same Region as the plan.
        if (w.resolve(dest) instanceof BackupVault) continue;
        if (dest instanceof String || c.destinationVault().unresolved()) out.add(c);
      }
    }
    return out;
  }

  /**
   * The shortest retention of a plan's rules, in days; absent when every rule keeps backups
   * forever.
   */
  public static Value<Integer> shortestRetention(BackupPlan plan) {
    Value<Integer> shortest = Value.absent();
    for (BackupPlan.Rule rule : plan.rules) {
      Value<Integer> d = rule.deleteAfterDays();
      if (d.unresolved()) return d;
      if (d.present() && (!shortest.present() || d.get() < shortest.get())) shortest = d;
    }
    return shortest;
  }
}
