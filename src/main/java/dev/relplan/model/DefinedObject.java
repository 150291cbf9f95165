package dev.relplan.model;

/**
 * The deployed object a declaration defines, when a repository may define one object several times
 * side by side (Kubernetes: the same kind, namespace and name as manifests, a Kustomize overlay and
 * a Helm chart). The assessment reports an object's findings once when its definitions agree, and
 * each on its own, naming its definition, when they disagree.
 *
 * @param identity what makes two declarations the same object, whatever their scope
 * @param definition the definition it was read from, as the plan names it (a manifest file, a
 *     Kustomize root, a chart)
 * @param rank the definition's order of precedence (0 first): evidence from several definitions is
 *     listed in this order
 */
public record DefinedObject(String identity, String definition, int rank) {}
