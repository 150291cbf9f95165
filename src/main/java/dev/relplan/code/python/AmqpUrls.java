package dev.relplan.code.python;

/** The parts of an AMQP URL (amqp://user:pass@host:port/vhost?options) relplan reads. */
final class AmqpUrls {
  private AmqpUrls() {}

  /** The host of the URL, or null when it has none. */
  static String host(String url) {
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

  /** The value of a query option, or null when the URL does not set it. */
  static String queryOption(String url, String option) {
    int query = url.indexOf('?');
    if (query < 0) return null;
    for (String pair : url.substring(query + 1).split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      if (key.equals(option)) return eq < 0 ? "" : pair.substring(eq + 1);
    }
    return null;
  }
}
