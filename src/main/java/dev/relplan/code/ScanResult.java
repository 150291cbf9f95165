package dev.relplan.code;

import dev.relplan.model.EventHandler;
import dev.relplan.model.HealthEndpoint;
import dev.relplan.model.Integration;
import dev.relplan.model.Migration;
import dev.relplan.source.SkippedFile;
import java.util.List;

/**
 * What one {@link LanguageScanner} found, each list named for the workload list it goes to, and the
 * files (or statements) it could not analyse.
 */
public record ScanResult(
    List<Integration> integrations,
    List<HealthEndpoint> healthEndpoints,
    List<EventHandler> eventHandlers,
    List<Migration> breakingMigrations,
    List<SkippedFile> skipped) {
  /** Outbound calls and health endpoints only, what most languages' scanners find. */
  public static ScanResult of(
      List<Integration> integrations,
      List<HealthEndpoint> healthEndpoints,
      List<SkippedFile> skipped) {
    return new ScanResult(integrations, healthEndpoints, List.of(), List.of(), skipped);
  }
}
