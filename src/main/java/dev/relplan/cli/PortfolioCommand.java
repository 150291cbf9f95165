package dev.relplan.cli;

import dev.relplan.cli.args.CommandSpec;
import dev.relplan.cli.args.Option;
import dev.relplan.cli.args.ParsedCommand;
import dev.relplan.cli.args.Positional;
import dev.relplan.portfolio.Portfolio;
import dev.relplan.portfolio.PortfolioRenderer;
import dev.relplan.portfolio.ReportReader;
import dev.relplan.portfolio.WorkloadReport;
import dev.relplan.source.InputError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code relplan portfolio REPORT.json... | DIR}: one overview across the workloads whose JSON
 * reports are given (a directory: every {@code .json} file under it). Reads only reports; assesses
 * nothing.
 */
final class PortfolioCommand {
  private PortfolioCommand() {}

  private static final Positional<String> REPORTS =
      Positional.oneOrMore(
          "REPORT",
          "JSON reports written by relplan assess --format json, or directories holding them"
              + " (every .json file below).",
          s -> s);

  private static final Option<String> FORMAT =
      Option.single("F", "md (default), json or html.", "--format");

  private static final Option<String> OUTPUT =
      Option.single("FILE", "File to write; - or none for stdout.", "-o", "--output");

  static final CommandSpec SPEC =
      new CommandSpec(
          "portfolio",
          "Summarise the JSON reports of many workloads: maturity and scores, frequent gaps,"
              + " Critical findings, availability targets, trends.",
          List.of(Option.HELP, Option.VERSION, FORMAT, OUTPUT),
          REPORTS,
          List.of(),
          PortfolioCommand::run);

  private static int run(ParsedCommand parsed) throws IOException {
    PortfolioRenderer renderer = renderer(parsed.value(FORMAT));
    List<WorkloadReport> reports = new ArrayList<>();
    for (Path file : reportFiles(parsed.positionals(REPORTS))) reports.add(ReportReader.read(file));
    String text = renderer.render(Portfolio.of(reports));
    String output = parsed.value(OUTPUT);
    if (output == null || output.equals("-")) {
      System.out.print(text);
      System.out.flush();
      return 0;
    }
    try {
      Files.writeString(Path.of(output), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InputError("cannot write '" + output + "' (" + e + "): pass a writable file path");
    }
    return 0;
  }

  private static PortfolioRenderer renderer(String format) {
    String wanted = format == null ? "md" : format;
    for (PortfolioRenderer r : PortfolioRenderer.all()) if (r.format().equals(wanted)) return r;
    throw new InputError("unknown portfolio format '" + wanted + "': use md, json or html");
  }

  /** The report files: each file as given, each directory's .json files below it, sorted. */
  static List<Path> reportFiles(List<String> arguments) {
    List<Path> out = new ArrayList<>();
    for (String argument : arguments) {
      Path path = Path.of(argument);
      if (Files.isRegularFile(path)) out.add(path);
      else if (Files.isDirectory(path)) out.addAll(jsonFilesUnder(path));
      else
        throw new InputError(
            "no report at '" + argument + "': pass JSON report files or directories holding them");
    }
    return out;
  }

  private static List<Path> jsonFilesUnder(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      List<Path> found =
          files
              .filter(Files::isRegularFile)
              .filter(f -> f.getFileName().toString().endsWith(".json"))
              .sorted()
              .toList();
      if (found.isEmpty())
        throw new InputError(
            "no .json file under '" + dir + "': pass a directory holding relplan JSON reports");
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
