package dev.relplan.cli;

import dev.relplan.cli.args.CommandSpec;
import dev.relplan.cli.args.Option;
import dev.relplan.cli.args.ParsedCommand;
import dev.relplan.cli.args.Positional;
import dev.relplan.parse.YamlText;
import dev.relplan.pipeline.Config;
import dev.relplan.pipeline.Incidents;
import dev.relplan.pipeline.Objectives;
import dev.relplan.source.InputError;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code relplan init [DIR]}: asks the questions of the method's first step (workload name,
 * availability target, recovery objectives, past incidents) and the business tier on a terminal and
 * writes {@code relplan.yaml}, which {@code assess} then reads. It only ever asks a person: without
 * a terminal it stops at once with what to do instead, so it never waits in CI.
 */
final class InitCommand {
  private InitCommand() {}

  private static final Positional<Path> DIR =
      new Positional<>(
          "DIR",
          "The folder to write relplan.yaml into (default: the current folder).",
          false,
          Path::of);

  static final Option<Boolean> FORCE =
      Option.flag("Overwrite an existing relplan.yaml.", "--force");

  static final CommandSpec SPEC =
      new CommandSpec(
          "init",
          "Ask for the workload's name, availability target and recovery objectives on a terminal"
              + " and write relplan.yaml.",
          List.of(Option.HELP, Option.VERSION, FORCE),
          DIR,
          List.of(),
          InitCommand::run);

  private static int run(ParsedCommand parsed) throws IOException {
    List<Path> dirs = parsed.positionals(DIR);
    if (dirs.size() > 1) throw new InputError("init takes one folder: relplan init [DIR]");
    Path dir = dirs.isEmpty() ? Path.of(".") : dirs.get(0);
    if (System.console() == null)
      throw new InputError(
          "init asks its questions on a terminal and none is attached: run it in one, or write "
              + Config.FILE_NAME
              + " by hand (keys: workload, target, rto, rpo, tier, incidents, environments,"
              + " exclude)");
    BufferedReader in = new BufferedReader(System.console().reader());
    return write(dir, parsed.flag(FORCE), in, System.out);
  }

  /** Asks the questions on {@code out}, reads the answers from {@code in}, writes the file. */
  static int write(Path dir, boolean force, BufferedReader in, PrintStream out) throws IOException {
    if (!Files.isDirectory(dir))
      throw new InputError("'" + dir + "' is not a folder: pass the folder to write into");
    Path file = dir.resolve(Config.FILE_NAME);
    if (Files.exists(file) && !force)
      throw new InputError(file + " already exists: edit it, or pass --force to replace it");
    Path name = dir.toAbsolutePath().normalize().getFileName();
    Questions q = new Questions(in, out);
    out.println("relplan init: a few questions about the workload (Enter keeps the default).");
    String workload = q.ask("Workload name", name == null ? "workload" : name.toString(), s -> s);
    String target =
        q.ask(
            "Availability target in percent (99.9, 99.95, 99.99; empty: none)",
            "",
            s -> s.isEmpty() ? s : String.valueOf(Objectives.target("target", s)));
    String rto =
        q.ask(
            "Recovery time objective (15m, 4h, PT1H; empty: none)",
            "",
            s -> s.isEmpty() ? s : Objectives.duration("rto", s));
    String rpo =
        q.ask(
            "Recovery point objective (5m, 1h, PT15M; empty: none)",
            "",
            s -> s.isEmpty() ? s : Objectives.duration("rpo", s));
    String tier =
        q.ask(
            "Business tier (" + String.join(", ", Config.TIERS) + "; empty: none)",
            "",
            InitCommand::tier);
    String incidents =
        q.ask(
            "Past incidents file, relative to this folder (YAML/JSON list: date, title,"
                + " description, affected; empty: none)",
            "",
            s -> incidentsFile(dir, s));
    StringBuilder yaml = new StringBuilder();
    yaml.append("# relplan settings, read by `relplan assess` (command-line options win).\n");
    yaml.append("workload: ").append(YamlText.doubleQuoted(workload)).append("\n");
    if (!target.isEmpty()) yaml.append("target: ").append(target).append("\n");
    if (!rto.isEmpty()) yaml.append("rto: ").append(rto).append("\n");
    if (!rpo.isEmpty()) yaml.append("rpo: ").append(rpo).append("\n");
    if (!tier.isEmpty()) yaml.append("tier: ").append(tier).append("\n");
    if (!incidents.isEmpty())
      yaml.append("incidents: ").append(YamlText.doubleQuoted(incidents)).append("\n");
    yaml.append("# Folders to skip: exclude: [path, ...]; per-environment input files:\n");
    yaml.append("# environments: {prod: {parameters: [..], varFiles: [..], values: [..]}}\n");
    yaml.append("# chosen with --environment prod (see the README).\n");
    Files.writeString(file, yaml.toString(), StandardCharsets.UTF_8);
    out.println("Wrote " + file + ". Next: relplan assess " + dir);
    return 0;
  }

  private static String tier(String answer) {
    String tier = answer.toLowerCase(java.util.Locale.ROOT);
    if (tier.isEmpty() || Config.TIERS.contains(tier)) return tier;
    throw new InputError("tier '" + answer + "' is not one of " + String.join(", ", Config.TIERS));
  }

  /** An incidents file that exists under {@code dir} and reads as a list of incidents. */
  private static String incidentsFile(Path dir, String answer) {
    if (answer.isEmpty()) return answer;
    Path file = dir.resolve(answer);
    if (!Files.isRegularFile(file))
      throw new InputError(
          "'" + answer + "' is not a file in " + dir + ": give its path relative to that folder");
    Incidents.load(file);
    return answer.replace('\\', '/');
  }

  /** One question at a time; a wrong answer is explained and asked again. */
  private record Questions(BufferedReader in, PrintStream out) {
    String ask(String question, String fallback, UnaryOperator<String> check) throws IOException {
      while (true) {
        out.print(question + (fallback.isEmpty() ? "" : " [" + fallback + "]") + ": ");
        out.flush();
        String line = in.readLine();
        if (line == null)
          throw new InputError("init: input ended before every question was answered");
        String answer = line.strip().isEmpty() ? fallback : line.strip();
        try {
          return check.apply(answer);
        } catch (InputError e) {
          out.println("  " + e.getMessage());
        }
      }
    }
  }
}
