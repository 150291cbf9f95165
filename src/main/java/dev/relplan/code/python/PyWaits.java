package dev.relplan.code.python;

import dev.relplan.model.Value;
import dev.relplan.parse.python.PyFile;
import dev.relplan.parse.python.PyNode;
import dev.relplan.source.Location;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The numbers of a call's deadline budget: how long one attempt can wait, in seconds, and how many
 * attempts it makes. Library defaults and their sources are in docs/client-defaults.md.
 */
final class PyWaits {
  static final double UNBOUNDED = Double.POSITIVE_INFINITY;

  /** botocore's default connect_timeout and read_timeout, 60 s each. */
  static final double BOTOCORE_TIMEOUT = 60;

  private final PyFile f;

  PyWaits(PyFile f) {
    this.f = f;
  }

  /**
   * One attempt of a requests call: a number bounds connecting and reading apart (so twice it), a
   * (connect, read) tuple their sum, None neither; without timeout= nothing bounds it.
   */
  Value<Double> requestsAttempt(PyNode timeout) {
    if (timeout == null)
      return Value.defaulted(
          UNBOUNDED, "requests has no default timeout: without timeout= the call can wait forever");
    PyNode literal = literal(timeout);
    if (literal == null)
      return Value.unresolved(
          "the timeout is set from " + PyCalls.shorten(timeout.text()) + ", not a literal",
          List.of(f.at(timeout)));
    if (literal.is("tuple")) {
      Double connect = number(literal.children.get(0));
      Double read = number(literal.children.get(1));
      double sum = connect == null || read == null ? UNBOUNDED : connect + read;
      return Value.explicit(sum, List.of(f.at(timeout)));
    }
    return connectAndRead(timeout, literal);
  }

  /**
   * One attempt under a single timeout number that bounds connecting and each read apart (requests,
   * urllib3, the standard library's sockets): twice it; None bounds neither.
   */
  Value<Double> connectAndRead(PyNode timeout, PyNode literal) {
    double seconds = literal.is("none") ? UNBOUNDED : 2 * number(literal);
    return Value.explicit(seconds, List.of(f.at(timeout)));
  }

  /** One attempt of a botocore call: connect_timeout plus read_timeout, 60 s each by default. */
  Value<Double> botocoreAttempt(PyNode connect, PyNode read) {
    if (connect == null && read == null)
      return Value.defaulted(
          2 * BOTOCORE_TIMEOUT, "botocore's default connect_timeout and read_timeout, 60 s each");
    double sum = 0;
    for (PyNode set : new PyNode[] {connect, read}) {
      if (set == null) {
        sum += BOTOCORE_TIMEOUT;
        continue;
      }
      PyNode literal = literal(set);
      if (literal == null || literal.is("tuple"))
        return Value.unresolved(
            "the botocore timeout is set from " + PyCalls.shorten(set.text()) + ", not a number",
            List.of(f.at(set)));
      if (literal.is("none")) return Value.explicit(UNBOUNDED, List.of(f.at(set)));
      sum += number(literal);
    }
    return Value.explicit(sum, List.of(f.at(read != null ? read : connect)));
  }

  /**
   * Attempts of a botocore client from its Config's retries: total_max_attempts, or max_attempts
   * retries after the first attempt, or the retry mode's default (legacy, the default mode: 5;
   * standard and adaptive: 3).
   */
  Value<Integer> botocoreAttempts(PyNode retries) {
    if (retries == null)
      return Value.defaulted(
          5,
          "botocore's default legacy retry mode makes up to 5 attempts, unless AWS_RETRY_MODE or"
              + " AWS_MAX_ATTEMPTS in the function's environment says otherwise");
    if (!retries.is("dictionary"))
      return Value.unresolved(
          "the botocore retries setting " + PyCalls.shorten(retries.text()) + " is not a literal",
          List.of(f.at(retries)));
    Map<String, PyNode> pairs = new HashMap<>();
    for (PyNode pair : retries.all("pair")) {
      String key = pair.field("key") == null ? null : pair.field("key").stringValue();
      if (key != null && pair.field("value") != null) pairs.put(key, pair.field("value"));
    }
    List<Location> at = List.of(f.at(retries));
    if (pairs.containsKey("total_max_attempts")) return count(pairs.get("total_max_attempts"), 0);
    if (pairs.containsKey("max_attempts")) return count(pairs.get("max_attempts"), 1);
    PyNode mode = pairs.get("mode");
    String modeName = mode == null ? "legacy" : mode.stringValue();
    if (modeName == null)
      return Value.unresolved(
          "the botocore retry mode is set from " + PyCalls.shorten(mode.text()), at);
    return switch (modeName) {
      case "standard", "adaptive" -> Value.explicit(3, at);
      case "legacy" -> Value.explicit(5, at);
      default -> Value.unresolved("unknown botocore retry mode " + modeName, at);
    };
  }

  /** A literal count plus {@code first} (1 when it counts retries after the first attempt). */
  Value<Integer> count(PyNode value, int first) {
    PyNode literal = literal(value);
    if (literal == null || !literal.is("integer") || !literal.text().matches("[0-9_]{1,9}"))
      return Value.unresolved(
          "the attempt count is set from " + PyCalls.shorten(value.text()) + ", not a number",
          List.of(f.at(value)));
    return Value.explicit(
        Integer.parseInt(literal.text().replace("_", "")) + first, List.of(f.at(value)));
  }

  /**
   * A number, None or (number, number) tuple, written here or bound to a name in scope; null for
   * anything else.
   */
  PyNode literal(PyNode v) {
    PyNode n = v;
    if (n.is("identifier")) n = f.binding(n.text(), n);
    if (n == null) return null;
    if (isNumber(n) || n.is("none")) return n;
    if (n.is("tuple")
        && n.children.size() == 2
        && n.children.stream().allMatch(c -> isNumber(c) || c.is("none"))) return n;
    return null;
  }

  /** A decimal integer or float literal (hexadecimal, octal and complex literals are not times). */
  private static boolean isNumber(PyNode n) {
    return (n.is("integer") || n.is("float"))
        && n.text().matches("[0-9_]*\\.?[0-9_]*([eE][-+]?[0-9]+)?");
  }

  /** A numeric literal's value; null for None. */
  static Double number(PyNode n) {
    return n.is("none") ? null : Double.parseDouble(n.text().replace("_", ""));
  }
}
