package dev.relplan.pipeline;

import dev.relplan.source.InputError;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Parses the availability target and recovery objectives given on the command line or in
 * relplan.yaml.
 */
public final class Objectives {
  private Objectives() {}

  /** "99.9" or "99.9%" → 99.9; null stays null. */
  public static Double target(String option, String text) {
    if (text == null) return null;
    try {
      double v = Double.parseDouble(text.replace("%", "").trim());
      if (!(v > 0 && v < 100)) throw new NumberFormatException(); // also rejects NaN
      return v;
    } catch (NumberFormatException e) {
      throw new InputError(
          option + " '" + text + "' is not a percentage below 100: use e.g. 99.9 or 99.99");
    }
  }

  /** 15m, 4h, 1d, 90s or ISO-8601 (PT1H) → ISO-8601; null stays null. */
  public static String duration(String option, String text) {
    if (text == null) return null;
    String t = text.trim();
    try {
      Duration d;
      if (t.toUpperCase(Locale.ROOT).startsWith("P")) {
        d = Duration.parse(t.toUpperCase(Locale.ROOT));
      } else {
        char unit = Character.toLowerCase(t.charAt(t.length() - 1));
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        d =
            switch (unit) {
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
      throw new InputError(
          option
              + " '"
              + text
              + "' is not a duration: use a number with s, m, h or d (e.g. 15m, 4h) or ISO-8601 (PT1H)");
    }
  }
}
