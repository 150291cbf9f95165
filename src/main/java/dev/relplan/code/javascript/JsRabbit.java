package dev.relplan.code.javascript;

import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import dev.relplan.parse.javascript.JsFile;
import dev.relplan.parse.javascript.JsNode;
import java.util.List;

/**
 * RabbitMQ connections made with amqplib's {@code connect(url, socketOptions)} (promise and
 * callback APIs). amqplib puts no timeout on channel operations: an RPC (assertQueue, a confirm
 * awaited with waitForConfirms) waits until the broker answers or the connection closes, and the
 * broker withholds answers to publishers it blocks. Sources: docs/client-defaults.md, "RabbitMQ".
 */
final class JsRabbit {
  private final JsFile f;

  JsRabbit(JsFile f) {
    this.f = f;
  }

  /** The connection a call makes, or null. */
  Integration call(JsNode call) {
    String q = f.qualify(call.field("function"));
    if (!"amqplib.connect".equals(q) && !"amqplib/callback_api.connect".equals(q)) return null;
    Integration i =
        new Integration(
            f.file,
            f.enclosingName(call),
            Integration.Kind.MESSAGING,
            "amqplib",
            f.language,
            f.at(call));
    i.clientLocation = f.at(call);
    List<JsNode> args = JsFile.arguments(call);
    JsNode url = args.isEmpty() ? null : args.get(0).unwrap();
    if (url != null && url.is("string")) {
      String host = amqpHost(url.stringValue());
      if (host != null) i.target = Value.explicit("RabbitMQ " + host, List.of());
    }
    i.timeout =
        Value.<String>defaulted(
                null,
                "amqplib sets no timeout on channel operations: an RPC or a publisher confirm waits"
                    + " until the broker answers, which it does not while it blocks publishers"
                    + " (memory or disk alarm); socketOptions.timeout bounds only connecting")
            .withTrace(List.of(f.at(call)));
    return i;
  }

  private static String amqpHost(String url) {
    if (url == null) return null;
    int scheme = url.indexOf("://");
    if (scheme < 0) return null;
    String rest = url.substring(scheme + 3);
    int end = 0;
    while (end < rest.length() && "/?".indexOf(rest.charAt(end)) < 0) end++;
    rest = rest.substring(0, end);
    rest = rest.substring(rest.lastIndexOf('@') + 1);
    int colon = rest.indexOf(':');
    String host = colon < 0 ? rest : rest.substring(0, colon);
    return host.isEmpty() ? null : host;
  }
}
