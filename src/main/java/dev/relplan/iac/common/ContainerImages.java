package dev.relplan.iac.common;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Well-known database, broker and search engine images, shared by the formats that run containers
 * (Kubernetes, Docker Compose): the product an image runs, and where its official image keeps its
 * data.
 */
public final class ContainerImages {
  /** Image repository names (the last path segment, without tag) and the product they run. */
  public static final Map<String, String> PRODUCTS =
      Map.ofEntries(
          Map.entry("postgres", "PostgreSQL"),
          Map.entry("postgresql", "PostgreSQL"),
          Map.entry("mysql", "MySQL"),
          Map.entry("mariadb", "MariaDB"),
          Map.entry("mongo", "MongoDB"),
          Map.entry("mongodb", "MongoDB"),
          Map.entry("redis", "Redis"),
          Map.entry("valkey", "Valkey"),
          Map.entry("kafka", "Kafka"),
          Map.entry("cp-kafka", "Kafka"),
          Map.entry("rabbitmq", "RabbitMQ"),
          Map.entry("elasticsearch", "Elasticsearch"),
          Map.entry("opensearch", "OpenSearch"),
          Map.entry("cassandra", "Cassandra"),
          Map.entry("zookeeper", "ZooKeeper"),
          Map.entry("etcd", "etcd"));

  /**
   * Where each product's official image (and the Bitnami image, under {@code /bitnami}) writes its
   * data, from the images' documentation on Docker Hub ("Where to Store Data"): a mount at or above
   * one of these paths keeps the data outside the container.
   */
  private static final Map<String, List<String>> DATA_PATHS =
      Map.ofEntries(
          Map.entry("PostgreSQL", List.of("/var/lib/postgresql/data", "/var/lib/postgresql")),
          Map.entry("MySQL", List.of("/var/lib/mysql")),
          Map.entry("MariaDB", List.of("/var/lib/mysql")),
          Map.entry("MongoDB", List.of("/data/db")),
          Map.entry("Redis", List.of("/data")),
          Map.entry("Valkey", List.of("/data")),
          Map.entry("Kafka", List.of("/var/lib/kafka/data", "/var/lib/kafka")),
          Map.entry("RabbitMQ", List.of("/var/lib/rabbitmq")),
          Map.entry("Elasticsearch", List.of("/usr/share/elasticsearch/data")),
          Map.entry("OpenSearch", List.of("/usr/share/opensearch/data")),
          Map.entry("Cassandra", List.of("/var/lib/cassandra")),
          Map.entry("ZooKeeper", List.of("/data")),
          Map.entry("etcd", List.of("/etcd-data", "/var/lib/etcd")));

  private ContainerImages() {}

  /** The product the image runs, or null. */
  public static String product(String image) {
    return image == null ? null : PRODUCTS.get(repository(image));
  }

  /** {@code docker.io/bitnami/postgresql:16.2@sha256:…} → {@code postgresql}. */
  public static String repository(String image) {
    String name = image.strip();
    int at = name.indexOf('@');
    if (at >= 0) name = name.substring(0, at);
    int slash = name.lastIndexOf('/');
    name = name.substring(slash + 1);
    int colon = name.indexOf(':');
    if (colon >= 0) name = name.substring(0, colon);
    return name.toLowerCase(Locale.ROOT);
  }

  /**
   * True when a mount at {@code target} holds the product's data: at or above one of its data
   * paths, or under {@code /bitnami} (Bitnami images keep all their state there).
   */
  public static boolean holdsData(String product, String target) {
    String mount =
        target.endsWith("/") && target.length() > 1
            ? target.substring(0, target.length() - 1)
            : target;
    if (mount.equals("/bitnami") || mount.startsWith("/bitnami/")) return true;
    for (String path : DATA_PATHS.getOrDefault(product, List.of()))
      if (path.equals(mount) || path.startsWith(mount + "/") || mount.equals("/")) return true;
    return false;
  }
}
