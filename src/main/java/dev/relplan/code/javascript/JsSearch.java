package dev.relplan.code.javascript;

import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import dev.relplan.parse.javascript.JsFile;
import dev.relplan.parse.javascript.JsNode;
import java.util.List;

/**
 * Elasticsearch and OpenSearch clients made with {@code new Client({...})}. The creation is the
 * integration; {@code requestTimeout} bounds every request. @opensearch-project/opensearch defaults
 * it to 30 s; @elastic/elasticsearch did before 9.0 and has none from 9.0, and the installed
 * version is not read, so an unset one there is Cannot Determine. Sources: docs/client-defaults.md,
 * "Elasticsearch and OpenSearch".
 */
final class JsSearch {
  private final JsFile f;

  JsSearch(JsFile f) {
    this.f = f;
  }

  /** A client made with {@code new}, or null. */
  Integration creation(JsNode created) {
    String made = f.qualify(created.field("constructor"));
    if ("@elastic/elasticsearch.Client".equals(made))
      return client(created, "@elastic/elasticsearch", "Elasticsearch");
    if ("@opensearch-project/opensearch.Client".equals(made))
      return client(created, "@opensearch-project/opensearch", "OpenSearch");
    return null;
  }

  private Integration client(JsNode created, String library, String store) {
    Integration i =
        new Integration(
            f.file,
            f.enclosingName(created),
            Integration.Kind.DATABASE,
            library,
            f.language,
            f.at(created));
    i.clientLocation = f.at(created);
    List<JsNode> args = JsFile.arguments(created);
    JsFile.Options options = f.options(args.isEmpty() ? null : args.get(0));
    JsNode node = options.get("node");
    if (node != null && node.unwrap().is("string"))
      i.target = Value.explicit(store + " " + node.unwrap().stringValue(), List.of());
    JsNode request = options.get("requestTimeout");
    if (request != null) {
      JsNode n = f.number(request);
      i.timeout =
          n != null && n.text().equals("0")
              ? Value.<String>defaulted(null, "requestTimeout 0: no request timeout")
                  .withTrace(List.of(f.at(request)))
              : Value.explicit(
                  "requestTimeout "
                      + (n != null
                          ? n.text() + " ms"
                          : "set from " + JsCalls.shorten(request.text())),
                  List.of(f.at(request)));
    } else if (!options.complete()) {
      i.timeout =
          Value.unresolved(
              "the client options come from "
                  + JsCalls.shorten(options.unknown.get(0).text())
                  + ", which may set requestTimeout",
              List.of(f.at(created)));
    } else if (store.equals("OpenSearch")) {
      i.timeout =
          Value.defaulted(
              "requestTimeout 30 s (" + library + " default)",
              library + "'s default request timeout applies");
    } else {
      i.timeout =
          Value.unresolved(
              "requestTimeout is unset: @elastic/elasticsearch defaults it to 30 s before 9.0 and to"
                  + " no timeout from 9.0, and the installed version is not read",
              List.of(f.at(created)));
    }
    return i;
  }
}
