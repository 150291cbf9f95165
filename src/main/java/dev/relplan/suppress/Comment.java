package dev.relplan.suppress;

/**
 * A comment as a file's own tokenizer or parser found it: its first and last line (1-based),
 * whether it stands on lines of its own (rather than after code on its first line), and its text
 * with its leader ({@code #}, {@code //}, {@code /*}).
 */
record Comment(int line, int endLine, boolean ownLine, String text) {}
