package dev.relplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;
import dev.relplan.parse.SeqNode;
import dev.relplan.parse.YamlLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The repository's pre-commit hook definition: pre-commit runs a {@code script} hook's entry as a
 * path from the hook repository's root (https://pre-commit.com/#script), so it must name an
 * executable file here, and relplan assesses the repository rather than the staged file names.
 */
class PreCommitHookTest {
  private static final Path HOOKS = Path.of(".pre-commit-hooks.yaml");

  private static MapNode relplanHook() throws Exception {
    List<Node> docs = YamlLoader.loadAll(HOOKS.toString(), Files.readString(HOOKS));
    SeqNode hooks = (SeqNode) docs.get(0);
    return hooks.items().stream()
        .map(MapNode.class::cast)
        .filter(h -> text(h, "id").equals("relplan"))
        .findFirst()
        .orElseThrow();
  }

  private static String text(MapNode map, String key) {
    return ((ScalarNode) map.get(key)).text();
  }

  @Test
  void theScriptHooksEntryIsAnExecutableFileOfTheRepository() throws Exception {
    MapNode hook = relplanHook();

    Path entry = Path.of(text(hook, "entry"));

    assertThat(text(hook, "language")).isEqualTo("script");
    assertThat(entry).isRegularFile();
    assertThat(Files.isExecutable(entry)).isTrue();
  }

  @Test
  void theHookAssessesTheRepositoryInsteadOfTheStagedFileNames() throws Exception {
    MapNode hook = relplanHook();

    List<String> args =
        ((SeqNode) hook.get("args")).items().stream().map(n -> ((ScalarNode) n).text()).toList();

    assertThat(text(hook, "pass_filenames")).isEqualTo("false");
    assertThat(text(hook, "always_run")).isEqualTo("true");
    assertThat(args).startsWith("assess", ".").contains("--fail-on");
  }
}
