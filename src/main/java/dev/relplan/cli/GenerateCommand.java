package dev.relplan.cli;

import dev.relplan.assess.Assessment;
import dev.relplan.cli.args.CommandSpec;
import dev.relplan.cli.args.Option;
import dev.relplan.cli.args.ParsedCommand;
import dev.relplan.generate.BackupGenerator;
import dev.relplan.generate.FisGenerator;
import dev.relplan.generate.FixesGenerator;
import dev.relplan.generate.GenerateInput;
import dev.relplan.generate.GeneratedFile;
import dev.relplan.generate.Generation;
import dev.relplan.generate.SourceTexts;
import dev.relplan.pipeline.Adapters;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.RuleRegistry;
import dev.relplan.source.InputError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code relplan generate backup|fis|fixes PATH... -o DIR}: assesses the paths as {@code assess}
 * does, then writes IaC for the findings into DIR. Never applies anything, never writes outside
 * DIR.
 */
final class GenerateCommand {
  /** A string, as assess's --output of the same name is read. */
  static final Option<String> OUTPUT =
      Option.single(
          "DIR",
          "Directory to write the generated files into (created; required).",
          "-o",
          "--output");

  private GenerateCommand() {}

  static final CommandSpec SPEC =
      new CommandSpec(
          "generate",
          "Write infrastructure-as-code for the plan's findings into a directory; nothing is"
              + " applied.",
          List.of(Option.HELP, Option.VERSION),
          null,
          List.of(
              subcommand(
                  "backup",
                  "An AWS Backup plan (cross-Region copy, retention from --rpo) and a"
                      + " restore-testing plan for every data store found without a backup, in"
                      + " the workload's dialect: a patch for each CloudFormation/SAM template, a"
                      + " .tf file for each Terraform root module.",
                  BackupGenerator::generate),
              subcommand(
                  "fis",
                  "AWS FIS experiment templates for the testing plan (AZ power interruption,"
                      + " instance and ECS task termination, RDS/Aurora failover, Lambda invocation"
                      + " errors, EKS node and pod actions) targeting the resources the workload"
                      + " defines, stopping on its own alarms, with an IAM role.",
                  FisGenerator::generate),
              subcommand(
                  "fixes",
                  "One patch per file for the Critical and High findings with a mechanical fix"
                      + " (Multi-AZ, dead-letter queues, backup retention, replication, NAT per"
                      + " zone, health checks and probes, scaling policies and HPAs, gradual"
                      + " deployments with alarm rollback, reserved concurrency, timeouts, PDBs) in"
                      + " CloudFormation/SAM, Terraform, Kubernetes and Helm, each with what it"
                      + " costs.",
                  FixesGenerator::generate)),
          parsed -> {
            System.out.print(dev.relplan.cli.args.HelpText.of(parsed.spec(), parsed.path()));
            return 0;
          });

  /** The README of the kind's folder, which lists what was not generated and why. */
  private static String readme(Generation g) {
    return g.files().stream()
        .map(GeneratedFile::path)
        .filter(p -> p.endsWith("README.md"))
        .findFirst()
        .orElse("README.md");
  }

  private static CommandSpec subcommand(
      String name, String description, Function<GenerateInput, Generation> generator) {
    List<Option<?>> options = new ArrayList<>(List.of(Option.HELP, Option.VERSION));
    options.addAll(AssessCommand.INPUT_OPTIONS);
    options.add(OUTPUT);
    options.add(AssessCommand.QUIET);
    options.add(AssessCommand.DEBUG);
    return new CommandSpec(
        name,
        description,
        options,
        AssessCommand.PATHS,
        List.of(),
        parsed -> run(parsed, generator));
  }

  private static int run(ParsedCommand parsed, Function<GenerateInput, Generation> generator)
      throws IOException {
    Path dir = parsed.value(OUTPUT) == null ? null : Path.of(parsed.value(OUTPUT));
    if (dir == null)
      throw new InputError(
          "generate needs an output directory: pass -o DIR (the files are written there only)");
    if (Files.exists(dir) && !Files.isDirectory(dir))
      throw new InputError("-o '" + dir + "' is a file: pass a directory for the generated files");
    boolean quiet = parsed.flag(AssessCommand.QUIET);
    Pipeline.Request request =
        AssessCommand.request(parsed)
            .during(ProgressLine.forRun(quiet), Pipeline.SuppressionOptions.DEFAULT);
    Pipeline.Result result;
    try {
      result = Pipeline.run(request, Adapters.all(request), RuleRegistry.all());
    } finally {
      ProgressLine.end(request.progress());
    }
    Assessment assessment = result.assessment();
    Generation generation =
        generator.apply(
            new GenerateInput(
                assessment,
                result.workload(),
                new SourceTexts(request.paths(), assessment.scanRoots())));
    Path root = dir.toAbsolutePath().normalize();
    try {
      Files.createDirectories(root);
      for (GeneratedFile f : generation.files()) {
        Path target = root.resolve(f.path()).normalize();
        if (!target.startsWith(root))
          throw new IllegalStateException("generated path leaves " + root + ": " + f.path());
        Files.createDirectories(target.getParent());
        Files.writeString(target, f.content(), StandardCharsets.UTF_8);
        if (!quiet) System.out.println("wrote " + dir.resolve(f.path()));
      }
    } catch (IOException e) {
      throw new InputError(
          "cannot write into '" + dir + "' (" + e.getMessage() + "): pass a writable directory");
    }
    // The reasons are in the kind's README; a count keeps a large repository's output readable.
    int left = generation.notes().size();
    if (!quiet && left > 0)
      System.out.println(
          left
              + (left == 1 ? " finding or resource" : " findings or resources")
              + " not generated, each with the reason: see "
              + dir.resolve(readme(generation)));
    return 0;
  }
}
