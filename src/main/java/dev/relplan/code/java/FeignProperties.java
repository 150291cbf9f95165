package dev.relplan.code.java;

import dev.relplan.model.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Spring Cloud OpenFeign's read timeout from Spring Boot properties: {@code
 * spring.cloud.openfeign.client.config.<client>.read-timeout} (4.x), or {@code
 * feign.client.config.<client>.read-timeout} (3.x and earlier), in milliseconds; a client's own
 * entry wins over the default one ({@code default}, or the name {@code default-config} gives).
 */
final class FeignProperties {
  private static final String[] PREFIXES = {"spring.cloud.openfeign.client.", "feign.client."};

  private FeignProperties() {}

  /**
   * The read timeout the properties give the client; null when none applies. {@code clientName} is
   * its contextId or name, null when the code does not say it (a placeholder).
   */
  static Value<String> readTimeout(SpringConfig.Scope spring, String clientName) {
    String defaultName = defaultConfigName(spring);
    if (clientName != null) {
      Value<String> own = timeoutOf(spring, clientName);
      if (own != null) return own;
    } else if (namedConfigs(spring, defaultName)) {
      return Value.unresolved(
          "the Feign client's name is a placeholder and the configuration sets timeouts for named clients",
          List.of());
    }
    return timeoutOf(spring, defaultName);
  }

  private static Value<String> timeoutOf(SpringConfig.Scope spring, String client) {
    List<String> keys = new ArrayList<>();
    for (String prefix : PREFIXES) keys.add(prefix + "config." + client + ".read-timeout");
    String[] asArray = keys.toArray(String[]::new);
    SpringConfig.Property set = spring.get(asArray);
    return set == null ? null : SpringConfig.timeout(set, "read", "ms", spring.inProfiles(asArray));
  }

  private static String defaultConfigName(SpringConfig.Scope spring) {
    SpringConfig.Property named =
        spring.get("spring.cloud.openfeign.client.default-config", "feign.client.default-config");
    String value = named == null ? null : SpringConfig.resolve(named.value());
    return value == null || value.isBlank() ? "default" : value;
  }

  private static boolean namedConfigs(SpringConfig.Scope spring, String defaultName) {
    for (String prefix : PREFIXES) {
      String config = prefix + "config.";
      if (spring.anyUnder(config, config + defaultName + ".")) return true;
    }
    return false;
  }
}
