package dev.relplan.generate;

import dev.relplan.assess.Assessment;
import dev.relplan.model.Workload;

/**
 * What a generator reads: the assessment (findings, objectives), the model it judged (every
 * resource, for experiments that need no finding) and the scanned files again.
 */
public record GenerateInput(Assessment assessment, Workload workload, SourceTexts texts) {}
