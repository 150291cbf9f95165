package dev.relplan.iac.kubernetes.kustomize;

import dev.relplan.parse.Node;
import dev.relplan.source.SkippedFile;
import java.util.List;
import java.util.Set;

/**
 * One rendered kustomization root: the folder and file as the report names them, the environment
 * its path names, whether it is the assessed configuration of its family (the roots sharing files),
 * the objects it renders (located trees: each value at the line that decided it), what it could not
 * assess, how it was read, and every file it read.
 */
public record KustomizeRoot(
    String dir,
    String file,
    Environment environment,
    boolean assessed,
    List<Node> objects,
    List<SkippedFile> skipped,
    List<String> notes,
    Set<String> files) {

  /** What a root's path says about the environment it deploys. */
  public enum Environment {
    PRODUCTION,
    NON_PRODUCTION,
    UNKNOWN
  }

  KustomizeRoot assessed(boolean value) {
    return new KustomizeRoot(dir, file, environment, value, objects, skipped, notes, files);
  }
}
