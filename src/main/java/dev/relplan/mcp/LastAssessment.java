package dev.relplan.mcp;

import dev.relplan.assess.Assessment;
import dev.relplan.generate.SourceTexts;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.report.ReportInput;

/**
 * The assessment the session ran last, which show_finding, generate_fix, compare and the report
 * resources read.
 */
record LastAssessment(Pipeline.Request request, Pipeline.Result result, ReportInput input) {
  Assessment assessment() {
    return input.assessment();
  }

  /** The scanned files, read again from disk (the pipeline released their text). */
  SourceTexts texts() {
    return new SourceTexts(request.paths(), assessment().scanRoots());
  }

  /** The active finding with this id (F-003) or fingerprint, or a ToolError naming both. */
  Assessment.NumberedFinding finding(String idOrFingerprint) {
    String wanted = idOrFingerprint == null ? "" : idOrFingerprint.strip();
    for (Assessment.NumberedFinding nf : assessment().findings())
      if (nf.id().equalsIgnoreCase(wanted) || wanted.equals(nf.fingerprint())) return nf;
    throw new ToolError(
        "no finding '"
            + wanted
            + "' in the last assessment ("
            + assessment().findings().size()
            + " findings): pass an id such as F-001 or a fingerprint from the assess result");
  }
}
