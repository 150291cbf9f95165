package dev.relplan.model;

import dev.relplan.source.Location;

/** A resource type the model does not need in detail; counted so coverage is visible. */
public final class GenericResource extends Resource {

  public GenericResource(String scope, String id, String type, Location location) {
    super(scope, id, type, location);
  }
}
