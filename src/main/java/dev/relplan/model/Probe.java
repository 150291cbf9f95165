package dev.relplan.model;

import dev.relplan.source.Location;
import java.util.Objects;

/**
 * A container's health probe (Kubernetes {@code readinessProbe}, {@code livenessProbe} or {@code
 * startupProbe}), located at its key. {@link #httpPath} and {@link #port} are explicit for an
 * {@code httpGet} probe, {@link #httpPath} also for an {@code exec} probe whose command requests a
 * path of its own pod (curl, wget); absent for the other mechanisms, which name no HTTP path.
 * {@link #handler} is the code's health endpoint serving the path once linked (unambiguously), else
 * null with {@link #unlinkedReason}.
 */
public final class Probe {
  public enum Purpose {
    READINESS,
    LIVENESS,
    STARTUP
  }

  public final String container;
  public final Purpose purpose;

  /** {@code httpGet}, {@code grpc}, {@code tcpSocket}, {@code exec}, or null when none is set. */
  public final String mechanism;

  public final Location location;
  public final Value<String> httpPath;
  public final Value<String> port;

  /**
   * Set when the probe asks the gRPC health service (a {@code grpc} probe, or {@code
   * grpc_health_probe} run by an exec probe): the service name asked about, "" for the server as a
   * whole.
   */
  public String grpcService;

  /**
   * How long the kubelet waits for one check ({@code timeoutSeconds}; 1 s by default), which is the
   * deadline of the calls its handler makes.
   */
  public Value<Integer> timeoutSeconds = Value.absent();

  public HealthEndpoint handler;
  public String unlinkedReason;

  public Probe(
      String container,
      Purpose purpose,
      String mechanism,
      Location location,
      Value<String> httpPath,
      Value<String> port) {
    this.container = container;
    this.purpose = purpose;
    this.mechanism = mechanism;
    this.location = location;
    this.httpPath = httpPath;
    this.port = port;
  }

  /** Whether both probes ask the same question: the same mechanism, HTTP path and port. */
  public boolean sameCheckAs(Probe other) {
    if (httpPath.unresolved() || other.httpPath.unresolved()) return false;
    return Objects.equals(mechanism, other.mechanism)
        && Objects.equals(httpPath.orElse(null), other.httpPath.orElse(null))
        && Objects.equals(port.orElse(null), other.port.orElse(null));
  }
}
