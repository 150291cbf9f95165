package dev.relplan.bench;

import dev.relplan.discover.Discovery;
import dev.relplan.iac.kubernetes.kustomize.Kustomize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rendering a Kustomize tree: a base of {@code objects} objects (Deployment, Service, HPA and PDB
 * per service, 20 objects a file) with a production overlay (namespace, prefix, labels, images, a
 * strategic merge patch per service and a JSON patch per ten) and a staging overlay (replicas). Run
 * with {@code java -cp … org.openjdk.jmh.Main KustomizeBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class KustomizeBenchmark {
  @Param({"1000"})
  public int objects;

  private Path tree;
  private Discovery.Result discovered;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    tree = write(Files.createTempDirectory("relplan-kustomize-bench"), objects / 4);
    discovered = discovery().discover(List.of(tree));
  }

  private static Discovery discovery() {
    return new Discovery(Discovery.DEFAULT_EXCLUDED_DIRS, Kustomize::asksFor);
  }

  /** Rendering alone, from the files discovery read. */
  @Benchmark
  public int render() {
    return Kustomize.render(discovered).roots().get(0).objects().size();
  }

  /** Discovery (walk, read, parse) and rendering. */
  @Benchmark
  public int discoverAndRender() throws IOException {
    return Kustomize.render(discovery().discover(List.of(tree))).roots().get(0).objects().size();
  }

  /** Writes the tree for {@code services} services (four objects each). */
  public static Path write(Path dir, int services) throws IOException {
    Files.createDirectories(dir.resolve("base"));
    StringBuilder base = new StringBuilder("resources:\n");
    StringBuilder file = new StringBuilder();
    for (int s = 0; s < services; s++) {
      file.append(service("svc" + s));
      if ((s + 1) % 5 == 0 || s == services - 1) {
        String name = "services-" + s / 5 + ".yaml";
        Files.writeString(dir.resolve("base").resolve(name), file.toString());
        base.append("  - ").append(name).append('\n');
        file.setLength(0);
      }
    }
    Files.writeString(dir.resolve("base/kustomization.yaml"), base.toString());
    writeProduction(dir.resolve("overlays/prod"), services);
    Path staging = Files.createDirectories(dir.resolve("overlays/staging"));
    StringBuilder replicas = new StringBuilder("resources: [../../base]\nreplicas:\n");
    for (int s = 0; s < services; s++)
      replicas.append("  - name: svc").append(s).append("\n    count: 2\n");
    Files.writeString(staging.resolve("kustomization.yaml"), replicas.toString());
    return dir;
  }

  private static void writeProduction(Path prod, int services) throws IOException {
    Files.createDirectories(prod);
    StringBuilder k =
        new StringBuilder(
            "resources: [../../base]\nnamespace: shop\nnamePrefix: prod-\n"
                + "commonLabels:\n  env: prod\nimages:\n  - name: shop/app\n    newTag: '2.0'\n"
                + "patches:\n");
    StringBuilder patches = new StringBuilder();
    for (int s = 0; s < services; s++) {
      patches.append(
          "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: svc"
              + s
              + "\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n"
              + "        - name: app\n          resources: {limits: {memory: 512Mi}}\n");
      if (s % 10 == 0)
        k.append("  - target: {kind: HorizontalPodAutoscaler, name: svc")
            .append(s)
            .append("}\n    patch: |-\n      - op: replace\n        path: /spec/minReplicas\n")
            .append("        value: 3\n");
    }
    Files.writeString(prod.resolve("replicas.yaml"), patches.toString());
    k.append("  - path: replicas.yaml\n");
    Files.writeString(prod.resolve("kustomization.yaml"), k.toString());
  }

  private static String service(String name) {
    return "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: NAME\nspec:\n"
            .replace("NAME", name)
        + "  replicas: 1\n  selector:\n    matchLabels: {app: NAME}\n  template:\n"
            .replace("NAME", name)
        + "    metadata:\n      labels: {app: NAME}\n    spec:\n      containers:\n"
            .replace("NAME", name)
        + "        - name: app\n          image: shop/app:1.0\n          ports: [{containerPort: 8080}]\n"
        + "          readinessProbe: {httpGet: {path: /healthz, port: 8080}}\n"
        + ("---\napiVersion: v1\nkind: Service\nmetadata:\n  name: NAME\nspec:\n"
                + "  selector: {app: NAME}\n  ports: [{port: 80, targetPort: 8080}]\n"
                + "---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n"
                + "  name: NAME\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment,"
                + " name: NAME}\n  minReplicas: 1\n  maxReplicas: 5\n"
                + "---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: NAME\n"
                + "spec:\n  maxUnavailable: 1\n  selector:\n    matchLabels: {app: NAME}\n")
            .replace("NAME", name);
  }
}
