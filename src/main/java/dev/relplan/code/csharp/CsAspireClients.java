package dev.relplan.code.csharp;

import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * .NET Aspire client integrations ({@code builder.AddNpgsqlDbContext<T>("db")}, {@code
 * AddRedisClient("cache")}, {@code AddRabbitMQClient("bus")}, {@code AddKafkaProducer<K,
 * V>("kafka")}, ...): each registration is an integration of its kind at the registration line,
 * since the code that uses the registered client is not traced. The connection string and the
 * {@code Aspire:*} configuration sections come from configuration, which is not read: the library
 * defaults Aspire leaves in place are shown as defaults, with that said (docs/client-defaults.md,
 * ".NET Aspire client integrations").
 */
final class CsAspireClients {
  /** What one Aspire registration method registers. */
  private record Client(
      Integration.Kind kind, String client, String store, String timeout, String retry) {}

  private static final String NPGSQL_TIMEOUT = "30 s (Npgsql default Command Timeout)";
  private static final String SQL_TIMEOUT = "30 s (SqlCommand default CommandTimeout)";
  private static final String EF_RETRY =
      "EF Core retrying execution strategy enabled by Aspire (DisableRetry = false): 6 retries, up"
          + " to 30 s apart";
  private static final String REDIS_TIMEOUT =
      "5000 ms syncTimeout and asyncTimeout (StackExchange.Redis defaults)";
  private static final String KAFKA_TIMEOUT =
      "socket.timeout.ms 60 s, request.timeout.ms 30 s, message.timeout.ms 300 s (librdkafka"
          + " defaults)";

  private static final Map<String, Client> CLIENTS =
      Map.ofEntries(
          Map.entry("AddNpgsqlDbContext", npgsqlEf()),
          Map.entry("EnrichNpgsqlDbContext", npgsqlEf()),
          Map.entry(
              "AddNpgsqlDataSource",
              new Client(
                  Integration.Kind.DATABASE,
                  "Npgsql (Aspire)",
                  "PostgreSQL",
                  NPGSQL_TIMEOUT,
                  null)),
          Map.entry("AddSqlServerDbContext", sqlServerEf()),
          Map.entry("EnrichSqlServerDbContext", sqlServerEf()),
          Map.entry(
              "AddSqlServerClient",
              new Client(
                  Integration.Kind.DATABASE,
                  "Microsoft.Data.SqlClient (Aspire)",
                  "SQL Server",
                  SQL_TIMEOUT,
                  null)),
          Map.entry("AddRedisClient", redis()),
          Map.entry("AddRedisDistributedCache", redis()),
          Map.entry("AddRedisOutputCache", redis()),
          Map.entry(
              "AddRabbitMQClient",
              new Client(
                  Integration.Kind.MESSAGING,
                  "RabbitMQ.Client (Aspire)",
                  "RabbitMQ",
                  null,
                  "Aspire MaxConnectRetryCount 5 (connecting only)")),
          Map.entry(
              "AddKafkaProducer",
              new Client(
                  Integration.Kind.MESSAGING,
                  "Confluent.Kafka producer (Aspire)",
                  "Kafka",
                  KAFKA_TIMEOUT,
                  null)),
          Map.entry(
              "AddKafkaConsumer",
              new Client(
                  Integration.Kind.MESSAGING,
                  "Confluent.Kafka consumer (Aspire)",
                  "Kafka",
                  KAFKA_TIMEOUT,
                  null)));

  private static Client npgsqlEf() {
    return new Client(
        Integration.Kind.DATABASE,
        "Npgsql EF Core (Aspire)",
        "PostgreSQL",
        NPGSQL_TIMEOUT,
        EF_RETRY);
  }

  private static Client sqlServerEf() {
    return new Client(
        Integration.Kind.DATABASE,
        "SQL Server EF Core (Aspire)",
        "SQL Server",
        SQL_TIMEOUT,
        EF_RETRY);
  }

  private static Client redis() {
    return new Client(
        Integration.Kind.DATABASE, "StackExchange.Redis (Aspire)", "Redis", REDIS_TIMEOUT, null);
  }

  /**
   * Whether a call is an Aspire client registration that adds its health check (Aspire's default,
   * unless its settings say {@code DisableHealthChecks = true}).
   */
  static boolean registersHealthCheck(CsNode call) {
    if (aspireClient(call) == null) return false;
    CsNode disabled = setting(call, "DisableHealthChecks");
    return disabled == null || !disabled.text().equals("true");
  }

  /** What a call registers when it is an Aspire client registration on a builder, else null. */
  private static Client aspireClient(CsNode call) {
    String method = CsFile.method(call);
    return method == null || CsFile.receiver(call) == null ? null : CLIENTS.get(method);
  }

  private final CsFile f;

  CsAspireClients(CsFile f) {
    this.f = f;
  }

  /** Every Aspire client registration of the file, in source order. */
  List<Integration> find() {
    List<Integration> out = new ArrayList<>();
    for (CsNode call : f.calls()) {
      Client c = aspireClient(call);
      if (c != null) out.add(registered(call, c));
    }
    return out;
  }

  private Integration registered(CsNode call, Client c) {
    CsNode fn = call.field("function");
    CsNode name = fn.field("name") != null ? fn.field("name") : fn;
    Location at = f.at(name);
    Integration i =
        new Integration(f.file, CsFile.enclosing(call), c.kind(), c.client(), "csharp", at);
    i.clientLocation = at;
    List<CsNode> args = CsFile.args(call);
    String connection = args.isEmpty() ? null : args.get(0).stringValue();
    if (connection != null)
      i.target = Value.explicit(c.store() + " connection \"" + connection + "\"", List.of());
    String unread =
        "the connection string"
            + (connection == null ? "" : " \"" + connection + "\"")
            + " and the Aspire configuration section are not read";
    CsNode commandTimeout = setting(call, "CommandTimeout");
    if (commandTimeout != null) {
      i.timeout =
          Value.explicit(
              CsFile.shorten(commandTimeout.text()) + " s (Aspire CommandTimeout)",
              List.of(f.at(commandTimeout)));
    } else if (c.timeout() != null) {
      i.timeout = Value.defaulted(c.timeout(), "the library's default applies; " + unread);
    } else {
      i.timeout =
          Value.unresolved(
              "whether a publish waits while the broker blocks the connection is not decided for"
                  + " RabbitMQ.Client; "
                  + unread,
              List.of(at));
    }
    if (c.retry() != null) retry(i, call, c.retry());
    return i;
  }

  private void retry(Integration i, CsNode call, String retry) {
    CsNode disabled = setting(call, "DisableRetry");
    if (disabled != null && disabled.text().equals("true")) {
      i.retry = Value.explicit("disabled: DisableRetry = true", List.of(f.at(disabled)));
      return;
    }
    i.retry = Value.defaulted(retry, "Aspire's default");
  }

  /**
   * {@code settings => settings.Name = value} in a lambda argument of the registration (Aspire's
   * configureSettings); null when not set there.
   */
  private static CsNode setting(CsNode call, String name) {
    for (CsNode a : CsFile.args(call)) {
      if (!a.is("lambda_expression")) continue;
      for (CsNode assignment : a.all("assignment_expression")) {
        CsNode left = assignment.field("left");
        if (left != null
            && left.is("member_access_expression")
            && left.field("name") != null
            && left.field("name").text().equals(name)) return assignment.field("right");
      }
    }
    return null;
  }
}
