package dev.relplan.iac.compose;

import dev.relplan.iac.common.ContainerImages;
import dev.relplan.model.ComposeTypes;
import dev.relplan.model.ComputeGroup;
import dev.relplan.model.ContainerDependency;
import dev.relplan.model.StatefulService;
import dev.relplan.model.Value;
import dev.relplan.model.Volume;
import dev.relplan.model.Workload;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A service running a known database, broker or search image keeps state: it is a stateful service,
 * replicated only when several containers run and the image is set up to replicate, and the named
 * volume or host folder mounted where the image writes its data is a volume that needs a backup. A
 * backup service of the file (a known backup image) that mounts that volume, or reaches the
 * database service, is the backup evidence.
 */
final class ComposeStorage {
  /** The scope suffix that keeps the stateful service apart from the service of the same id. */
  static final String SCOPE_SUFFIX = "/data";

  /** Backup tools whose image name does not say "backup". */
  private static final Set<String> BACKUP_IMAGES =
      Set.of("restic", "borgmatic", "kopia", "duplicati", "pgbackrest", "wal-g", "walg", "barman");

  static final String LOCAL_DATA =
      "Its container mounts no named volume or host folder where the image writes its data: the"
          + " data sits in an anonymous volume or the container's filesystem, which `docker compose"
          + " down` followed by `up` does not reattach, so the service starts empty.";

  /** One mount of a service: its source (null for an anonymous volume), target and line. */
  record Mount(String source, String target, boolean bind, boolean tmpfs, Location location) {}

  private ComposeStorage() {}

  static void map(ComposeProject.Service service, ComputeGroup g, String scope, Workload w) {
    ScalarNode image = Nodes.scalar(service.definition(), "image");
    String product = image == null ? null : ContainerImages.product(image.text());
    if (product == null || g.replication == ComputeGroup.Replication.BATCH) return;
    g.statefulProduct = product;
    StatefulService s =
        new StatefulService(scope + SCOPE_SUFFIX, g.id, ComposeTypes.SERVICE, g.location);
    s.name = g.name;
    s.environment = g.environment;
    s.service = product;
    s.replicated = replicated(g.desired, image, product);
    s.topology =
        (g.desired.present() ? g.desired.get() + " container(s)" : "containers")
            + " of "
            + image.text()
            + " on one Docker host";
    s.localDataLifetime = LOCAL_DATA;
    List<Location> local = new ArrayList<>();
    boolean persisted = false;
    for (Mount m : mounts(service.definition())) {
      if (!ContainerImages.holdsData(product, m.target())) continue;
      if (m.source() == null || m.tmpfs()) {
        local.add(m.location());
        continue;
      }
      persisted = true;
      volume(m, g, scope, w);
    }
    s.podLocalData =
        persisted
            ? Value.absent()
            : Value.explicit(true, local.isEmpty() ? List.of(image.location()) : local);
    w.add(s);
  }

  /** One container holds the only copy; several replicate only if the image is set up to. */
  private static Value<Boolean> replicated(
      Value<Integer> replicas, ScalarNode image, String product) {
    if (replicas.unresolved()) return replicas.map(n -> false);
    if (replicas.orElse(1) < 2)
      return Value.explicit(
          false, replicas.isExplicit() ? replicas.trace() : List.of(image.location()));
    return Value.unresolved(
        replicas.get()
            + " containers of "
            + product
            + ": whether they replicate data depends on the image's configuration, not on the Compose file",
        List.of(image.location()));
  }

  private static void volume(Mount m, ComputeGroup g, String scope, Workload w) {
    String id = (m.bind() ? "host:" : "volume:") + m.source();
    Volume v = w.get(scope + "#" + id) instanceof Volume known ? known : null;
    if (v == null) {
      v = new Volume(scope, id, Volume.COMPOSE, m.location());
      v.claimName = m.source();
      v.name = Value.explicit(m.source(), List.of(m.location()));
      v.environment = g.environment;
      v.owner = "Compose service " + g.id;
      w.add(v);
    }
  }

  /** The service's volumes, short ({@code src:target:mode}) or long syntax. */
  static List<Mount> mounts(MapNode def) {
    List<Mount> out = new ArrayList<>();
    for (Node item : Nodes.seq(def, "volumes")) {
      if (item instanceof ScalarNode s && !s.isNull()) {
        List<String> parts = splitOutsideBraces(s.text());
        if (parts.size() == 1) out.add(new Mount(null, parts.get(0), false, false, s.location()));
        else
          out.add(
              new Mount(parts.get(0), parts.get(1), isHostPath(parts.get(0)), false, s.location()));
      } else if (item instanceof MapNode m) {
        ScalarNode target = Nodes.scalar(m, "target");
        if (target == null) continue;
        String type = text(Nodes.scalar(m, "type"), "volume");
        ScalarNode source = Nodes.scalar(m, "source");
        out.add(
            new Mount(
                source == null ? null : source.text(),
                target.text(),
                type.equals("bind"),
                type.equals("tmpfs"),
                m.location()));
      }
    }
    for (Node item : Nodes.seq(def, "tmpfs"))
      if (item instanceof ScalarNode s && !s.isNull())
        out.add(new Mount(null, s.text(), false, true, s.location()));
    return out;
  }

  private static boolean isHostPath(String source) {
    return source.startsWith("/")
        || source.startsWith(".")
        || source.startsWith("~")
        || source.contains("/")
        || source.contains("$");
  }

  /** Splits {@code a:b:c} at colons that are not inside a {@code ${...}} reference. */
  private static List<String> splitOutsideBraces(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{') depth++;
      else if (c == '}') depth--;
      else if (c == ':' && depth == 0) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    return parts;
  }

  /**
   * Marks each Compose volume of the scope backed up when a backup service mounts it, depends on
   * its owner, or names its owner in its environment (the database host it dumps).
   */
  static void backups(List<ComposeProject.Service> services, String scope, Workload w) {
    List<ComposeProject.Service> backupServices =
        services.stream().filter(ComposeStorage::isBackup).toList();
    for (Volume v : w.all(Volume.class)) {
      if (!v.isCompose() || !v.scope.equals(scope)) continue;
      String owner = v.owner.substring("Compose service ".length());
      for (ComposeProject.Service b : backupServices) {
        if (reaches(b, v.claimName, owner)) {
          v.composeBackup = Value.explicit(true, List.of(b.location()));
          break;
        }
      }
      if (!v.composeBackup.present())
        v.composeBackup =
            Value.defaulted(
                false,
                "no backup service in the Compose file mounts "
                    + v.claimName
                    + " or reaches service "
                    + owner);
    }
  }

  private static boolean isBackup(ComposeProject.Service s) {
    ScalarNode image = Nodes.scalar(s.definition(), "image");
    if (image == null) return false;
    String repository = ContainerImages.repository(image.text());
    return repository.contains("backup") || BACKUP_IMAGES.contains(repository);
  }

  private static boolean reaches(ComposeProject.Service backup, String source, String owner) {
    for (Mount m : mounts(backup.definition())) if (source.equals(m.source())) return true;
    Node dependsOn = Nodes.at(backup.definition(), "depends_on");
    if (dependsOn instanceof MapNode m && m.has(owner)) return true;
    for (Node item : Nodes.seq(backup.definition(), "depends_on"))
      if (item instanceof ScalarNode s && owner.equals(s.text())) return true;
    for (Node item : Nodes.seq(backup.definition(), "links"))
      if (item instanceof ScalarNode s && (s.text() + ":").startsWith(owner + ":")) return true;
    return environmentNames(backup.definition(), owner);
  }

  /** True when an environment value of the service is the owner's name (a host it connects to). */
  private static boolean environmentNames(MapNode def, String owner) {
    Node env = Nodes.at(def, "environment");
    if (env instanceof MapNode m) {
      for (MapNode.Entry e : m.entries())
        if (e.value() instanceof ScalarNode s && owner.equals(s.text())) return true;
    }
    for (Node item : Nodes.seq(def, "environment"))
      if (item instanceof ScalarNode s && s.text().endsWith("=" + owner)) return true;
    return false;
  }

  private static String text(ScalarNode s, String otherwise) {
    return s == null ? otherwise : s.text().toLowerCase(Locale.ROOT);
  }

  /** Services other services wait for to complete (migrations, seeders) run once, not to serve. */
  static boolean isOneOff(String name, List<ComputeGroup> services) {
    for (ComputeGroup g : services)
      for (ContainerDependency d : g.dependsOn)
        if (d.service().equals(name)
            && "service_completed_successfully".equals(d.condition().orElse(""))) return true;
    return false;
  }
}
