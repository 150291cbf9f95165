package dev.relplan.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Path arguments stay inside the roots, whatever their spelling. */
class AllowedRootsTest {
  @TempDir Path dir;

  @Test
  void aRelativePathIsReadFromTheFirstRoot() throws Exception {
    Path root = Files.createDirectories(dir.resolve("repo")).toRealPath();
    Files.createDirectories(root.resolve("infra"));

    assertThat(AllowedRoots.confine("infra", "paths", List.of(root)))
        .isEqualTo(root.resolve("infra"));
  }

  @Test
  void dotDotOutOfTheRootIsRefused() throws Exception {
    Path root = Files.createDirectories(dir.resolve("repo")).toRealPath();

    assertThatThrownBy(() -> AllowedRoots.confine("../elsewhere", "paths", List.of(root)))
        .isInstanceOf(ToolError.class)
        .hasMessageStartingWith("paths '../elsewhere' is outside the allowed roots (" + root);
  }

  @Test
  void aSymbolicLinkLeavingTheRootIsRefused() throws Exception {
    Path root = Files.createDirectories(dir.resolve("repo")).toRealPath();
    Path outside = Files.createDirectories(dir.resolve("secrets"));
    Files.createSymbolicLink(root.resolve("link"), outside);

    assertThatThrownBy(() -> AllowedRoots.confine("link", "paths", List.of(root)))
        .isInstanceOf(ToolError.class)
        .hasMessageContaining("outside the allowed roots");
  }

  @Test
  void aPathInsideTheSecondRootIsAllowed() throws Exception {
    Path first = Files.createDirectories(dir.resolve("a")).toRealPath();
    Path second = Files.createDirectories(dir.resolve("b")).toRealPath();

    assertThat(AllowedRoots.confine(second.toString(), "baseline", List.of(first, second)))
        .isEqualTo(second);
  }

  @Test
  void aRootsSiblingWithTheSamePrefixIsOutside() throws Exception {
    Path root = Files.createDirectories(dir.resolve("repo")).toRealPath();
    Path sibling = Files.createDirectories(dir.resolve("repo-other")).toRealPath();

    assertThatThrownBy(() -> AllowedRoots.confine(sibling.toString(), "paths", List.of(root)))
        .isInstanceOf(ToolError.class);
  }
}
