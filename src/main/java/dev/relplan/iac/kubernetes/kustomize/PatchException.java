package dev.relplan.iac.kubernetes.kustomize;

/**
 * A patch that cannot be applied (a path that does not exist, a failed {@code test}, a selector
 * relplan cannot evaluate): kustomize would fail the build; the patch is left out and named.
 */
final class PatchException extends RuntimeException {
  PatchException(String message) {
    super(message, null, false, false);
  }
}
