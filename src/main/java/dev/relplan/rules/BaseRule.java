package dev.relplan.rules;

/**
 * Holds a rule's metadata, declared with {@link RuleMeta#builder(String)}; subclasses only
 * implement the check.
 */
public abstract class BaseRule implements Rule {
  private final RuleMeta meta;

  protected BaseRule(RuleMeta meta) {
    this.meta = meta;
  }

  @Override
  public RuleMeta meta() {
    return meta;
  }
}
