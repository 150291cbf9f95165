package dev.relplan.model;

import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;

/** An AWS FIS experiment template. */
public final class FisExperiment extends Resource {
  public final List<String> actionIds = new ArrayList<>();
  public final List<String> targetTypes = new ArrayList<>();

  public FisExperiment(String scope, String id, String type, Location location) {
    super(scope, id, type, location);
  }
}
