package dev.relplan.model;

/** The types Docker Compose resources are reported under: services, and the volumes they write. */
public final class ComposeTypes {
  /** A Compose service, and the stateful service of the same name when it runs a database image. */
  public static final String SERVICE = "Compose service";

  private ComposeTypes() {}

  /** True for a resource read from a Compose file. */
  public static boolean isCompose(Resource r) {
    return r.type.equals(SERVICE) || r.type.equals(Volume.COMPOSE);
  }
}
