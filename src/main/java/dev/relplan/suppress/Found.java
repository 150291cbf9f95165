package dev.relplan.suppress;

import dev.relplan.model.Suppression;
import java.util.List;

/**
 * A directive read from a file at {@code line}, covering the declarations on {@code covered}
 * (empty: the whole file).
 */
record Found(Directive directive, int line, List<Suppression.Lines> covered) {}
