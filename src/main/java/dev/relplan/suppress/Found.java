package dev.relplan.suppress;

import java.util.List;

/**
 * A directive read from a file at {@code line}, covering the declarations on {@code covered}
 * (empty: the whole file).
 */
record Found(Directive directive, int line, List<Integer> covered) {}
