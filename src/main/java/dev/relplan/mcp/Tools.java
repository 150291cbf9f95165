package dev.relplan.mcp;

import dev.relplan.report.Summary;
import java.util.List;

/** The tools the server offers, in the order tools/list gives them. */
final class Tools {
  /** assess lists this many findings unless asked for another number. */
  static final int ASSESS_FINDINGS = 50;

  private Tools() {}

  static List<ToolSpec> all(Session session) {
    return List.of(
        new ToolSpec(
            "assess",
            "Assess reliability",
            "Assess the reliability of the workload whose infrastructure-as-code and application"
                + " code are under paths (CloudFormation/SAM, Terraform, Kubernetes/Helm/Kustomize,"
                + " Serverless, CDK, Compose). Returns counts by risk, maturity, scorecard,"
                + " coverage, the findings (id, rule, risk, title, resource, first evidence"
                + " file:line, first line of the fix) and next steps. Later tools read this"
                + " assessment.",
            (args, exchange) ->
                Summary.of(
                    session.assess(args, session.roots.current(exchange)).input(),
                    args.integer("maxFindings", ASSESS_FINDINGS))),
        new ToolSpec(
            "list_rules",
            "List rules",
            "Every reliability rule relplan runs: id, seed flag, domain and title.",
            (args, exchange) -> RuleTools.list()),
        new ToolSpec(
            "explain_rule",
            "Explain a rule",
            "What a rule (REL-DB-SINGLE-AZ) or every rule raising a flag (FT-SINGLE-AZ-DATABASE)"
                + " checks, why, how it rates and how to fix it, as Markdown.",
            (args, exchange) -> RuleTools.explain(args.string("rule"))),
        new ToolSpec(
            "show_finding",
            "Show a finding",
            "One finding of the last assessment, by id (F-001) or fingerprint: why it matters,"
                + " the fix, and each evidence location with the source lines around it.",
            (args, exchange) ->
                FindingTools.show(
                    session.last(), args.string("finding"), args.integer("contextLines", 3))),
        new ToolSpec(
            "generate_fix",
            "Generate a fix",
            "For one finding of the last assessment: the patch relplan's fix generator writes"
                + " for it (git apply from the scanned folder), with what it costs, or why no"
                + " mechanical fix is generated. Nothing is written or applied.",
            (args, exchange) -> FindingTools.fix(session.last(), args.string("finding"))),
        new ToolSpec(
            "compare",
            "Compare with a baseline",
            "The last assessment against a previous JSON report (relplan assess --format json):"
                + " which findings are new, which unchanged, which were fixed since.",
            (args, exchange) -> CompareTool.compare(session, args, exchange)));
  }
}
