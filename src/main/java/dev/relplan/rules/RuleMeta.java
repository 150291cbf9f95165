package dev.relplan.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a rule is: its stable id, the seed flag it raises (or null), its domain, the
 * Well-Architected question and best practices it maps to, default impact and likelihood with
 * one-line reasons, where its fix sits in the plan, how to fix it, and the input formats that can
 * express it.
 *
 * <p>Rules declare it by name with {@link #builder(String)}: every element is set by a method named
 * for it, lists are given as separate values, and an element a rule does not have (a seed flag, AWS
 * services, dependencies) is simply not set. A builder rather than an annotation because an
 * annotation element cannot be absent (an absent flag would again be a {@code ""} placeholder),
 * because impact and likelihood are set together with their reasons, and because a builder checks
 * the metadata where the rule is constructed, without reflection.
 *
 * <p>The rule's class is named for its id: drop {@code REL-}, and write each hyphen-separated word
 * capitalised, the rest of it in lower case ({@code REL-DB-SINGLE-AZ} is {@code DbSingleAz}, {@code
 * REL-LAMBDA-TIMEOUT-GE-APIGW} is {@code LambdaTimeoutGeApigw}); see {@link #className(String)}.
 */
public record RuleMeta(
    String id,
    String flag,
    Domain domain,
    String title,
    List<String> waQuestions,
    List<String> bestPractices,
    Impact impact,
    String impactReason,
    Likelihood likelihood,
    String likelihoodReason,
    Tier tier,
    String effort,
    List<String> awsServices,
    String remediation,
    List<Fix> fixes,
    List<String> dependsOn,
    List<InputFormat> formats) {

  public RuleMeta {
    waQuestions = List.copyOf(waQuestions);
    bestPractices = List.copyOf(bestPractices);
    awsServices = List.copyOf(awsServices);
    fixes = List.copyOf(fixes);
    dependsOn = List.copyOf(dependsOn);
    formats = List.copyOf(formats);
  }

  /** Whether the rule raises one of the seed's flags; {@link #flag()} is null when it does not. */
  public boolean hasFlag() {
    return flag != null;
  }

  /** The class name a rule with this id has: {@code REL-DB-SINGLE-AZ} → {@code DbSingleAz}. */
  public static String className(String id) {
    if (!id.startsWith("REL-"))
      throw new IllegalArgumentException("a rule id starts with REL-: " + id);
    StringBuilder name = new StringBuilder();
    for (String word : id.substring("REL-".length()).split("-")) {
      name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
    }
    return name.toString();
  }

  /**
   * Starts the metadata of the rule with this stable id (ids appear in reports: never change one).
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** Named metadata elements; {@link #build()} checks that every required one is set. */
  public static final class Builder {
    private final String id;
    private String flag;
    private Domain domain;
    private String title;
    private List<String> bestPractices = List.of();
    private Impact impact;
    private String impactReason;
    private Likelihood likelihood;
    private String likelihoodReason;
    private Tier tier;
    private String effort;
    private List<String> awsServices = List.of();
    private String remediation;
    private final List<Fix> fixes = new ArrayList<>();
    private List<String> dependsOn = List.of();
    private List<InputFormat> formats = List.of();

    private Builder(String id) {
      this.id = Objects.requireNonNull(id, "id");
    }

    /** The seed flag the rule raises; rules without one do not call this. */
    public Builder flag(String flag) {
      this.flag = Objects.requireNonNull(flag, "flag");
      return this;
    }

    public Builder domain(Domain domain) {
      this.domain = domain;
      return this;
    }

    public Builder title(String title) {
      this.title = title;
      return this;
    }

    /**
     * Reliability-pillar best practices such as {@code REL10-BP01}; the questions derive from them.
     */
    public Builder bestPractices(String... ids) {
      this.bestPractices = List.of(ids);
      return this;
    }

    /** Default impact of a finding, with the one-line reason the report prints. */
    public Builder impact(Impact impact, String reason) {
      this.impact = impact;
      this.impactReason = reason;
      return this;
    }

    /** Default likelihood of a finding, with the one-line reason the report prints. */
    public Builder likelihood(Likelihood likelihood, String reason) {
      this.likelihood = likelihood;
      this.likelihoodReason = reason;
      return this;
    }

    /** Where the fix sits in the remediation plan. */
    public Builder tier(Tier tier) {
      this.tier = tier;
      return this;
    }

    /** How long the fix takes and what it is, e.g. "Hours: add subnets in two more zones". */
    public Builder effort(String effort) {
      this.effort = effort;
      return this;
    }

    /** The AWS services the fix involves; rules about application code name none. */
    public Builder services(String... services) {
      this.awsServices = List.of(services);
      return this;
    }

    public Builder remediation(String remediation) {
      this.remediation = remediation;
      return this;
    }

    /**
     * Advice in one dialect (and for one kind of subject); the first that fits a finding's subject
     * is used, and the general {@link #remediation} only where none fits.
     */
    public Builder advice(Fix... dialectFixes) {
      this.fixes.addAll(Arrays.asList(dialectFixes));
      return this;
    }

    /** Ids of the rules whose plan actions must come first. */
    public Builder dependsOn(String... ruleIds) {
      this.dependsOn = List.of(ruleIds);
      return this;
    }

    /**
     * The input formats in which a workload can show the gap (each has failing and passing
     * examples).
     */
    public Builder formats(InputFormat... formats) {
      EnumSet<InputFormat> set = EnumSet.noneOf(InputFormat.class);
      set.addAll(Arrays.asList(formats));
      this.formats = List.copyOf(set);
      return this;
    }

    public RuleMeta build() {
      List<String> missing = new ArrayList<>();
      if (domain == null) missing.add("domain");
      if (title == null) missing.add("title");
      if (bestPractices.isEmpty()) missing.add("bestPractices");
      if (impact == null || impactReason == null) missing.add("impact");
      if (likelihood == null || likelihoodReason == null) missing.add("likelihood");
      if (tier == null) missing.add("tier");
      if (effort == null) missing.add("effort");
      if (remediation == null) missing.add("remediation");
      if (formats.isEmpty()) missing.add("formats");
      if (!missing.isEmpty())
        throw new IllegalStateException(id + " lacks " + String.join(", ", missing));
      for (String bp : bestPractices) {
        if (!isBestPracticeId(bp))
          throw new IllegalStateException(id + ": not a best-practice id: " + bp);
      }
      List<String> questions =
          bestPractices.stream().map(bp -> bp.substring(0, "RELnn".length())).distinct().toList();
      return new RuleMeta(
          id,
          flag,
          domain,
          title,
          questions,
          bestPractices,
          impact,
          impactReason,
          likelihood,
          likelihoodReason,
          tier,
          effort,
          awsServices,
          remediation,
          fixes,
          dependsOn,
          formats);
    }
  }

  /**
   * Whether {@code s} is a best-practice id, {@code RELnn-BPnn}; checked by hand, as compiling a
   * pattern for each of the rules' ids was a visible part of building the rules at start-up.
   */
  static boolean isBestPracticeId(String s) {
    return s.length() == 10
        && s.startsWith("REL")
        && isDigit(s.charAt(3))
        && isDigit(s.charAt(4))
        && s.startsWith("-BP", 5)
        && isDigit(s.charAt(8))
        && isDigit(s.charAt(9));
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
