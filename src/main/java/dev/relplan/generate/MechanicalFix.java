package dev.relplan.generate;

import dev.relplan.model.Resource;
import java.util.Set;

/**
 * One mechanical fix of {@code relplan generate fixes}: the rules whose findings it clears, the
 * subjects it knows how to edit, and the edit. One class per fix (listed in {@link Fixes#ALL}),
 * each deciding by the subject's dialect which file and which lines change.
 */
interface MechanicalFix {
  /** The rule ids whose Critical/High findings on a subject this fix clears. */
  Set<String> rules();

  /**
   * Whether this fix edits the subject: its type and dialect, declared where a patch can reach it
   * (not inside a module or nested stack, unless the fix edits the caller).
   */
  boolean edits(Resource subject);

  /** The edit, or why nothing is generated; throws when the file cannot be edited at all. */
  FixOutcome apply(FixTarget target) throws YamlTemplate.NotEditable;
}
