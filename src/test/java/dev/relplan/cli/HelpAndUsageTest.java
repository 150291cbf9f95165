package dev.relplan.cli;

import static dev.relplan.cli.CliTest.assertUsageError;
import static dev.relplan.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.cli.CliTest.Result;
import org.junit.jupiter.api.Test;

/**
 * What the command line prints for help, the version and malformed arguments. The help texts are
 * the ones relplan has always printed (they were picocli's layout), kept byte for byte.
 */
class HelpAndUsageTest {
  static final String ROOT_HELP =
      """
            Usage: relplan [-hV] [COMMAND]
            Writes an evidence-backed reliability improvement plan from a repository's
            infrastructure-as-code.
              -h, --help      Show this help message and exit.
              -V, --version   Print version information and exit.
            Commands:
              assess     Assess the reliability of the workload described by the files
                           under PATH.
              generate   Write infrastructure-as-code for the plan's findings into a
                           directory; nothing is applied.
              rules      List every rule with its flag, domain and best practices.
              explain    Explain a rule: what it checks, why, how it rates, how to fix it,
                           its examples.
              init       Ask for the workload's name, availability target and recovery
                           objectives on a terminal and write relplan.yaml.
              portfolio  Summarise the JSON reports of many workloads: maturity and scores,
                           frequent gaps, Critical findings, availability targets, trends.
              mcp        Serve assess, explain and generate to an AI agent over the Model
                           Context Protocol (stdio).
            """;

  static final String PORTFOLIO_HELP =
      """
            Usage: relplan portfolio [-hV] [--format=F] [-o=FILE] REPORT...
            Summarise the JSON reports of many workloads: maturity and scores, frequent
            gaps, Critical findings, availability targets, trends.
                  REPORT...       JSON reports written by relplan assess --format json, or
                                    directories holding them (every .json file below).
                  --format=F      md (default), json or html.
              -h, --help          Show this help message and exit.
              -o, --output=FILE   File to write; - or none for stdout.
              -V, --version       Print version information and exit.
            """;

  static final String ASSESS_HELP =
      """
            Usage: relplan assess [-hqV] [--debug] [--ignore-inline-suppressions]
                                  [--summary] [--baseline=FILE] [--config=FILE]
                                  [--date=DATE] [--environment=NAME] [--incidents=FILE]
                                  [--kustomize-root=DIR] [-o=PATH] [--rpo=DUR] [--rto=DUR]
                                  [--target=PCT] [--workload=NAME]
                                  [--fail-on=LEVEL[,LEVEL...]]... [--format=F]...
                                  [--parameters=FILE]... [--values=FILE]... [--var=K=V]...
                                  [--var-file=FILE]... PATH...
            Assess the reliability of the workload described by the files under PATH.
                  PATH...                Directories or files to analyse.
                  --baseline=FILE        A previous JSON report: mark findings new or
                                           unchanged, list fixed ones; --fail-on then
                                           counts only new findings.
                  --config=FILE          Settings file (default: relplan.yaml in the first
                                           PATH).
                  --date=DATE            Date shown in the plan: YYYY-MM-DD or 'today'
                                           (default: not recorded, so reports are
                                           reproducible); suppressions whose until date
                                           lies before it stop applying.
                  --debug                On an internal error, print the stack trace as
                                           well as the one-line message.
                  --environment=NAME     Environment whose parameter, variable and values
                                           files relplan.yaml lists under environments (the
                                           options' own files add to them and win).
                  --fail-on=LEVEL[,LEVEL...]
                                         Exit 1 when a finding is at or above critical,
                                           high, medium or low; incomplete: exit 1 when a
                                           module, nested stack or handler could not be
                                           read. Repeatable.
                  --format=F             md (default), json, sarif or html; repeatable.
              -h, --help                 Show this help message and exit.
                  --ignore-inline-suppressions
                                         Apply only relplan.yaml's suppressions:
                                           relplan:ignore comments, Metadata and
                                           annotations in the scanned files are listed as
                                           ignored (central policy).
                  --incidents=FILE       Past incidents (YAML/JSON list: date, title,
                                           description, affected components).
                  --kustomize-root=DIR   Kustomize root to assess (its folder as the plan
                                           names it), instead of the one named like
                                           production.
              -o, --output=PATH          File (one format) or directory (several); - for
                                           stdout.
                  --parameters=FILE      CloudFormation parameter values (repeatable).
              -q, --quiet                Print nothing on stderr but errors and the
                                           --fail-on summary (no progress line, no notice
                                           that nothing was assessed).
                  --rpo=DUR              Recovery point objective, e.g. 5m, 1h.
                  --rto=DUR              Recovery time objective, e.g. 15m, 4h, PT1H.
                  --summary              With --format json: a short document for an AI
                                           agent's context window (counts, maturity,
                                           scorecard, coverage, the first 10 findings, next
                                           steps) instead of the full report.
                  --target=PCT           Availability target, e.g. 99.9, 99.95, 99.99.
              -V, --version              Print version information and exit.
                  --values=FILE          Helm values file for the charts found, over each
                                           chart's values.yaml (repeatable; later files
                                           win).
                  --var=K=V              Terraform variable value NAME=VALUE (repeatable).
                  --var-file=FILE        Terraform variable values file (repeatable).
                  --workload=NAME        Workload name (default: the directory name).
            """;

  static final String RULES_HELP =
      """
            Usage: relplan rules [-hV]
            List every rule with its flag, domain and best practices.
              -h, --help      Show this help message and exit.
              -V, --version   Print version information and exit.
            """;

  @Test
  void rootHelpIsUnchanged() {
    Result r = run("--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo(ROOT_HELP);
  }

  @Test
  void noArgumentsPrintTheRootHelp() {
    assertThat(run().out()).isEqualTo(ROOT_HELP);
  }

  @Test
  void assessHelpIsUnchanged() {
    assertThat(run("assess", "-h").out()).isEqualTo(ASSESS_HELP);
  }

  @Test
  void portfolioHelpNamesItsFormatsAndOutput() {
    assertThat(run("portfolio", "--help").out()).isEqualTo(PORTFOLIO_HELP);
  }

  @Test
  void rulesHelpIsUnchanged() {
    assertThat(run("rules", "--help").out()).isEqualTo(RULES_HELP);
  }

  @Test
  void clusteredHelpAndVersionShowHelp() {
    assertThat(run("-hV").out()).isEqualTo(ROOT_HELP);
  }

  @Test
  void versionAfterTheSubcommandPrintsTheVersion() {
    Result r = run("assess", "--version");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("relplan " + Main.VERSION + "\n");
  }

  @Test
  void helpAfterOtherArgumentsStillShowsHelp() {
    assertThat(run("assess", "no/such/dir", "--format", "json", "--help").out())
        .isEqualTo(ASSESS_HELP);
  }

  @Test
  void anUnknownCommandNamesTheCommandsOnOffer() {
    assertThat(run("bogus").errLines())
        .containsExactly(
            "relplan: Unknown command: 'bogus': use assess, generate, rules, explain, init, portfolio or mcp (see relplan --help)");
  }

  @Test
  void anUnknownOptionIsNamedEvenWithoutAPath() {
    assertThat(run("assess", "--bogus").errLines())
        .containsExactly("relplan: Unknown option: '--bogus' (see relplan assess --help)");
  }

  @Test
  void aMissingPathPointsAtTheAssessHelp() {
    assertThat(run("assess").errLines())
        .containsExactly("relplan: Missing required parameter: 'PATH' (see relplan assess --help)");
  }

  @Test
  void aMissingOptionValueNamesTheOptionAndItsLabel() {
    assertThat(run("assess", "x", "--format").errLines())
        .containsExactly(
            "relplan: Missing required parameter for option '--format' (F) (see relplan assess"
                + " --help)");
  }

  @Test
  void anOptionGivenTwiceIsAUsageError() {
    assertUsageError(
        run("assess", CliTest.RESILIENT, "--workload", "a", "--workload=b"),
        "'--workload' (NAME) should be specified only once");
  }

  @Test
  void anArgumentToRulesIsAUsageError() {
    assertUsageError(run("rules", "extra"), "'extra'", "relplan rules --help");
  }

  @Test
  void failOnValuesAreSplitOnCommas() {
    assertUsageError(
        run("assess", CliTest.RESILIENT, "--fail-on=high,severe"), "--fail-on 'severe'");
  }

  @Test
  void aPathAfterDoubleDashMayStartWithADash() {
    assertUsageError(run("assess", "--", "--weird"), "path '--weird' does not exist");
  }
}
