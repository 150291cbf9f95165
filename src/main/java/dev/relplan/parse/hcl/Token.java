package dev.relplan.parse.hcl;

/**
 * A lexical token. {@code start}/{@code end} index the lexed text. {@code value} is the decoded
 * text of template literals and the marker of heredoc openers. {@code flag} is the {@code ~} strip
 * marker on {@code ${~}, {@code %{~} and {@code ~}}, and the indent-stripping flag on {@code <<-}.
 */
record Token(TokenType type, int start, int end, String text, String value, boolean flag) {}
