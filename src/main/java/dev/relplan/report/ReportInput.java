package dev.relplan.report;

import dev.relplan.assess.Assessment;
import dev.relplan.rules.Rule;
import dev.relplan.source.Location;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;

/**
 * Everything a renderer may show, decided before rendering.
 *
 * @param assessment the assessed workload; with a baseline, its findings carry their new/unchanged
 *     status and it lists the findings fixed since then
 * @param date the date line of the plan, already worded (a date, or why none is recorded)
 * @param toolVersion the relplan version the report names
 * @param snippets the source line quoted for an evidence location
 * @param rules every rule the assessment ran, in registry order
 */
public record ReportInput(
    Assessment assessment,
    String date,
    String toolVersion,
    Function<Location, String> snippets,
    List<Rule> rules) {

  /** The date the plan is for when one was given (YYYY-MM-DD), else null. */
  public String givenDate() {
    // An ISO date starts with its year (a digit or a sign); the wording of a date not recorded
    // skips the parse, whose first use sets up java.time's formatters.
    if (date == null || date.isEmpty() || !startsLikeAYear(date.charAt(0))) return null;
    try {
      return LocalDate.parse(date).toString();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static boolean startsLikeAYear(char c) {
    return (c >= '0' && c <= '9') || c == '+' || c == '-';
  }

  /**
   * Whether the scan found nothing to assess: no resource, no outbound call, no code or migration
   * file read, no finding. The plan then says so rather than "no gaps found".
   */
  public static boolean nothingAssessed(Assessment assessment) {
    return assessment.nothingAssessable() && assessment.findings().isEmpty();
  }
}
