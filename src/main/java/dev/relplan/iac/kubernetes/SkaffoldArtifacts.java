package dev.relplan.iac.kubernetes;

import dev.relplan.discover.SourceFile;
import dev.relplan.model.ComputeGroup;
import dev.relplan.model.Function;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;
import dev.relplan.source.Location;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The code a Kubernetes workload runs, from a Skaffold configuration ({@code apiVersion:
 * skaffold/…}, {@code kind: Config}): each of its top-level {@code build.artifacts} builds the
 * image named by {@code image} from the folder {@code context} (relative to the configuration's
 * folder, {@code .} by default), and Skaffold puts the built image into every manifest container
 * whose image has that name (Skaffold docs, "Build": "artifacts"; "Image name replacement"). A
 * workload running such an image gets that folder as its {@link ComputeGroup#codeFolder}, citing
 * the artifact's {@code image} line. Profiles, which may replace the artifacts, are not read.
 */
final class SkaffoldArtifacts {
  private SkaffoldArtifacts() {}

  /** Whether a document is a Skaffold configuration. */
  static boolean isSkaffold(Node document) {
    String api = Fields.text(document, "apiVersion");
    return api != null
        && api.startsWith("skaffold/")
        && "Config".equals(Fields.text(document, "kind"));
  }

  /** Gives each workload whose image an artifact builds that artifact's folder. */
  static void apply(List<SourceFile> files, Workload w) {
    Map<String, Value<String>> folderByImage = new LinkedHashMap<>();
    for (SourceFile f : files)
      for (Node document : f.documents())
        if (isSkaffold(document)) artifacts(document, folderOf(f.display()), folderByImage);
    if (folderByImage.isEmpty()) return;
    for (ComputeGroup g : w.all(ComputeGroup.class)) {
      if (g.kind != ComputeGroup.Kind.KUBERNETES_WORKLOAD || g.codeFolder.present()) continue;
      for (Value<String> image : g.images) {
        Value<String> folder = folderByImage.get(imageName(image.get()));
        if (folder == null) continue;
        g.codeFolder = folder;
        break;
      }
    }
  }

  private static void artifacts(Node config, String folder, Map<String, Value<String>> into) {
    for (Node artifact : Fields.seq(config, "build", "artifacts")) {
      ScalarNode image = Fields.scalar(artifact, "image");
      if (image == null || image.isNull() || image.text().isBlank()) continue;
      String context = Fields.text(artifact, "context");
      String path = context == null ? "." : context;
      List<Location> at = List.of(image.location());
      // A name built twice keeps its first folder; a context outside the repository is unknown.
      into.putIfAbsent(
          imageName(image.text().strip()),
          path.contains("://") || path.startsWith("/")
              ? Value.unresolved(
                  "the artifact's context " + path + " is outside the repository", at)
              : Value.explicit(
                  Function.normalize(folder.isEmpty() ? path : folder + "/" + path), at));
    }
  }

  /**
   * The image name without its tag or digest: {@code reg:5000/app:1.2@sha256:…} → {@code
   * reg:5000/app}.
   */
  static String imageName(String image) {
    String name = image.strip();
    int at = name.indexOf('@');
    if (at >= 0) name = name.substring(0, at);
    int colon = name.lastIndexOf(':');
    if (colon > name.lastIndexOf('/')) name = name.substring(0, colon);
    return name;
  }

  private static String folderOf(String display) {
    int slash = display.lastIndexOf('/');
    return slash < 0 ? "" : display.substring(0, slash);
  }
}
