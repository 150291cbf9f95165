package dev.relplan.rules.resilience;

import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.rules.*;
import dev.relplan.source.Location;
import java.util.List;

/**
 * An outbound call in application code that can wait forever: no timeout set and no finite library
 * default.
 */
public final class CodeCallNoTimeout extends BaseRule {
  public CodeCallNoTimeout() {
    super(
        RuleMeta.builder("REL-CODE-CALL-NO-TIMEOUT")
            .flag("RP-NO-TIMEOUT")
            .domain(Domain.RESILIENCE)
            .title("Outbound call in application code has no timeout")
            .bestPractices("REL05-BP05")
            .impact(
                Impact.SEVERE,
                "A dependency that stops answering holds the calling thread and connection forever; the caller's pools fill up and it fails as well, spreading the outage.")
            .likelihood(
                Likelihood.MEDIUM,
                "Every remote dependency eventually hangs or slows down (network partitions, overloaded servers, half-open connections).")
            .tier(Tier.QUICK_WIN)
            .effort("Hours: set connect and read/response timeouts on the client")
            .remediation(
                "Set a connect timeout and a read/response (or whole-call) timeout on the client, shorter than the caller's own deadline (e.g. the Lambda or API Gateway timeout); for java.net.http set HttpRequest.Builder.timeout, for RestTemplate use a request factory with a read timeout, for WebClient set a responseTimeout or a timeout() operator.")
            .advice(
                Fix.in(
                        Dialect.JAVA,
                        "Bound every AWS SDK call: apiCallAttemptTimeout and apiCallTimeout in the client's overrideConfiguration, shorter than the caller's own deadline.",
                        """
                SqsClient sqs = SqsClient.builder()
                    .overrideConfiguration(o -> o
                        .apiCallAttemptTimeout(Duration.ofSeconds(2))
                        .apiCallTimeout(Duration.ofSeconds(5)))
                    .build();
                """)
                    .onClient("AWS SDK for Java 2.x"),
                Fix.in(
                        Dialect.JAVA,
                        "Bound every AWS SDK call with the ClientConfiguration's connection, socket and client-execution timeouts, shorter than the caller's own deadline.",
                        """
                ClientConfiguration config = new ClientConfiguration()
                    .withConnectionTimeout(2_000)
                    .withSocketTimeout(5_000)
                    .withClientExecutionTimeout(8_000);
                """)
                    .onClient("AWS SDK for Java 1.x"),
                Fix.in(
                        Dialect.JAVA,
                        "Set a connect timeout on the HttpClient and a timeout on each HttpRequest, shorter than the caller's own deadline.",
                        """
                HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
                HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(5))
                    .build();
                """)
                    .onClient("java.net.http"),
                Fix.in(
                        Dialect.JAVA,
                        "Give the RestTemplate or RestClient a request factory with connect and read timeouts, shorter than the caller's own deadline.",
                        """
                SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
                factory.setConnectTimeout(Duration.ofSeconds(2));
                factory.setReadTimeout(Duration.ofSeconds(5));
                RestTemplate rest = new RestTemplate(factory);
                """)
                    .onClient("Spring RestTemplate", "Spring RestClient"),
                Fix.in(
                        Dialect.JAVA,
                        "Set a responseTimeout on the WebClient's Reactor Netty HttpClient (and a connect timeout), or a timeout() operator on the call, shorter than the caller's own deadline.",
                        """
                HttpClient http = HttpClient.create()
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2_000)
                    .responseTimeout(Duration.ofSeconds(5));
                WebClient client = WebClient.builder()
                    .clientConnector(new ReactorClientHttpConnector(http))
                    .build();
                """)
                    .onClient("Spring WebClient"),
                Fix.in(
                        Dialect.JAVA,
                        "Set connect, read and whole-call timeouts on the OkHttpClient, shorter than the caller's own deadline.",
                        """
                OkHttpClient client = new OkHttpClient.Builder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .readTimeout(Duration.ofSeconds(5))
                    .callTimeout(Duration.ofSeconds(8))
                    .build();
                """)
                    .onClient("OkHttp", "Retrofit"),
                Fix.in(
                        Dialect.JAVA,
                        "Set connect and response timeouts in the client's RequestConfig, shorter than the caller's own deadline.",
                        """
                RequestConfig config = RequestConfig.custom()
                    .setConnectionRequestTimeout(Timeout.ofSeconds(1))
                    .setResponseTimeout(Timeout.ofSeconds(5))
                    .build();
                """)
                    .onClient("Apache HttpClient 5"),
                Fix.in(
                        Dialect.JAVA,
                        "Set connect, connection-request and socket timeouts in the client's RequestConfig, shorter than the caller's own deadline.",
                        """
                RequestConfig config = RequestConfig.custom()
                    .setConnectTimeout(2_000)
                    .setConnectionRequestTimeout(1_000)
                    .setSocketTimeout(5_000)
                    .build();
                """)
                    .onClient("Apache HttpClient 4"),
                Fix.in(
                    Dialect.JAVA,
                    "Set a connect timeout and a read (or whole-call) timeout on the client this call goes through, shorter than the caller's own deadline (e.g. the Lambda or API Gateway timeout)."),
                Fix.in(
                        Dialect.PYTHON,
                        "Give the boto3 client a botocore Config with connect_timeout and read_timeout, shorter than the caller's own deadline.",
                        """
                from botocore.config import Config

                sqs = boto3.client(
                    "sqs",
                    config=Config(connect_timeout=2, read_timeout=5, retries={"max_attempts": 3, "mode": "standard"}),
                )
                """)
                    .onClient("boto3", "botocore"),
                Fix.in(
                        Dialect.PYTHON,
                        "Pass timeout=(connect, read) on every requests call (requests has no default timeout), shorter than the caller's own deadline.",
                        """
                response = requests.get(url, timeout=(2, 5))
                """)
                    .onClient("requests"),
                Fix.in(
                        Dialect.PYTHON,
                        "Give the httpx client an explicit httpx.Timeout, shorter than the caller's own deadline.",
                        """
                client = httpx.Client(timeout=httpx.Timeout(5.0, connect=2.0))
                """)
                    .onClient("httpx"),
                Fix.in(
                        Dialect.PYTHON,
                        "Give the aiohttp session a ClientTimeout with total and connect limits, shorter than the caller's own deadline.",
                        """
                timeout = aiohttp.ClientTimeout(total=8, connect=2)
                async with aiohttp.ClientSession(timeout=timeout) as session:
                    ...
                """)
                    .onClient("aiohttp"),
                Fix.in(
                        Dialect.PYTHON,
                        "Give the pool a urllib3.Timeout with connect and read limits, shorter than the caller's own deadline.",
                        """
                http = urllib3.PoolManager(timeout=urllib3.Timeout(connect=2.0, read=5.0))
                """)
                    .onClient("urllib3"),
                Fix.in(
                    Dialect.PYTHON,
                    "Set a connect and a read timeout on the client this call goes through, shorter than the caller's own deadline (e.g. the Lambda or API Gateway timeout)."),
                Fix.in(
                        Dialect.GO,
                        "Pass a context with a deadline to every AWS SDK call (context.WithTimeout), shorter than the caller's own deadline.",
                        """
                ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
                defer cancel()
                out, err := client.SendMessage(ctx, input)
                """)
                    .onClient("aws-sdk-go"),
                Fix.in(
                        Dialect.GO,
                        "Use an http.Client with a Timeout instead of http.DefaultClient (which has none), or a request built with http.NewRequestWithContext under context.WithTimeout.",
                        """
                var client = &http.Client{Timeout: 5 * time.Second}

                ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
                defer cancel()
                req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
                resp, err := client.Do(req)
                """)
                    .onClient("net/http"),
                Fix.in(
                    Dialect.GO,
                    "Pass a context with a deadline (context.WithTimeout) to the call, or set the client's own timeouts, shorter than the caller's own deadline.",
                    """
                ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
                defer cancel()
                """),
                Fix.in(
                        Dialect.CSHARP,
                        "Set Timeout (and ReadWriteTimeout where the client has it) on the client's config, or pass a CancellationToken that is cancelled after a deadline.",
                        """
                var config = new AmazonSQSConfig { Timeout = TimeSpan.FromSeconds(5) };
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(8));
                await sqs.SendMessageAsync(request, cts.Token);
                """)
                    .onClient("AWS SDK for .NET"),
                Fix.in(
                        Dialect.CSHARP,
                        "Set HttpClient.Timeout (or the typed client's in AddHttpClient) to a value shorter than the caller's own deadline, or pass a CancellationToken with CancelAfter.",
                        """
                services.AddHttpClient<QuotesClient>(client =>
                {
                    client.Timeout = TimeSpan.FromSeconds(5);
                });
                """)
                    .onClient("HttpClient"),
                Fix.in(
                    Dialect.CSHARP,
                    "Set the client's timeout, or pass a CancellationToken cancelled after a deadline shorter than the caller's own."),
                Fix.in(
                        Dialect.JAVASCRIPT,
                        "Give the client's NodeHttpHandler a connectionTimeout and requestTimeout, shorter than the caller's own deadline.",
                        """
                const client = new SQSClient({
                  requestHandler: new NodeHttpHandler({ connectionTimeout: 2000, requestTimeout: 5000 }),
                });
                """)
                    .onClient("AWS SDK for JavaScript v3"),
                Fix.in(
                        Dialect.JAVASCRIPT,
                        "Set httpOptions connectTimeout and timeout on the client, shorter than the caller's own deadline.",
                        """
                const sqs = new AWS.SQS({ httpOptions: { connectTimeout: 2000, timeout: 5000 } });
                """)
                    .onClient("AWS SDK for JavaScript v2"),
                Fix.in(
                        Dialect.JAVASCRIPT,
                        "Pass an AbortSignal.timeout(ms) as the request's signal (fetch has no timeout of its own), shorter than the caller's own deadline.",
                        """
                const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
                """)
                    .onClient("fetch", "node-fetch"),
                Fix.in(
                        Dialect.JAVASCRIPT,
                        "Set a timeout on the axios instance or request (axios defaults to 0, no timeout), shorter than the caller's own deadline.",
                        """
                const api = axios.create({ baseURL, timeout: 5000 });
                """)
                    .onClient("axios"),
                Fix.in(
                        Dialect.JAVASCRIPT,
                        "Set got's timeout option (e.g. timeout.request), shorter than the caller's own deadline.",
                        """
                const body = await got(url, { timeout: { request: 5000 } }).json();
                """)
                    .onClient("got"),
                Fix.in(
                    Dialect.JAVASCRIPT,
                    "Set a timeout on the client this call goes through, or pass an AbortSignal.timeout(ms), shorter than the caller's own deadline."))
            .formats(InputFormat.CODE)
            .build());
  }

  @Override
  public void check(Workload w, Context ctx, Findings out) {
    List<Location> bounded = new java.util.ArrayList<>();
    for (Integration i : w.integrations) {
      if (i.timeout.isExplicit()) bounded.addAll(Findings.evidence(i, i.timeout));
      if (i.timeout.present()) continue;
      Value<String> client = clientValue(i);
      if (i.timeout.unresolved()) {
        out.report(this, i, "", "", i.timeout);
        continue;
      }
      out.report(
          this,
          i,
          i.client + " call in " + i.enclosing + " has no timeout",
          "The call at "
              + i.location
              + (i.target.present() ? " to " + i.target.get() : "")
              + " goes through "
              + i.client
              + (i.clientLocation != null ? " built at " + i.clientLocation : "")
              + ": "
              + i.timeout.note()
              + ".",
          client,
          i.timeout);
    }
    if (!bounded.isEmpty()) {
      long calls = w.integrations.stream().filter(i -> i.timeout.isExplicit()).count();
      out.strength(
          this,
          calls
              + " of "
              + w.integrations.size()
              + " outbound call(s) in application code set an explicit timeout",
          bounded.stream().distinct().limit(8).toList());
    }
    List<Integration> pools = w.integrations.stream().filter(i -> i.pool.isExplicit()).toList();
    if (!pools.isEmpty()) {
      out.strength(
          this,
          pools.size()
              + " database/cache client(s) in application code set connection-pool limits (pool size, wait for a connection, idle timeout)",
          pools.stream()
              .flatMap(i -> Findings.evidence(i, i.pool).stream())
              .distinct()
              .limit(8)
              .toList());
    }
  }

  /**
   * The client's construction line as a deciding value, so it follows the call line in the
   * evidence.
   */
  static Value<String> clientValue(Integration i) {
    return i.clientLocation == null || i.clientLocation.equals(i.location)
        ? Value.absent()
        : Value.explicit(i.client, List.of(i.clientLocation));
  }
}
