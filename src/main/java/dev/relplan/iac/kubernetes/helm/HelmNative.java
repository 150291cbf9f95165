package dev.relplan.iac.kubernetes.helm;

import com.marcnuri.helm.jni.NativeLibrary;
import dev.relplan.source.PrivateTempDirectory;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Helm's native library and the command that runs the render process ({@link HelmWorker}). The
 * library is unpacked once per run into an owner-only temporary directory deleted at exit, never
 * into the home directory; the render process gets that directory as its home, temporary directory
 * and (empty) kubeconfig, and none of the user's Helm or Kubernetes settings, so nothing it does
 * can read the user's configuration or reach a cluster.
 */
final class HelmNative {
  /** The property helm-java reads to skip downloading a native library missing from the path. */
  private static final String SKIP_REMOTE_JAR = "com.marcnuri.jkube-helm.skipRemoteJar";

  /** Heap of the render process: it holds only the manifests; Helm's own memory is native. */
  private static final String RENDER_HEAP = "-Xmx128m";

  /**
   * The Kubernetes version templates see as {@code .Capabilities.KubeVersion}: {@code helm
   * template} takes it from the Kubernetes client Helm was built with, which Helm's library built
   * as a shared library leaves at v1.20, older than most charts accept (docs/helm.md).
   */
  static final String KUBE_VERSION = "v1.33.0";

  /**
   * The render process's kubeconfig: a cluster at port 0 of the loopback address, which no program
   * can listen on, so a {@code lookup} left in a chart archive fails at once instead of reaching a
   * server (an empty kubeconfig would mean {@code localhost:8080}).
   */
  private static final String NO_CLUSTER =
      """
      apiVersion: v1
      kind: Config
      clusters:
      - name: none
        cluster:
          server: http://127.0.0.1:0
      contexts:
      - name: none
        context:
          cluster: none
      current-context: none
      """;

  private static Path directory;
  private static Path library;
  private static String unavailable;

  private HelmNative() {}

  /** The command starting a render process ({@link HelmWorker}); null when Helm is unavailable. */
  static synchronized List<String> command() {
    if (library == null && unavailable == null) unpack();
    if (library == null) return null;
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            RENDER_HEAP,
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-Xshare:auto",
            "-Duser.home=" + directory.resolve("home"),
            "-Djava.io.tmpdir=" + directory.resolve("tmp"),
            "-Djna.tmpdir=" + directory.resolve("tmp"),
            "-D" + SKIP_REMOTE_JAR + "=true",
            "-cp",
            classPath(),
            HelmWorker.class.getName(),
            library.toString(),
            KUBE_VERSION));
    return command;
  }

  /** This process's class path with absolute entries: the render process runs elsewhere. */
  private static String classPath() {
    List<String> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator))
      if (!entry.isEmpty()) entries.add(Path.of(entry).toAbsolutePath().toString());
    return String.join(File.pathSeparator, entries);
  }

  /** Why Helm cannot render on this machine; null when it can (after {@link #command}). */
  static synchronized String unavailable() {
    return unavailable;
  }

  /** The private directory of this run's Helm work (charts are copied under it). */
  static synchronized Path workDirectory() {
    if (directory == null) directory = privateDirectory();
    return directory;
  }

  /**
   * The render process's environment: the user's Kubernetes and Helm settings removed, home and
   * kubeconfig inside the private directory.
   */
  static void isolate(Map<String, String> environment) {
    environment.keySet().removeIf(HelmNative::userSetting);
    Path home = workDirectory().resolve("home");
    environment.put("HOME", home.toString());
    environment.put("KUBECONFIG", workDirectory().resolve("kubeconfig").toString());
  }

  private static boolean userSetting(String name) {
    return name.startsWith("HELM_")
        || name.startsWith("KUBE")
        || name.startsWith("XDG_")
        || name.endsWith("_PROXY")
        || name.endsWith("_proxy");
  }

  private static void unpack() {
    NativeLibrary platform =
        NativeLibrary.serviceProviderLibrary(HelmNative.class.getClassLoader());
    if (platform == null) {
      unavailable =
          "Helm is not bundled for this platform ("
              + System.getProperty("os.name")
              + " "
              + System.getProperty("os.arch")
              + ")";
      return;
    }
    Path dir = workDirectory();
    try (InputStream in = platform.getClass().getResourceAsStream("/" + platform.getBinaryName())) {
      if (in == null) {
        unavailable = "Helm's native library is missing from relplan's jar";
        return;
      }
      Files.createDirectories(dir.resolve("home"));
      Files.createDirectories(dir.resolve("tmp"));
      Files.writeString(dir.resolve("kubeconfig"), NO_CLUSTER);
      Path target = dir.resolve(platform.getBinaryName());
      Files.copy(in, target);
      library = target;
    } catch (IOException e) {
      unavailable = "Helm's native library could not be unpacked: " + e.getMessage();
    }
  }

  private static Path privateDirectory() {
    return PrivateTempDirectory.create("relplan-helm-", "Helm");
  }

  static void deleteTree(Path dir) {
    PrivateTempDirectory.deleteTree(dir);
  }
}
