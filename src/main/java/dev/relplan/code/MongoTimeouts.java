package dev.relplan.code;

import dev.relplan.model.Value;
import dev.relplan.source.Location;
import java.util.List;
import java.util.Locale;

/**
 * What bounds a MongoDB operation, the same in every driver: the client-side operation timeout
 * {@code timeoutMS}, else the socket read timeout {@code socketTimeoutMS}; neither is set by
 * default, so an operation can wait forever ({@code serverSelectionTimeoutMS}, 30 s, bounds only
 * choosing a server; {@code connectTimeoutMS} only connecting). Both can be written in the
 * connection string, so a string the code does not spell out leaves the timeout undetermined.
 * Sources: docs/client-defaults.md, "Messaging and data clients".
 */
public final class MongoTimeouts {
  private MongoTimeouts() {}

  /** The option names, as the connection string spells them. */
  public static final String OPERATION = "timeoutMS";

  public static final String SOCKET = "socketTimeoutMS";

  /** A timeout set to a number: 0 disables either option. */
  public static Value<String> set(String option, String value, List<Location> at) {
    if (value.strip().equals("0")) {
      return none(option + "=0 disables the timeout, so an operation can wait forever", at);
    }
    boolean digits = !value.isEmpty() && value.chars().allMatch(Character::isDigit);
    return Value.explicit(option + " " + value + (digits ? " ms" : ""), at);
  }

  /** Neither option set: the driver's defaults leave an operation unbounded. */
  public static Value<String> unset(String driver, List<Location> at) {
    return none(
        driver
            + " sets no timeoutMS or socketTimeoutMS by default, so an operation can wait forever"
            + " (serverSelectionTimeoutMS, 30 s, bounds only choosing a server)",
        at);
  }

  /** The connection string comes from something the code does not spell out. */
  public static Value<String> uriUnknown(String expression, List<Location> at) {
    return Value.unresolved(
        "the connection string comes from "
            + expression
            + ", whose options (timeoutMS, socketTimeoutMS) may bound operations",
        at);
  }

  /**
   * The value of an option in a literal connection string's query ({@code
   * mongodb://db/?socketTimeoutMS=5000}); option names are case-insensitive. Null when absent.
   */
  public static String uriOption(String uri, String option) {
    int query = uri.indexOf('?');
    if (query < 0) return null;
    for (String pair : uri.substring(query + 1).split("[&;]")) {
      int eq = pair.indexOf('=');
      if (eq > 0
          && pair.substring(0, eq).toLowerCase(Locale.ROOT).equals(option.toLowerCase(Locale.ROOT)))
        return pair.substring(eq + 1);
    }
    return null;
  }

  /** The timeout a literal connection string sets, or null when it sets none. */
  public static Value<String> fromUri(String uri, List<Location> at) {
    for (String option : List.of(OPERATION, SOCKET)) {
      String value = uriOption(uri, option);
      if (value != null) return set(option, value, at);
    }
    return null;
  }

  /** The first host of a literal connection string ({@code mongodb+srv://u:p@a,b/db} gives a). */
  public static String host(String uri) {
    int scheme = uri.indexOf("://");
    if (scheme < 0) return null;
    String rest = uri.substring(scheme + 3);
    int slash = rest.indexOf('/');
    if (slash >= 0) rest = rest.substring(0, slash);
    int query = rest.indexOf('?');
    if (query >= 0) rest = rest.substring(0, query);
    rest = rest.substring(rest.lastIndexOf('@') + 1);
    int end = 0;
    while (end < rest.length() && ",:".indexOf(rest.charAt(end)) < 0) end++;
    return end == 0 ? null : rest.substring(0, end);
  }

  private static Value<String> none(String why, List<Location> at) {
    return Value.<String>defaulted(null, why).withTrace(at);
  }
}
