package dev.relplan.rules;

import java.util.List;

/**
 * What a rule is: its stable id, the seed flag it raises (or null), its domain, the
 * Well-Architected question and best practices it maps to, default impact and likelihood with
 * one-line reasons, where its fix sits in the plan, and how to fix it.
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
    List<String> dependsOn) {}
