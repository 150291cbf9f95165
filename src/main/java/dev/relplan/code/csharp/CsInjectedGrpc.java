package dev.relplan.code.csharp;

import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import java.util.List;

/**
 * A gRPC client injected after {@code AddGrpcClient<Service.ServiceClient>(...)}: the factory sends
 * its calls through the named HttpClient it binds the client to, so the handlers of its builder
 * steps and of {@code ConfigureHttpClientDefaults} (the standard resilience handler's total
 * timeout, retries and circuit breaker) apply to every call (docs/client-defaults.md, "gRPC").
 */
final class CsInjectedGrpc {
  private CsInjectedGrpc() {}

  /**
   * The call's deadline, else the handlers' timeout; builder steps that are not read may add a
   * deadline (an interceptor, EnableCallContextPropagation, a custom extension), so with any of
   * them the call is undetermined; with none, the call has no deadline.
   */
  static void apply(
      Integration i, Value<String> atCall, CsRegistrations.HttpClientRegistration registration) {
    i.clientLocation = registration.at;
    if (registration.baseAddress != null && registration.baseAddress.contains("://"))
      i.target =
          Value.explicit(
              i.target.get()
                  + " at "
                  + registration.baseAddress.substring(registration.baseAddress.indexOf("://") + 3),
              List.of());
    CsResilience.Features handlers = registration.handlers;
    if (handlers.retry.present()) {
      i.retry = handlers.retry;
      i.attempts = handlers.attempts;
    }
    if (handlers.breaker.present()) i.circuitBreaker = handlers.breaker;
    if (handlers.fallback.present()) i.fallback = handlers.fallback;
    if (atCall.isExplicit() || atCall.unresolved()) {
      i.timeout = atCall;
    } else if (handlers.timeout.present()) {
      i.timeout = handlers.timeout;
      i.attemptSeconds = CsWaits.attempt(handlers.timeout);
      if (!i.attempts.present()) i.attempts = Value.defaulted(1, "no handler retries the call");
    } else if (!registration.unread.isEmpty()) {
      i.timeout =
          Value.unresolved(
              "the AddGrpcClient registration's steps "
                  + String.join(", ", registration.unread)
                  + " are not read and may give calls a deadline; the call passes none",
              List.of(registration.at));
    } else {
      i.timeout =
          CsCalls.none(
              "gRPC sets no deadline by default, and neither the call nor its AddGrpcClient"
                  + " registration (no resilience handler, interceptor or call context"
                  + " propagation) sets one",
              List.of(registration.at));
      i.attemptSeconds = CsWaits.attempt(i.timeout);
    }
  }
}
