package dev.relplan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Advice is chosen first-fit, so a second fix of the same dialect for the same subjects is never
 * printed: it is dead text (two branches adding the same dialect's advice at a merge leave one).
 */
class UnreachableAdviceTest {
  @Test
  void noRuleDeclaresTwoFixesForTheSameDialectAndSubjects() {
    List<String> shadowed = new ArrayList<>();
    for (Rule rule : RuleRegistry.all()) {
      Set<String> seen = new HashSet<>();
      for (Fix fix : rule.meta().fixes()) {
        String key = fix.dialect() + " " + (fix.when() == null ? "every subject" : fix.when());
        if (!seen.add(key)) shadowed.add(rule.meta().id() + ": " + key);
      }
    }
    assertThat(shadowed).isEmpty();
  }
}
