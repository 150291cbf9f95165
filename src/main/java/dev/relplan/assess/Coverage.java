package dev.relplan.assess;

import dev.relplan.model.CoverageGap;
import java.util.List;

/**
 * What the assessment could not read, and how the plan words it.
 *
 * @param gaps modules, nested stacks and handler code that could not be read, by location
 * @param nothingElseAssessed whether the gaps are all there was: no resource, call or code read
 * @param statement the plan's opening sentence when coverage is incomplete, null when complete
 * @param summary the gaps counted by kind ("1 module and 2 handlers"), empty when complete
 */
public record Coverage(
    List<CoverageGap> gaps, boolean nothingElseAssessed, String statement, String summary) {

  /** Coverage of a scan that read everything it was pointed at. */
  public static final Coverage COMPLETE = new Coverage(List.of(), false, null, "");

  public boolean complete() {
    return gaps.isEmpty();
  }
}
