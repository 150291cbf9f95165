package dev.relplan.iac.kubernetes.kustomize;

/**
 * A kustomization that cannot be rendered at all (a resource cycle, nesting past the bound, an
 * object declared twice, an unreadable kustomization file): its root is skipped with this reason.
 */
final class RenderException extends RuntimeException {
  RenderException(String message) {
    super(message, null, false, false);
  }
}
