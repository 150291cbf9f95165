package dev.relplan.model;

/**
 * How long a load balancer or ingress in front of a Kubernetes Service waits for each request it
 * forwards (an ingress-nginx proxy-read-timeout, an AWS load balancer's idle timeout), for the
 * Service {@code service} of {@code namespace} defined in {@code scope}: the deadline of the code
 * the Service's pods run (docs/deadline-budgets.md, "Container services").
 */
public record RequestTimeout(
    String scope, String namespace, String service, Deadline.Limit limit) {}
