package dev.relplan.iac.kubernetes.helm;

import com.marcnuri.helm.TemplateCommand;
import com.marcnuri.helm.jni.HelmLib;
import com.sun.jna.Native;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The render process's entry point: loads Helm's library from the path the scanning process
 * unpacked it to, renders one chart like {@code helm template} and prints the manifests on standard
 * output, or Helm's error on standard error with exit status 1. It runs in a process of its own
 * because a rendering Go template can neither be interrupted nor bounded in memory (docs/helm.md):
 * the scanning process stops it by ending the process.
 *
 * <p>Arguments: the library path, the chart directory, the Kubernetes version templates see as
 * {@code .Capabilities.KubeVersion}, then the values files in precedence order.
 */
public final class HelmWorker {
  private HelmWorker() {}

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    try {
      HelmLib helm = Native.load(args[0], HelmLib.class);
      TemplateCommand template =
          new TemplateCommand(helm, Path.of(args[1])).withKubeVersion(args[2]);
      for (int i = 3; i < args.length; i++) template.withValuesFile(Path.of(args[i]));
      out.print(template.call());
      out.flush();
      System.exit(0);
    } catch (RuntimeException | LinkageError e) {
      System.err.println(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
      System.exit(1);
    }
  }
}
