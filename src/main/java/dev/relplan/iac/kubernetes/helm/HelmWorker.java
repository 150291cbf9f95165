package dev.relplan.iac.kubernetes.helm;

import com.marcnuri.helm.TemplateCommand;
import com.marcnuri.helm.jni.HelmLib;
import com.sun.jna.Native;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The render process's entry point: loads Helm's library from the path the scanning process
 * unpacked it to, then renders the charts it is asked for one after another, like {@code helm
 * template}. It runs in a process of its own because a rendering Go template can neither be
 * interrupted nor bounded in memory (docs/helm.md): the scanning process stops it by ending the
 * process, and starts a new one for the next chart.
 *
 * <p>Arguments: the library path and the Kubernetes version templates see as {@code
 * .Capabilities.KubeVersion}. Each request on standard input is a line holding a count n, then n
 * lines: the chart directory and the values files in precedence order. Each answer on standard
 * output is a line {@code OK <bytes>} (the manifests) or {@code ERR <bytes>} (Helm's error),
 * followed by that many bytes of UTF-8. The process ends when its input ends.
 */
public final class HelmWorker {
  private HelmWorker() {}

  public static void main(String[] args) throws IOException {
    HelmLib helm;
    try {
      helm = Native.load(args[0], HelmLib.class);
    } catch (RuntimeException | LinkageError e) {
      System.err.println(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
      System.exit(1);
      return;
    }
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out));
    for (String count = in.readLine(); count != null; count = in.readLine()) {
      List<String> paths = new ArrayList<>();
      int n = Integer.parseInt(count.strip());
      for (int i = 0; i < n; i++) paths.add(in.readLine());
      answer(out, render(helm, args[1], paths));
    }
    out.flush();
    System.exit(0);
  }

  /** Helm's answer: the manifests, or its error. */
  private record Answer(boolean rendered, String text) {}

  private static Answer render(HelmLib helm, String kubeVersion, List<String> paths) {
    try {
      TemplateCommand template =
          new TemplateCommand(helm, Path.of(paths.get(0))).withKubeVersion(kubeVersion);
      for (String values : paths.subList(1, paths.size())) template.withValuesFile(Path.of(values));
      return new Answer(true, template.call());
    } catch (RuntimeException | LinkageError e) {
      return new Answer(
          false, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }

  private static void answer(OutputStream out, Answer answer) throws IOException {
    byte[] body = answer.text().getBytes(StandardCharsets.UTF_8);
    String header = (answer.rendered() ? "OK " : "ERR ") + body.length + "\n";
    out.write(header.getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
  }
}
