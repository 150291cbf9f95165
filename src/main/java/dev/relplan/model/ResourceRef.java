package dev.relplan.model;

/**
 * A reference from one resource to another inside the model: {@code scope} is the template or
 * module that declares the target, {@code id} its logical id or address, {@code attribute} the
 * attribute referenced (null for a plain reference).
 */
public record ResourceRef(String scope, String id, String attribute) {
  public String key() {
    return scope + "#" + id;
  }

  @Override
  public String toString() {
    return attribute == null ? id : id + "." + attribute;
  }
}
