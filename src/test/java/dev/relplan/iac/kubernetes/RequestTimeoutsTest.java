package dev.relplan.iac.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.model.RequestTimeout;
import dev.relplan.model.Value;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The request timeouts ingresses and load balancers put in front of Services. */
class RequestTimeoutsTest {
  @TempDir Path repo;

  private List<RequestTimeout> timeouts(String manifest) throws IOException {
    Files.writeString(repo.resolve("front.yaml"), manifest);
    return Pipeline.run(new Pipeline.Request(List.of(repo), "t", Context.defaults(), List.of()))
        .workload()
        .requestTimeouts;
  }

  @Test
  void albIdleTimeoutIsReadFromAmongTheLoadBalancerAttributes() throws IOException {
    List<RequestTimeout> found =
        timeouts(
            """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: shop
              annotations:
                alb.ingress.kubernetes.io/load-balancer-attributes: routing.http2.enabled=true,idle_timeout.timeout_seconds=180
            spec:
              rules:
                - http:
                    paths:
                      - path: /
                        pathType: Prefix
                        backend: {service: {name: web, port: {number: 80}}}
            """);
    assertThat(found).singleElement().extracting(RequestTimeout::service).isEqualTo("web");
    Value<Double> seconds = found.get(0).limit().seconds();
    assertThat(seconds.isExplicit()).isTrue();
    assertThat(seconds.get()).isEqualTo(180.0);
    assertThat(seconds.trace().get(0).line()).isEqualTo(6);
  }

  @Test
  void nginxIngressWithoutTheAnnotationWaitsTheDefaultSixtySecondsForEveryBackend()
      throws IOException {
    List<RequestTimeout> found =
        timeouts(
            """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: shop
            spec:
              ingressClassName: nginx
              defaultBackend: {service: {name: web, port: {number: 80}}}
              rules:
                - http:
                    paths:
                      - path: /api
                        pathType: Prefix
                        backend: {service: {name: api, port: {number: 80}}}
            """);
    assertThat(found).extracting(RequestTimeout::service).containsExactly("web", "api");
    assertThat(found.get(0).limit().seconds().isExplicit()).isFalse();
    assertThat(found.get(0).limit().seconds().get()).isEqualTo(60.0);
  }

  @Test
  void ingressOfAnUnknownControllerGivesNoLimit() throws IOException {
    assertThat(
            timeouts(
                """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: shop
                spec:
                  ingressClassName: traefik
                  defaultBackend: {service: {name: web, port: {number: 80}}}
                """))
        .isEmpty();
  }

  @Test
  void networkLoadBalancerServiceGivesNoLimitButAClassicOneReadsItsIdleTimeout()
      throws IOException {
    List<RequestTimeout> found =
        timeouts(
            """
            apiVersion: v1
            kind: Service
            metadata:
              name: tcp
              annotations:
                service.beta.kubernetes.io/aws-load-balancer-type: nlb
            spec:
              type: LoadBalancer
              selector: {app: tcp}
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: web
              annotations:
                service.beta.kubernetes.io/aws-load-balancer-connection-idle-timeout: "300"
            spec:
              type: LoadBalancer
              selector: {app: web}
            """);
    assertThat(found).singleElement().extracting(RequestTimeout::service).isEqualTo("web");
    assertThat(found.get(0).limit().seconds().get()).isEqualTo(300.0);
  }

  @Test
  void loadBalancerServiceWithoutAnAwsAnnotationGivesNoLimit() throws IOException {
    // A GKE or AKS manifest looks the same: which load balancer, and its timeout, is not known.
    assertThat(
            timeouts(
                """
                apiVersion: v1
                kind: Service
                metadata:
                  name: frontend-external
                spec:
                  type: LoadBalancer
                  selector: {app: frontend}
                """))
        .isEmpty();
  }
}
