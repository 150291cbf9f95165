package dev.relplan.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.code.EntryPoints.Entry;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a service folder's Dockerfile runs, as the Dockerfile reference defines it. */
class EntryPointsTest {
  private static final Set<String> SOURCES = Set.of("svc/app.py", "svc/worker.py", "svc/main.js");

  private static Entry entry(String dockerfile) {
    SourceFile f =
        new SourceFile(
            Path.of("svc/Dockerfile"), "svc/Dockerfile", FileKind.OTHER, dockerfile, List.of());
    Map<String, Entry> entries = EntryPoints.read(List.of(f), SOURCES);
    return entries.get("svc");
  }

  @Test
  void anExecFormEntrypointTakesCmdAsItsArguments() {
    Entry e = entry("FROM python:3\nENTRYPOINT [\"python\"]\nCMD [\"app.py\"]\n");
    assertThat(e.files()).containsExactly("svc/app.py");
    assertThat(e.declared().get(0).line()).isEqualTo(2);
  }

  @Test
  void aShellFormEntrypointIgnoresCmd() {
    Entry e = entry("FROM python:3\nENTRYPOINT python worker.py\nCMD [\"app.py\"]\n");
    assertThat(e.files()).containsExactly("svc/worker.py");
  }

  @Test
  void aContinuedLineIsOneInstruction() {
    Entry e = entry("FROM node:20\nCMD [\"node\", \\\n     \"main.js\"]\n");
    assertThat(e.files()).containsExactly("svc/main.js");
  }

  @Test
  void theBuiltStageInheritsTheCommandOfTheStageItStartsFrom() {
    Entry e =
        entry(
            "FROM python:3 AS base\nCMD [\"python\", \"app.py\"]\n"
                + "FROM node:20 AS assets\nCMD [\"node\", \"main.js\"]\nFROM base\nRUN true\n");
    assertThat(e.files()).containsExactly("svc/app.py");
  }

  @Test
  void aBuilderStagesCommandIsNotTheImages() {
    Entry e =
        entry(
            "FROM python:3 AS build\nCMD [\"python\", \"app.py\"]\nFROM gcr.io/distroless/python3\n");
    assertThat(e.resolved()).isFalse();
    assertThat(e.unresolved()).contains("no ENTRYPOINT or CMD");
  }

  @Test
  void aProgramMatchingNoScannedFileIsUnresolved() {
    assertThat(entry("FROM python:3\nCMD [\"python\", \"other.py\"]\n").unresolved())
        .contains("svc/Dockerfile:2", "not one scanned file");
  }
}
