package dev.relplan.iac.kubernetes;

import dev.relplan.model.Deadline;
import dev.relplan.model.RequestTimeout;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;
import dev.relplan.source.Location;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How long what sits in front of a Service waits for each request (docs/kubernetes-defaults.md,
 * "Request timeouts in front of Services"): an Ingress served by ingress-nginx ({@code
 * proxy-read-timeout}, 60 s by default) or by the AWS Load Balancer Controller (the ALB's {@code
 * idle_timeout.timeout_seconds}, 60 s by default), for each Service its rules name; a Service of
 * type LoadBalancer on AWS (the Classic Load Balancer's connection idle timeout, 60 s by default).
 * An Ingress of another or no known class, and a Network Load Balancer, give no limit.
 */
final class RequestTimeouts {
  static final String NGINX_READ_TIMEOUT = "nginx.ingress.kubernetes.io/proxy-read-timeout";
  static final String ALB_ATTRIBUTES = "alb.ingress.kubernetes.io/load-balancer-attributes";
  static final String ALB_IDLE_TIMEOUT = "idle_timeout.timeout_seconds";
  static final String ELB_IDLE_TIMEOUT =
      "service.beta.kubernetes.io/aws-load-balancer-connection-idle-timeout";
  static final String LB_TYPE = "service.beta.kubernetes.io/aws-load-balancer-type";
  private static final String AWS_SERVICE_ANNOTATIONS =
      "service.beta.kubernetes.io/aws-load-balancer-";

  private static final String INGRESS_CONSEQUENCE =
      "the ingress answers 504 to its client before the call gives up, while the container keeps"
          + " working on a request nobody waits for";
  private static final String LB_CONSEQUENCE =
      "the load balancer closes the idle connection and answers 504 before the call gives up,"
          + " while the container keeps working on a request nobody waits for";

  private RequestTimeouts() {}

  /** The limit an Ingress puts on the Services its rules and default backend name. */
  static void ingress(KubernetesObject o, String scope, Workload w) {
    MapNode annotations = Fields.map(o.node(), "metadata", "annotations");
    String ingressClass = ingressClass(o);
    Deadline.Limit limit;
    if (annotations != null && annotations.entry(NGINX_READ_TIMEOUT) != null
        || "nginx".equals(ingressClass)) {
      limit =
          new Deadline.Limit(
              "the ingress-nginx proxy-read-timeout of Ingress " + o.name(),
              seconds(annotations, NGINX_READ_TIMEOUT, o.kindLocation(), "ingress-nginx"),
              INGRESS_CONSEQUENCE);
    } else if (annotations != null && annotations.entry(ALB_ATTRIBUTES) != null
        || "alb".equals(ingressClass)) {
      limit =
          new Deadline.Limit(
              "the ALB idle timeout of Ingress " + o.name(),
              albIdleTimeout(annotations, o.kindLocation()),
              LB_CONSEQUENCE);
    } else {
      return; // another controller, or none known: its timeout is not known
    }
    for (String service : backends(o.node()))
      w.requestTimeouts.add(new RequestTimeout(scope, o.effectiveNamespace(), service, limit));
  }

  /** The limit of an AWS load balancer a Service of type LoadBalancer creates. */
  static void service(KubernetesObject o, String scope, Workload w) {
    if (!"LoadBalancer".equals(Fields.text(o.node(), "spec", "type"))) return;
    MapNode annotations = Fields.map(o.node(), "metadata", "annotations");
    String lbType = annotations == null ? null : Fields.text(annotations, LB_TYPE);
    // A Network Load Balancer ("nlb", or "external" with the AWS Load Balancer Controller) passes
    // TCP through with a 350 s idle timeout that bounds no HTTP request: no limit.
    if (lbType != null) return;
    // Which cloud's load balancer the Service gets shows only in its annotations: without an AWS
    // one (a GKE or AKS manifest, or one left to the cluster's defaults) the idle timeout is not
    // known, and guessing the Classic Load Balancer's would be a guess.
    if (!hasAwsAnnotation(annotations)) return;
    w.requestTimeouts.add(
        new RequestTimeout(
            scope,
            o.effectiveNamespace(),
            o.name(),
            new Deadline.Limit(
                "the load balancer idle timeout of Service " + o.name(),
                seconds(
                    annotations, ELB_IDLE_TIMEOUT, o.kindLocation(), "the Classic Load Balancer"),
                LB_CONSEQUENCE)));
  }

  private static boolean hasAwsAnnotation(MapNode annotations) {
    if (annotations == null) return false;
    for (MapNode.Entry e : annotations.entries())
      if (e.key().startsWith(AWS_SERVICE_ANNOTATIONS)) return true;
    return false;
  }

  /** {@code spec.ingressClassName}, else the legacy {@code kubernetes.io/ingress.class}. */
  private static String ingressClass(KubernetesObject o) {
    String name = Fields.text(o.node(), "spec", "ingressClassName");
    if (name != null) return name;
    MapNode annotations = Fields.map(o.node(), "metadata", "annotations");
    return annotations == null ? null : Fields.text(annotations, "kubernetes.io/ingress.class");
  }

  /** An annotation holding whole seconds; 60 s when unset (both controllers' default). */
  private static Value<Double> seconds(
      MapNode annotations, String key, Location object, String controller) {
    MapNode.Entry entry = annotations == null ? null : annotations.entry(key);
    if (entry == null || !(entry.value() instanceof ScalarNode s) || s.isNull())
      return Value.<Double>defaulted(60.0, controller + "'s default, 60 s")
          .withTrace(List.of(object));
    return wholeSeconds(s.text().strip(), key, Origins.trace(s));
  }

  /** {@code idle_timeout.timeout_seconds=N} among the ALB attributes; 60 s when not among them. */
  private static Value<Double> albIdleTimeout(MapNode annotations, Location object) {
    ScalarNode attributes = annotations == null ? null : Fields.scalar(annotations, ALB_ATTRIBUTES);
    if (attributes != null && attributes.text() != null)
      for (String attribute : attributes.text().split(",")) {
        int eq = attribute.indexOf('=');
        if (eq > 0 && attribute.substring(0, eq).strip().equals(ALB_IDLE_TIMEOUT))
          return wholeSeconds(
              attribute.substring(eq + 1).strip(), ALB_IDLE_TIMEOUT, Origins.trace(attributes));
      }
    return Value.<Double>defaulted(60.0, "the Application Load Balancer's default, 60 s")
        .withTrace(List.of(object));
  }

  private static Value<Double> wholeSeconds(String text, String key, List<Location> trace) {
    try {
      return Value.explicit((double) Integer.parseInt(text), trace);
    } catch (NumberFormatException e) {
      return Value.unresolved(key + " is '" + text + "', not a whole number of seconds", trace);
    }
  }

  /** The Services an Ingress sends requests to (networking.k8s.io/v1 and the older v1beta1). */
  private static Set<String> backends(MapNode ingress) {
    Set<String> out = new LinkedHashSet<>();
    backend(Fields.at(ingress, "spec", "defaultBackend"), out);
    backend(Fields.at(ingress, "spec", "backend"), out);
    for (Node rule : Fields.seq(ingress, "spec", "rules"))
      for (Node path : Fields.seq(rule, "http", "paths")) backend(Fields.at(path, "backend"), out);
    return out;
  }

  private static void backend(Node backend, Set<String> out) {
    if (backend == null) return;
    String name = Fields.text(backend, "service", "name");
    if (name == null) name = Fields.text(backend, "serviceName");
    if (name != null) out.add(name);
  }
}
