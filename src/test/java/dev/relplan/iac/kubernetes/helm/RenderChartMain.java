package dev.relplan.iac.kubernetes.helm;

import dev.relplan.source.FileGuard;
import java.nio.file.Path;
import java.util.List;

/** Renders one chart and prints its object count and skipped entries: run as its own process. */
public final class RenderChartMain {
  private RenderChartMain() {}

  public static void main(String[] args) {
    RenderedChart chart =
        HelmCharts.render(
            Path.of(args[0]), "chart", List.of(), new FileGuard.Limits(60, 256L * 1024 * 1024));
    System.out.println("objects=" + chart.objects().size() + " skipped=" + chart.skipped());
  }
}
