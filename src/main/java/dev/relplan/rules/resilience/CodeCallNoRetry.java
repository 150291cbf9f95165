package dev.relplan.rules.resilience;

import dev.relplan.model.CodeOwners;
import dev.relplan.model.Function;
import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.rules.BaseRule;
import dev.relplan.rules.Context;
import dev.relplan.rules.Dialect;
import dev.relplan.rules.Domain;
import dev.relplan.rules.Findings;
import dev.relplan.rules.Fix;
import dev.relplan.rules.Impact;
import dev.relplan.rules.InputFormat;
import dev.relplan.rules.Likelihood;
import dev.relplan.rules.RuleMeta;
import dev.relplan.rules.Tier;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An HTTP request that nothing retries: not the client (its own retries, a mounted adapter, a retry
 * interceptor), not a resilience library around the call, not the caller (an asynchronous trigger
 * that redelivers the event). Only requests safe to retry are judged: GET, HEAD, PUT, DELETE,
 * OPTIONS, and POST or PATCH carrying an idempotency key; a request whose method is not known is
 * not judged. AWS SDK, database and messaging clients are not HTTP integrations here (SDK clients
 * retry by default; REL-CODE-SDK-RETRIES-DISABLED reports those that do not).
 */
public final class CodeCallNoRetry extends BaseRule {
  public static final String ID = "REL-CODE-CALL-NO-RETRY";

  /** Methods that are idempotent by definition (RFC 9110 §9.2.2). */
  static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE");

  /** Methods that are safe to retry only with an idempotency key. */
  static final Set<String> KEYED = Set.of("POST", "PATCH");

  public CodeCallNoRetry() {
    super(
        RuleMeta.builder(ID)
            .flag("RP-NO-RETRY")
            .domain(Domain.RESILIENCE)
            .title("HTTP request that is safe to retry is never retried")
            .bestPractices("REL05-BP03")
            .impact(
                Impact.MINOR,
                "A transient failure of the dependency (a reset connection, a 502 or 503 while it deploys or scales) fails this request, although a second attempt would most likely succeed; the caller sees an error it could have been spared.")
            .likelihood(
                Likelihood.MEDIUM,
                "Transient errors come from one component: a dependency's deploy, a connection closed by a load balancer, a brief overload.")
            .tier(Tier.QUICK_WIN)
            .effort("Hours: add a bounded retry with backoff and jitter to the client")
            .remediation(
                "Retry the request a bounded number of times (2-3 attempts) with exponential backoff and jitter, only on transient errors (connection errors, 429, 502, 503, 504), and keep the attempts times the timeout inside the caller's deadline. Retry POST and PATCH only with an idempotency key the dependency honours.")
            .advice(
                Fix.in(
                        Dialect.PYTHON,
                        "Mount an HTTPAdapter with a bounded urllib3 Retry on the session.",
                        """
                from requests.adapters import HTTPAdapter
                from urllib3.util.retry import Retry

                session = requests.Session()
                session.mount("https://", HTTPAdapter(max_retries=Retry(
                    total=2, backoff_factor=0.5, status_forcelist=[429, 502, 503, 504])))
                response = session.get(url, timeout=(2, 5))
                """)
                    .onClient("requests"),
                Fix.in(
                    Dialect.PYTHON,
                    "Wrap the call in a bounded retry with backoff and jitter (tenacity), or give the client a retrying transport.",
                    """
                from tenacity import retry, stop_after_attempt, wait_random_exponential

                @retry(stop=stop_after_attempt(3), wait=wait_random_exponential(max=2))
                def fetch_quote(client, url):
                    return client.get(url, timeout=5)
                """),
                Fix.in(
                        Dialect.JAVASCRIPT,
                        "Attach axios-retry to the axios instance with a bounded number of retries and exponential delay.",
                        """
                import axiosRetry from "axios-retry";

                const api = axios.create({ baseURL, timeout: 5000 });
                axiosRetry(api, { retries: 2, retryDelay: axiosRetry.exponentialDelay });
                """)
                    .onClient("axios"),
                Fix.in(
                    Dialect.JAVASCRIPT,
                    "Wrap the request in p-retry with a bounded number of retries (its default, 10, is too many for a request path).",
                    """
                import pRetry from "p-retry";

                const quote = await pRetry(
                  () => fetch(url, { signal: AbortSignal.timeout(5000) }),
                  { retries: 2, randomize: true });
                """),
                Fix.in(
                    Dialect.JAVA,
                    "Decorate the call with a Resilience4j Retry (or Spring @Retryable) with a bounded maxAttempts and exponential backoff.",
                    """
                Retry retry = Retry.of("pricing", RetryConfig.custom()
                    .maxAttempts(3)
                    .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(200, 2))
                    .build());
                HttpResponse<String> response =
                    Retry.decorateCheckedSupplier(retry, () -> client.send(request, ofString())).get();
                """),
                Fix.in(
                    Dialect.GO,
                    "Retry the request with a bounded retry-go loop (or hashicorp/go-retryablehttp) with backoff.",
                    """
                err := retry.Do(func() error {
                	resp, err := client.Do(req)
                	if err != nil {
                		return err
                	}
                	defer resp.Body.Close()
                	return checkStatus(resp)
                }, retry.Attempts(3), retry.DelayType(retry.BackOffDelay))
                """),
                Fix.in(
                    Dialect.CSHARP,
                    "Add a standard resilience handler (Microsoft.Extensions.Http.Resilience) or a Polly retry policy to the HttpClient.",
                    """
                services.AddHttpClient("pricing").AddStandardResilienceHandler();
                """))
            .formats(InputFormat.CODE)
            .build());
  }

  @Override
  public void check(Workload w, Context ctx, Findings out) {
    CodeOwners owners = CodeOwners.of(w);
    Map<String, List<Integration>> groups = new LinkedHashMap<>();
    for (Integration call : w.integrations) {
      if (call.kind != Integration.Kind.HTTP || !judged(call) || loopback(call)) continue;
      if (callerRetries(call, owners)) continue;
      String key =
          call.clientLocation != null
              ? call.clientLocation.toString()
              : call.client + "@" + call.location.file();
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(call);
    }
    for (List<Integration> calls : groups.values()) report(calls, out);
  }

  /**
   * A request safe to retry whose retries are known to be absent, or cannot be told (then Cannot
   * Determine). A retry anywhere, or a client that retries by itself, is not judged.
   */
  static boolean judged(Integration call) {
    if (call.retry.present()) return false;
    if (call.attempts.present() && call.attempts.get() > 1) return false;
    if (!call.httpMethod.present()) return false; // unknown idempotency: not judged
    String method = call.httpMethod.get();
    return IDEMPOTENT.contains(method) || KEYED.contains(method) && call.idempotencyKey;
  }

  /**
   * A request to this host (a Lambda extension on localhost, a sidecar): no network between them,
   * so transient failures a retry would absorb are rare.
   */
  private static boolean loopback(Integration call) {
    if (!call.target.present()) return false;
    String host = call.target.get().replaceFirst("^[a-z]+://", "").replaceFirst("[:/].*$", "");
    return host.equals("localhost") || host.startsWith("127.");
  }

  /**
   * A Lambda function all of whose triggers are asynchronous: the event source (SQS, SNS,
   * EventBridge, S3, streams) delivers the event again when the invocation fails, which retries the
   * call.
   */
  private static boolean callerRetries(Integration call, CodeOwners owners) {
    if (owners.isEmpty()) return false;
    Function owner = owners.owner(call.location.file(), call.enclosing);
    return owner != null
        && !owner.triggers.isEmpty()
        && owner.triggers.stream().allMatch(Function.Trigger::async);
  }

  private void report(List<Integration> calls, Findings out) {
    Integration first = calls.get(0);
    List<Location> others =
        calls.stream().skip(1).map(c -> c.location).filter(l -> !l.equals(first.location)).toList();
    String what =
        calls.size() == 1
            ? first.httpMethod.get() + " request through " + first.client
            : calls.size() + " requests through " + first.client;
    String where = first.target.present() ? " to " + first.target.get() : "";
    out.report(
        this,
        first,
        what
            + where
            + " in "
            + first.enclosing
            + (calls.size() == 1 ? " is" : " are")
            + " never retried",
        description(calls),
        Value.explicit(calls.size(), others),
        first.httpMethod,
        first.retry.unresolved() ? first.retry : Value.explicit("none", List.of()),
        first.attempts.unresolved() ? first.attempts : Value.absent(),
        CodeCallNoTimeout.clientValue(first));
  }

  private static String description(List<Integration> calls) {
    Integration first = calls.get(0);
    StringBuilder text = new StringBuilder();
    text.append(calls.size() == 1 ? "The request at " : "The requests at ");
    text.append(String.join(", ", calls.stream().map(c -> c.location.toString()).toList()));
    text.append(calls.size() == 1 ? " (" : " (methods ");
    text.append(String.join(", ", calls.stream().map(c -> c.httpMethod.get()).distinct().toList()));
    text.append(") go").append(calls.size() == 1 ? "es" : "").append(" through ");
    text.append(first.client);
    if (first.clientLocation != null) text.append(" built at ").append(first.clientLocation);
    text.append(", which does not retry (")
        .append(first.attempts.present() ? first.attempts.note() : "no retry configured")
        .append("), and no retry policy, resilience library or retrying caller wraps ")
        .append(calls.size() == 1 ? "it" : "them")
        .append(
            ". A transient failure of the dependency fails the request although it is safe to"
                + " send again");
    if (calls.stream().anyMatch(c -> KEYED.contains(c.httpMethod.get())))
      text.append(" (the POST or PATCH carries an idempotency key)");
    text.append(".");
    return text.toString();
  }
}
