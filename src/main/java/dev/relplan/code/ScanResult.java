package dev.relplan.code;

import dev.relplan.model.EventHandler;
import dev.relplan.model.HealthEndpoint;
import dev.relplan.model.Integration;
import dev.relplan.model.Migration;
import dev.relplan.source.SkippedFile;
import java.util.ArrayList;
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

  /** Nothing found and nothing skipped. */
  public static ScanResult empty() {
    return new ScanResult(List.of(), List.of(), List.of(), List.of(), List.of());
  }

  /** The results' lists concatenated in the results' order. */
  public static ScanResult merge(List<ScanResult> results) {
    List<Integration> integrations = new ArrayList<>();
    List<HealthEndpoint> healthEndpoints = new ArrayList<>();
    List<EventHandler> eventHandlers = new ArrayList<>();
    List<Migration> breakingMigrations = new ArrayList<>();
    List<SkippedFile> skipped = new ArrayList<>();
    for (ScanResult r : results) {
      integrations.addAll(r.integrations());
      healthEndpoints.addAll(r.healthEndpoints());
      eventHandlers.addAll(r.eventHandlers());
      breakingMigrations.addAll(r.breakingMigrations());
      skipped.addAll(r.skipped());
    }
    return new ScanResult(
        integrations, healthEndpoints, eventHandlers, breakingMigrations, skipped);
  }
}
