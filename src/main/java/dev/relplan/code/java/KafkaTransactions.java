package dev.relplan.code.java;

import dev.relplan.discover.SourceFile;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * Spring Boot configuration ({@code application*.yml}) that turns on Kafka transactions: {@code
 * spring.kafka.producer.transaction-id-prefix}, nested or written with dots.
 */
final class KafkaTransactions {
  private static final List<String> PREFIX_PROPERTY =
      List.of("spring", "kafka", "producer", "transaction-id-prefix");

  private KafkaTransactions() {}

  static boolean isSpringBootConfig(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.startsWith("application") && (name.endsWith(".yml") || name.endsWith(".yaml"));
  }

  /** Where the given configuration files set a transaction id prefix. */
  static List<Location> find(List<SourceFile> configFiles) {
    List<Location> out = new ArrayList<>();
    for (SourceFile f : configFiles) {
      for (Node doc : f.documents()) {
        Location at = property(doc, PREFIX_PROPERTY);
        if (at != null) out.add(at);
      }
    }
    return out;
  }

  /** Where a property path is set to a non-null value, following nested maps and dotted keys. */
  private static Location property(Node node, List<String> path) {
    if (path.isEmpty()) return node instanceof ScalarNode s && s.isNull() ? null : node.location();
    if (!(node instanceof MapNode m)) return null;
    for (MapNode.Entry e : m.entries()) {
      List<String> key = List.of(e.key().split("\\."));
      if (key.size() <= path.size() && path.subList(0, key.size()).equals(key)) {
        Location at = property(e.value(), path.subList(key.size(), path.size()));
        if (at != null) return key.size() == path.size() ? e.keyLocation() : at;
      }
    }
    return null;
  }
}
