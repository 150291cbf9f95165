package dev.relplan.iac.kubernetes;

import dev.relplan.adapt.Adapter;
import dev.relplan.adapt.Draft;
import dev.relplan.discover.Discovery;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Workload;
import dev.relplan.source.FileGuard;
import dev.relplan.source.SkippedFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Kubernetes manifests: every YAML or JSON document, whatever the file's name, that names {@code
 * apiVersion}, {@code kind} and {@code metadata}. Each file is mapped through {@link FileGuard}
 * into a draft kept only when the whole file was read; objects are tied by label once every adapter
 * has added its own ({@link #link}).
 */
public final class KubernetesAdapter implements Adapter {
  /** The scope of objects read from manifests as written (no Kustomize or Helm rendering). */
  public static final String MANIFESTS_SCOPE = "kubernetes";

  private final List<SkippedFile> skipped = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  @Override
  public boolean claims(SourceFile file) {
    if (file.kind() != FileKind.OTHER || file.documents().isEmpty()) return false;
    return PartialManifests.isChart(file)
        || PartialManifests.isKustomization(file)
        || file.documents().stream().anyMatch(KubernetesObjects::isManifest);
  }

  @Override
  public void adapt(Discovery.Result claimed, Workload w) {
    PartialManifests partial = PartialManifests.of(claimed.files());
    int files = 0;
    int partialFiles = 0;
    int partialDocuments = 0;
    int objects = 0;
    for (SourceFile f : claimed.files()) {
      if (PartialManifests.isChart(f) || PartialManifests.isKustomization(f)) continue;
      if (partial.partReason(f) != null) {
        partialFiles++;
        continue;
      }
      Workload draft = Draft.start();
      Optional<SkippedFile> stopped =
          FileGuard.run(
              f.display(), () -> KubernetesModel.add(f.documents(), MANIFESTS_SCOPE, draft));
      if (stopped.isPresent()) {
        skipped.add(stopped.get());
        continue;
      }
      Draft.commit(draft, w);
      files++;
      objects += KubernetesObjects.of(f.documents()).size();
      partialDocuments += KubernetesObjects.partial(f.documents());
    }
    if (files > 0)
      notes.add(
          "Kubernetes: "
              + objects
              + " object(s) read from "
              + files
              + " manifest file(s), namespaces as written (objects without one in 'default')");
    if (partialFiles > 0)
      notes.add(
          "Kubernetes: "
              + partialFiles
              + " file(s) of Helm chart templates or Kustomize patches not assessed as whole objects");
    if (partialDocuments > 0)
      notes.add(
          "Kubernetes: "
              + partialDocuments
              + " document(s) without kind or metadata.name not assessed as objects");
  }

  @Override
  public void link(Discovery.Result claimed, Workload w) {
    KubernetesModel.link(w);
  }

  @Override
  public List<String> notes() {
    return notes;
  }

  @Override
  public List<SkippedFile> skipped() {
    return skipped;
  }
}
