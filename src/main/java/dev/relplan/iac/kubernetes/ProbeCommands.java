package dev.relplan.iac.kubernetes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What an exec probe's command asks of its own pod: an HTTP GET of a path (curl, wget, or podcli
 * {@code check http}), or the gRPC health service ({@code grpc_health_probe}). The command is
 * either an argument list or a shell script given to {@code sh -c}; scripts are split into words
 * and simple commands by a small tokenizer (quotes, backslashes, {@code ; & | && ||} and newlines),
 * and a script using substitutions ({@code $(…)}, backquotes) or variables in the address is not
 * read. Only requests to the pod itself (localhost, 127.0.0.1, ::1, 0.0.0.0 or no host) count: a
 * probe that calls another host checks that host, not this container's handler.
 */
final class ProbeCommands {
  /** An HTTP path requested, or the gRPC health service asked (service name, "" for the server). */
  record Request(String httpPath, String grpcService) {}

  private static final Set<String> SHELLS = Set.of("sh", "bash", "ash", "dash", "zsh");
  private static final Set<String> LOOPBACK =
      Set.of("", "localhost", "127.0.0.1", "::1", "[::1]", "0.0.0.0");
  private static final Set<String> CURL_ARGUMENTS =
      Set.of(
          "-H",
          "--header",
          "-o",
          "--output",
          "-m",
          "--max-time",
          "--connect-timeout",
          "-u",
          "--user",
          "-A",
          "--user-agent",
          "-e",
          "--referer",
          "-w",
          "--write-out",
          "--retry",
          "--retry-delay",
          "--retry-max-time",
          "--cacert",
          "--cert",
          "--key",
          "--resolve",
          "-b",
          "--cookie",
          "-c",
          "--cookie-jar",
          "--unix-socket",
          "-x",
          "--proxy",
          "-X",
          "--request",
          "--url");
  private static final Set<String> CURL_BODY =
      Set.of("-d", "--data", "--data-raw", "--data-binary", "--data-urlencode", "-F", "--form");
  private static final Set<String> WGET_ARGUMENTS =
      Set.of(
          "-O",
          "--output-document",
          "-o",
          "--output-file",
          "-T",
          "--timeout",
          "-t",
          "--tries",
          "-U",
          "--user-agent",
          "--header",
          "-P",
          "--directory-prefix",
          "-e",
          "--execute");
  private static final Set<String> PODCLI_ARGUMENTS =
      Set.of("--method", "--body", "--retry", "--delay", "--timeout");

  private ProbeCommands() {}

  /**
   * The request an exec command makes of its pod, or null when it makes none relplan reads (or
   * several).
   */
  static Request read(List<String> argv) {
    List<List<String>> commands = new ArrayList<>();
    if (argv.size() >= 3 && SHELLS.contains(base(argv.get(0))) && argv.get(1).equals("-c")) {
      List<List<String>> script = shellCommands(argv.get(2));
      if (script == null) return null;
      commands.addAll(script);
    } else {
      commands.add(argv);
    }
    Request found = null;
    for (List<String> words : commands) {
      if (words.isEmpty()) continue;
      Request r = request(words);
      if (r == null) continue;
      if (found != null) return null; // several requests: which one decides is not one handler
      found = r;
    }
    return found;
  }

  private static Request request(List<String> words) {
    String program = base(words.get(0));
    List<String> rest = words.subList(1, words.size());
    return switch (program) {
      case "curl" -> http(rest, CURL_ARGUMENTS, CURL_BODY, "-X", "--request");
      case "wget" -> http(rest, WGET_ARGUMENTS, Set.of("--post-data", "--post-file"), "", "");
      case "podcli" ->
          rest.size() >= 2 && rest.get(0).equals("check") && rest.get(1).equals("http")
              ? http(
                  rest.subList(2, rest.size()), PODCLI_ARGUMENTS, Set.of("--body"), "--method", "")
              : null;
      case "grpc_health_probe" -> grpc(rest);
      default -> null;
    };
  }

  /**
   * The path of the one address among a client's words (options taking an argument skip it); null
   * when the request is not a GET to the pod.
   */
  private static Request http(
      List<String> words, Set<String> withArgument, Set<String> body, String method, String alias) {
    String url = null;
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      String option = w.contains("=") && w.startsWith("--") ? w.substring(0, w.indexOf('=')) : w;
      String value =
          option.equals(w)
              ? (i + 1 < words.size() ? words.get(i + 1) : "")
              : w.substring(w.indexOf('=') + 1);
      if (body.contains(option)) return null; // sends a body: not the GET the handler is read for
      if ((option.equals(method) || option.equals(alias)) && !option.isEmpty()) {
        String m = value.toUpperCase(Locale.ROOT);
        if (!m.equals("GET") && !m.equals("HEAD")) return null;
      }
      if (option.equals("--url")) url = url == null ? value : url;
      if (w.startsWith("-")) {
        if (withArgument.contains(option) && option.equals(w)) i++;
        continue;
      }
      if (url != null) return null; // two addresses
      url = w;
    }
    String path = url == null ? null : loopbackPath(url);
    return path == null ? null : new Request(path, null);
  }

  /** The path of an address on the pod itself, or null (another host, a variable, a scheme). */
  static String loopbackPath(String url) {
    String u = url;
    if (u.contains("$") || u.contains("`")) return null;
    int scheme = u.indexOf("://");
    if (scheme >= 0) {
      String s = u.substring(0, scheme).toLowerCase(Locale.ROOT);
      if (!s.equals("http") && !s.equals("https")) return null;
      u = u.substring(scheme + 3);
    }
    int slash = u.indexOf('/');
    String authority = slash < 0 ? u : u.substring(0, slash);
    String path = slash < 0 ? "/" : u.substring(slash);
    if (!LOOPBACK.contains(host(authority))) return null;
    for (char end : new char[] {'?', '#'})
      if (path.indexOf(end) >= 0) path = path.substring(0, path.indexOf(end));
    return path;
  }

  private static String host(String authority) {
    String a = authority.substring(authority.indexOf('@') + 1);
    if (a.startsWith("[")) return a.contains("]") ? a.substring(0, a.indexOf(']') + 1) : a;
    int colon = a.lastIndexOf(':');
    return (colon >= 0 ? a.substring(0, colon) : a).toLowerCase(Locale.ROOT);
  }

  /** grpc_health_probe -addr=HOST:PORT [-service=NAME]: flags written -f=v, -f v, --f=v. */
  private static Request grpc(List<String> words) {
    String service = "";
    String address = null;
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i).startsWith("--") ? words.get(i).substring(1) : words.get(i);
      String flag = w.contains("=") ? w.substring(0, w.indexOf('=')) : w;
      String value =
          w.contains("=")
              ? w.substring(w.indexOf('=') + 1)
              : i + 1 < words.size() ? words.get(i + 1) : "";
      if (flag.equals("-addr")) address = value;
      if (flag.equals("-service")) service = value;
    }
    if (address == null || address.contains("$")) return null;
    return LOOPBACK.contains(host(address)) ? new Request(null, service) : null;
  }

  private static String base(String program) {
    return program.substring(program.lastIndexOf('/') + 1);
  }

  /**
   * A shell script's simple commands, each a list of words, split at {@code ; & | && ||} and
   * newlines, with quotes and backslashes removed; redirections are dropped. Null when the script
   * uses a substitution or leaves a quote open: its words are not known without running it.
   */
  static List<List<String>> shellCommands(String script) {
    List<List<String>> commands = new ArrayList<>();
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (int i = 0; i < script.length(); i++) {
      char c = script.charAt(i);
      if (quote == '\'') {
        if (c == '\'') quote = 0;
        else word.append(c);
        continue;
      }
      if (c == '`' || (c == '$' && i + 1 < script.length() && script.charAt(i + 1) == '('))
        return null;
      if (quote == '"') {
        if (c == '"') quote = 0;
        else if (c == '\\' && i + 1 < script.length()) word.append(script.charAt(++i));
        else word.append(c);
        continue;
      }
      if (c == '\'' || c == '"') {
        quote = c;
        if (word == null) word = new StringBuilder();
      } else if (c == '\\' && i + 1 < script.length()) {
        if (word == null) word = new StringBuilder();
        word.append(script.charAt(++i));
      } else if (c == ' ' || c == '\t' || c == ';' || c == '&' || c == '|' || c == '\n') {
        if (word != null) words.add(word.toString());
        word = null;
        if (c != ' ' && c != '\t') {
          commands.add(withoutRedirections(words));
          words = new ArrayList<>();
        }
      } else {
        if (word == null) word = new StringBuilder();
        word.append(c);
      }
    }
    if (quote != 0) return null;
    if (word != null) words.add(word.toString());
    commands.add(withoutRedirections(words));
    return commands;
  }

  private static List<String> withoutRedirections(List<String> words) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      int digits = 0;
      while (digits < w.length() && Character.isDigit(w.charAt(digits))) digits++;
      String op = w.substring(digits);
      if (op.startsWith(">") || op.startsWith("<")) {
        if (op.equals(">") || op.equals(">>") || op.equals("<")) i++; // the target is the next word
        continue;
      }
      out.add(w);
    }
    return out;
  }
}
