package dev.relplan.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Parses recovery objectives given as 15m, 4h, 1d, 90s or ISO-8601 (PT1H) into ISO-8601. */
final class Durations {
  private Durations() {}

  static String toIso(String option, String text) {
    String t = text.trim();
    try {
      Duration d;
      if (t.toUpperCase(Locale.ROOT).startsWith("P")) {
        d = Duration.parse(t.toUpperCase(Locale.ROOT));
      } else {
        char unit = Character.toLowerCase(t.charAt(t.length() - 1));
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        d = switch (unit) {
          case 's' -> Duration.ofSeconds(n);
          case 'm' -> Duration.ofMinutes(n);
          case 'h' -> Duration.ofHours(n);
          case 'd' -> Duration.ofDays(n);
          default -> throw new NumberFormatException();
        };
      }
      if (d.isNegative() || d.isZero()) throw new NumberFormatException();
      return d.toString();
    } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
      throw new UsageError(option + " '" + text + "' is not a duration: use a number with s, m, h or d (e.g. 15m, 4h) or ISO-8601 (PT1H)");
    }
  }
}
