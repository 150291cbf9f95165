package dev.relplan.iac.kubernetes;

import dev.relplan.model.Probe;
import dev.relplan.model.Value;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * The containers' readiness, liveness and startup probes, each with its mechanism and, for {@code
 * httpGet}, its path and port (Kubernetes API: Probe, ProbeHandler; a probe sets exactly one of
 * {@code httpGet}, {@code grpc}, {@code tcpSocket}, {@code exec}).
 */
final class Probes {
  private static final List<String> MECHANISMS = List.of("httpGet", "grpc", "tcpSocket", "exec");

  private Probes() {}

  static List<Probe> of(MapNode podSpec) {
    List<Probe> out = new ArrayList<>();
    for (Node c : Fields.seq(podSpec, "containers")) {
      String container = Fields.text(c, "name");
      if (!(c instanceof MapNode m)) continue;
      probe(m, "readinessProbe", Probe.Purpose.READINESS, container, out);
      probe(m, "livenessProbe", Probe.Purpose.LIVENESS, container, out);
      probe(m, "startupProbe", Probe.Purpose.STARTUP, container, out);
    }
    return out;
  }

  private static void probe(
      MapNode container, String key, Probe.Purpose purpose, String name, List<Probe> out) {
    MapNode.Entry entry = container.entry(key);
    if (entry == null || !(entry.value() instanceof MapNode probe)) return;
    String mechanism = null;
    for (String m : MECHANISMS) if (probe.has(m)) mechanism = mechanism == null ? m : mechanism;
    Value<String> path = Value.absent();
    Value<String> port = Value.absent();
    if ("httpGet".equals(mechanism)) {
      path = text(probe, "path", "httpGet path is not a string");
      port = text(probe, "port", "httpGet port is not a number or name");
      // The API reference (HTTPGetAction.path) documents no default path.
      if (!path.present())
        path =
            Value.unresolved(
                "httpGet without path: the Kubernetes API documents no default path",
                List.of(entry.keyLocation()));
    }
    String grpcService = null;
    if ("grpc".equals(mechanism)) {
      // GRPCAction.service: "If this is not specified, the default behavior is defined by gRPC",
      // which asks about the server as a whole (the empty service name).
      String service = Fields.text(probe, "grpc", "service");
      grpcService = service == null ? "" : service;
    }
    if ("exec".equals(mechanism)) {
      ProbeCommands.Request request = execRequest(probe);
      if (request != null && request.httpPath() != null)
        path = Value.explicit(request.httpPath(), wordHolding(probe, request.httpPath()));
      if (request != null) grpcService = request.grpcService();
    }
    Probe p = new Probe(name, purpose, mechanism, entry.keyLocation(), path, port);
    p.grpcService = grpcService;
    // Probe API, timeoutSeconds: "Defaults to 1 second. Minimum value is 1."
    p.timeoutSeconds =
        Fields.integer(
            probe,
            "timeoutSeconds",
            Value.defaulted(1, "the Kubernetes default probe timeout, 1 s"));
    out.add(p);
  }

  /** What an exec probe's command requests of its pod, or null (see {@link ProbeCommands}). */
  private static ProbeCommands.Request execRequest(MapNode probe) {
    List<String> argv = new ArrayList<>();
    for (Node word : Fields.seq(probe, "exec", "command")) {
      if (!(word instanceof ScalarNode s)) return null;
      argv.add(s.text());
    }
    return argv.isEmpty() ? null : ProbeCommands.read(argv);
  }

  /** The line of the command word the requested path was read from. */
  private static List<Location> wordHolding(MapNode probe, String path) {
    for (Node word : Fields.seq(probe, "exec", "command"))
      if (word instanceof ScalarNode s && s.text().contains(path)) return Origins.trace(s);
    return List.of();
  }

  private static Value<String> text(MapNode probe, String key, String notText) {
    Node n = Fields.at(probe, "httpGet", key);
    if (n == null || n instanceof ScalarNode s && s.isNull()) return Value.absent();
    if (!(n instanceof ScalarNode s)) return Value.unresolved(notText, List.of(n.location()));
    return Value.explicit(s.text().strip(), Origins.trace(s));
  }
}
