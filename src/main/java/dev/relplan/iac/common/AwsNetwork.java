package dev.relplan.iac.common;

import static dev.relplan.iac.common.TypedSettings.or;

import dev.relplan.model.DnsRecord;
import dev.relplan.model.Subnet;
import dev.relplan.model.Value;
import java.util.List;

/**
 * Subnets and Route 53 records as every format that declares AWS resources describes them: what is
 * read and which service defaults apply. Each format gives its own spelling of the settings.
 */
public final class AwsNetwork {
  private AwsNetwork() {}

  /** How a format spells a DNS record's name, failover role, health check and alias target. */
  public record DnsRecordKeys(
      String name,
      String type,
      String failover,
      String healthCheck,
      String aliasTarget,
      String evaluateTargetHealth) {}

  /** How a format spells the setting that selects each routing policy (geolocation has two). */
  public record RoutingPolicyKeys(
      String failover,
      String weighted,
      String latency,
      String geolocation,
      String geoproximity,
      String multivalue) {}

  /** How a format spells a subnet's network, zone (by name or by id) and public addressing. */
  public record SubnetKeys(String vpc, String zone, String zoneId, String mapPublicIp) {}

  /**
   * A subnet: its zone by name, else by zone id (one that cannot be resolved says why); with
   * neither, AWS picks the zone at creation, which is unknown here (the format says so in its
   * words).
   */
  public static void subnet(Subnet s, TypedSettings<?> p, SubnetKeys keys, String noZone) {
    s.vpc = p.ref(keys.vpc());
    s.availabilityZone = p.str(keys.zone());
    if (!s.availabilityZone.present() && !s.availabilityZone.unresolved()) {
      Value<String> zoneId = p.str(keys.zoneId());
      s.availabilityZone =
          zoneId.present() || zoneId.unresolved()
              ? zoneId
              : Value.unresolved(noZone, List.of(s.location));
    }
    s.mapPublicIp =
        or(p.bool(keys.mapPublicIp()), false, "subnets do not assign public IPs by default");
  }

  /**
   * A DNS record, its routing policy named by the setting that selects it (simple when none does).
   */
  public static void dnsRecord(
      DnsRecord r, TypedSettings<?> p, DnsRecordKeys keys, RoutingPolicyKeys routing) {
    r.recordName = p.str(keys.name());
    r.recordType = p.str(keys.type());
    r.failover = p.str(keys.failover());
    r.healthCheck = p.ref(keys.healthCheck());
    r.aliasTarget = p.ref(keys.aliasTarget());
    r.evaluateTargetHealth =
        or(
            p.bool(keys.evaluateTargetHealth()),
            false,
            "alias records do not evaluate target health by default");
    if (p.has(routing.failover())) r.routingPolicy = "FAILOVER";
    else if (p.has(routing.weighted())) r.routingPolicy = "WEIGHTED";
    else if (p.has(routing.latency())) r.routingPolicy = "LATENCY";
    else if (p.has(routing.geolocation()) || p.has(routing.geoproximity()))
      r.routingPolicy = "GEOLOCATION";
    else if (p.has(routing.multivalue())) r.routingPolicy = "MULTIVALUE";
  }
}
