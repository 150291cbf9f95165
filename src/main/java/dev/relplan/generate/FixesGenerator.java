package dev.relplan.generate;

import dev.relplan.assess.Assessment;
import dev.relplan.model.Alias;
import dev.relplan.model.ApiIntegration;
import dev.relplan.model.Database;
import dev.relplan.model.Function;
import dev.relplan.model.Queue;
import dev.relplan.model.Resource;
import dev.relplan.model.Workload;
import dev.relplan.parse.hcl.HclFile;
import dev.relplan.rules.Dialect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code relplan generate fixes}: one patch per file for the Critical and High findings that have a
 * mechanical fix, each fix listed with what it costs. So far, in CloudFormation/SAM YAML templates:
 * a single-AZ RDS instance made Multi-AZ, an SQS queue without a dead-letter queue given one, and a
 * Lambda function's Timeout lowered below the API Gateway integration timeout in front of it; in
 * Terraform, an {@code aws_sqs_queue} given a dead-letter queue.
 */
public final class FixesGenerator {
  static final String FOLDER = "fixes/";
  static final String SINGLE_AZ_RULE = "REL-DB-SINGLE-AZ";
  static final String NO_DLQ_RULE = "REL-ASYNC-NO-DLQ";
  static final String TIMEOUT_RULE = "REL-LAMBDA-TIMEOUT-GE-APIGW";
  private static final Set<String> RULES = Set.of(SINGLE_AZ_RULE, NO_DLQ_RULE, TIMEOUT_RULE);

  /** One scanned template being edited: its text, parsed once, the names its fixes took. */
  private static final class Edited {
    final String text;
    YamlTemplate template;
    HclFile hcl;
    Set<String> taken;
    final List<UnifiedDiff.Insertion> edits = new ArrayList<>();

    Edited(String text) {
      this.text = text;
    }

    YamlTemplate template(String file) throws YamlTemplate.NotEditable {
      if (template == null) {
        template = YamlTemplate.read(file, text);
        taken = template.names();
      }
      return template;
    }

    HclFile hcl(String file, Workload w) throws YamlTemplate.NotEditable {
      if (hcl == null) {
        hcl = TerraformFixes.read(file, text);
        taken = new LinkedHashSet<>(TerraformFixes.queueNames(hcl));
        // Queues of other files of the module share the address space.
        for (Queue q : w.all(Queue.class))
          if (q.id.startsWith(TerraformFixes.QUEUE_TYPE + "."))
            taken.add(q.id.substring(TerraformFixes.QUEUE_TYPE.length() + 1));
      }
      return hcl;
    }
  }

  private FixesGenerator() {}

  public static Generation generate(GenerateInput input) {
    SourceTexts texts = input.texts();
    List<String> notes = new ArrayList<>();
    List<String> fixed = new ArrayList<>();
    Map<String, Edited> files = new LinkedHashMap<>();
    for (Assessment.NumberedFinding f : input.assessment().findings()) {
      String risk = f.finding().risk().name();
      String rule = f.finding().rule().id();
      Resource r = f.finding().subject();
      if (!RULES.contains(rule) || r == null || !(risk.equals("CRITICAL") || risk.equals("HIGH")))
        continue;
      String where =
          f.id()
              + " "
              + r.id
              + " ("
              + texts.relative(r.location.file())
              + ":"
              + r.location.line()
              + ")";
      if (!fixable(rule, r)) {
        notes.add(where + ": no mechanical fix generated for " + r.writtenType() + " yet");
        continue;
      }
      String file = r.location.file();
      Edited edited = files.computeIfAbsent(file, k -> new Edited(texts.text(k)));
      try {
        FixOutcome outcome = fix(rule, r, file, edited, input.workload(), texts);
        if (outcome.notGenerated() != null) {
          notes.add(where + ": " + outcome.notGenerated());
          continue;
        }
        edited.edits.addAll(outcome.edits());
        fixed.add(where + ": " + outcome.fixed());
      } catch (YamlTemplate.NotEditable e) {
        notes.add(where + ": " + e.getMessage());
      }
    }
    List<GeneratedFile> out = new ArrayList<>();
    files.forEach(
        (file, edited) -> {
          if (!edited.edits.isEmpty())
            out.add(
                new GeneratedFile(
                    FOLDER + texts.outputPath(file) + ".patch",
                    UnifiedDiff.of(texts.relative(file), edited.text, edited.edits)));
        });
    out.add(new GeneratedFile(FOLDER + "README.md", readme(out, fixed, notes)));
    return new Generation(out, notes);
  }

  private static FixOutcome fix(
      String rule, Resource r, String file, Edited edited, Workload w, SourceTexts texts)
      throws YamlTemplate.NotEditable {
    if (Dialect.of(r) == Dialect.TERRAFORM)
      return TerraformFixes.deadLetterQueue(edited.hcl(file, w), (Queue) r, edited.taken);
    YamlTemplate template = edited.template(file);
    return switch (rule) {
      case SINGLE_AZ_RULE -> CloudFormationFixes.multiAz(template, r.id);
      case NO_DLQ_RULE -> CloudFormationFixes.deadLetterQueue(template, (Queue) r, edited.taken);
      default -> timeout(template, (Function) r, w, texts);
    };
  }

  /** Whether the subject is a resource declared in a file that a fix of the rule edits. */
  private static boolean fixable(String rule, Resource r) {
    if (!r.callChain.isEmpty()) return false; // inside a nested stack or module
    Dialect dialect = Dialect.of(r);
    if (rule.equals(NO_DLQ_RULE) && dialect == Dialect.TERRAFORM)
      return r instanceof Queue && TerraformFixes.QUEUE_TYPE.equals(r.writtenType());
    if (dialect != Dialect.CLOUDFORMATION && dialect != Dialect.SAM) return false;
    return switch (rule) {
      case SINGLE_AZ_RULE ->
          r instanceof Database d
              && d.kind == Database.Kind.INSTANCE
              && "AWS::RDS::DBInstance".equals(r.writtenType());
      case NO_DLQ_RULE -> r instanceof Queue && "AWS::SQS::Queue".equals(r.writtenType());
      case TIMEOUT_RULE ->
          r instanceof Function
              && ("AWS::Lambda::Function".equals(r.writtenType())
                  || "AWS::Serverless::Function".equals(r.writtenType()));
      default -> false;
    };
  }

  /**
   * The function's Timeout set to the largest whole second below the shortest integration timeout
   * in front of it (28 behind a REST API's 29 s).
   */
  private static FixOutcome timeout(
      YamlTemplate template, Function f, Workload w, SourceTexts texts)
      throws YamlTemplate.NotEditable {
    Integer limitMillis = shortestIntegrationTimeout(f, w);
    if (limitMillis == null) return FixOutcome.left("its API integration timeout is not known");
    int seconds = (limitMillis - 1) / 1000;
    if (seconds < 1)
      return FixOutcome.left(
          "its API integration times out within a second: raise the integration timeout instead");
    String where =
        f.timeoutSeconds.trace().isEmpty()
            ? "not located"
            : f.timeoutSeconds.trace().stream()
                .map(l -> texts.relative(l.file()) + ":" + l.line())
                .reduce((a, b) -> a + ", " + b)
                .orElseThrow();
    return CloudFormationFixes.timeout(template, f.id, seconds, where);
  }

  /**
   * The shortest known timeout of the API integrations invoking the function (or an alias of it).
   */
  private static Integer shortestIntegrationTimeout(Function f, Workload w) {
    Integer shortest = null;
    for (ApiIntegration i : w.all(ApiIntegration.class)) {
      Resource target = w.resolve(i.function.get());
      if (target instanceof Alias a) target = w.resolve(a.function.get());
      if (target != f || !i.timeoutMillis.present()) continue;
      if (shortest == null || i.timeoutMillis.get() < shortest) shortest = i.timeoutMillis.get();
    }
    return shortest;
  }

  private static String readme(List<GeneratedFile> files, List<String> fixed, List<String> notes) {
    StringBuilder md = new StringBuilder();
    md.append("# Mechanical fixes for Critical and High findings\n\n");
    md.append(
        "Generated by `relplan generate fixes`; nothing has been applied. Apply each patch from"
            + " the scanned folder with `git apply` after review.\n\n");
    md.append("## Fixes\n\n");
    for (String f : fixed) md.append("- ").append(f).append('\n');
    if (fixed.isEmpty()) md.append("None.\n");
    md.append("\n## Files\n\n");
    for (GeneratedFile f : files) md.append("- `").append(f.path()).append("`\n");
    if (!notes.isEmpty()) {
      md.append("\n## Not generated\n\n");
      for (String n : notes) md.append("- ").append(n).append('\n');
    }
    return md.toString();
  }
}
