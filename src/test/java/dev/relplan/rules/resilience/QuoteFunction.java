package dev.relplan.rules.resilience;

import dev.relplan.assess.Assessment;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import dev.relplan.rules.Finding;
import dev.relplan.rules.Undetermined;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A SAM function behind a REST API whose deadline is its own 28 s timeout, with its handler module
 * {@code quotes/app.py} written by the test: the deadline-budget tests' shared fixture.
 */
final class QuoteFunction {
  private QuoteFunction() {}

  static final String TEMPLATE =
      """
      AWSTemplateFormatVersion: "2010-09-09"
      Transform: AWS::Serverless-2016-10-31
      Resources:
        QuoteFunction:
          Type: AWS::Serverless::Function
          Properties:
            Runtime: python3.12
            CodeUri: quotes/
            Handler: app.handler
            Timeout: 28
            Events:
              GetQuote:
                Type: Api
                Properties:
                  Path: /quote
                  Method: get
      """;

  /** One rule's findings and Cannot Determine rows on the function's code. */
  record Verdict(List<Finding> findings, List<Undetermined> undetermined) {}

  static Verdict assess(Path dir, String code, String ruleId) throws Exception {
    Files.createDirectories(dir.resolve("quotes"));
    Files.writeString(dir.resolve("template.yaml"), TEMPLATE);
    Files.writeString(dir.resolve("quotes/app.py"), code);
    Assessment a =
        Pipeline.run(new Pipeline.Request(List.of(dir), "quotes", Context.defaults(), List.of()))
            .assessment();
    return new Verdict(
        a.findings().stream()
            .map(Assessment.NumberedFinding::finding)
            .filter(f -> f.rule().id().equals(ruleId))
            .toList(),
        a.undetermined().stream().filter(u -> u.rule().id().equals(ruleId)).toList());
  }
}
