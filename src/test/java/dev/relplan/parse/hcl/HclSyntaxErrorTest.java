package dev.relplan.parse.hcl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HclSyntaxErrorTest {

  private static void assertError(String src, int line, int column, String detail) {
    HclSyntaxException e = Hcl.error(src);
    assertThat(e.detail()).isEqualTo(detail);
    assertThat(e.line()).as("line of: %s", e.getMessage()).isEqualTo(line);
    assertThat(e.column()).as("column of: %s", e.getMessage()).isEqualTo(column);
    assertThat(e.file()).isEqualTo("t.tf");
  }

  @Test
  void messageCarriesPathLineAndColumn() {
    String src = "\n".repeat(11) + "    = 1\n";
    HclSyntaxException e = Hcl.error(src);
    assertThat(HclSyntaxErrorTest.messageFor("infra/main.tf", src))
        .isEqualTo("infra/main.tf:12:5: expected an attribute name or block type, found '='");
    assertThat(e.line()).isEqualTo(12);
  }

  private static String messageFor(String path, String src) {
    try {
      HclParser.parse(path, src);
      return "no error";
    } catch (HclSyntaxException e) {
      return e.getMessage();
    }
  }

  @Test
  void blockWithoutBodyAfterLabels() {
    assertError(
        "resource \"aws_s3_bucket\" \"b\"\n",
        1,
        29,
        "expected '{' after the labels of block \"resource\", found newline");
  }

  @Test
  void bareNameWithoutEqualsOrBrace() {
    assertError("resource\n", 1, 9, "expected '=' or '{' after \"resource\", found newline");
  }

  @Test
  void attributeWithoutValue() {
    assertError("x = \n", 1, 5, "expected an expression, found newline");
  }

  @Test
  void twoAttributesOnOneLine() {
    assertError(
        "a = 1 b = 2\n",
        1,
        7,
        "expected a newline after the value of attribute \"a\", found identifier \"b\"");
  }

  @Test
  void quotedStringSpanningLines() {
    assertError(
        "a = \"abc\nb = 1\n",
        1,
        5,
        "unterminated string: a quoted string cannot span lines (use \\n or a heredoc)");
  }

  @Test
  void quotedStringAtEndOfInput() {
    assertError("a = \"abc", 1, 5, "unterminated string; missing closing '\"'");
  }

  @Test
  void unclosedBlockReportsEndOfInputAndOpeningLine() {
    assertError(
        "resource \"x\" \"y\" {\n  a = 1\n",
        3,
        1,
        "unexpected end of input: missing '}' to close block \"resource\" opened at line 1");
  }

  @Test
  void strayClosingBrace() {
    assertError("a = 1\n}\n", 2, 1, "expected an attribute name or block type, found '}'");
  }

  @Test
  void contentAfterClosingBraceOnSameLine() {
    assertError(
        "a {} b = 1\n",
        1,
        6,
        "expected a newline after the closing '}' of block \"a\", found identifier \"b\"");
  }

  @Test
  void singleLineBlockWithTwoAttributes() {
    assertError(
        "b { x = 1 y = 2 }\n",
        1,
        11,
        "expected a newline after the value of attribute \"x\", found identifier \"y\"");
  }

  @Test
  void interpolationNotClosed() {
    assertError(
        "a = \"${var.x ]}\"\n", 1, 14, "expected '}' to close the interpolation, found ']'");
  }

  @Test
  void invalidEscapeSequence() {
    assertError(
        "a = \"\\q\"\n",
        1,
        6,
        "invalid escape sequence '\\q' (valid: \\n \\r \\t \\\" \\\\ \\uNNNN \\UNNNNNNNN)");
  }

  @Test
  void shortUnicodeEscape() {
    assertError(
        "a = \"x\\u12\"\n",
        1,
        7,
        "invalid escape sequence: \\u must be followed by 4 hexadecimal digits");
  }

  @Test
  void heredocWithoutClosingMarker() {
    assertError("a = <<EOT\nabc\n", 1, 5, "unterminated heredoc; missing closing marker EOT");
  }

  @Test
  void heredocMarkerNotFollowedByNewline() {
    assertError("a = <<EOT abc\n", 1, 5, "heredoc marker <<EOT must be followed by a newline");
  }

  @Test
  void endifWithoutIf() {
    assertError("a = \"x%{ endif }\"\n", 1, 7, "unexpected %{endif} without a matching %{if}");
  }

  @Test
  void ifWithoutEndif() {
    assertError("a = \"%{ if x }y\"\n", 1, 6, "%{if} without a matching %{endif}");
  }

  @Test
  void unknownTemplateDirective() {
    assertError(
        "a = \"%{ while x }\"\n",
        1, 9, "unknown template directive \"while\"; expected if, else, endif, for or endfor");
  }

  @Test
  void singleAmpersand() {
    assertError("a = 1 & 2\n", 1, 7, "unexpected character '&' (did you mean '&&'?)");
  }

  @Test
  void unexpectedNonAsciiCharacter() {
    assertError("a = 1\nb = \u00a71\n", 2, 5, "unexpected character U+00A7");
  }

  @Test
  void unclosedParenthesisReportsWhereItOpened() {
    assertError(
        "a = (1 + 2\n", 2, 1, "expected ')' to close '(' opened at t.tf:1:5, found end of input");
  }

  @Test
  void tupleItemsWithoutComma() {
    assertError("a = [1 2]\n", 1, 8, "expected ',' or ']' in tuple, found number 2");
  }

  @Test
  void objectItemsOnOneLineWithoutComma() {
    assertError(
        "a = {\n  b = 1 c = 2\n}\n",
        2,
        9,
        "expected ',', a newline or '}' after object item b, found identifier \"c\"");
  }

  @Test
  void conditionalWithoutColon() {
    assertError("a = x ? y\n", 1, 10, "expected ':' in conditional expression, found newline");
  }

  @Test
  void dotWithoutAttributeName() {
    assertError("a = foo.\n", 1, 9, "expected an attribute name after '.', found newline");
  }

  @Test
  void interpolationInBlockLabel() {
    assertError(
        "resource \"${x}\" {}\n",
        1,
        11,
        "block labels must be literal strings; template sequences are not allowed");
  }

  @Test
  void unterminatedBlockComment() {
    assertError("a = 1\n/* open\n", 2, 1, "unterminated block comment; missing '*/'");
  }

  @Test
  void strayStripMarker() {
    assertError(
        "a = ~1\n", 1, 5, "unexpected character '~' (a strip marker must come right before '}')");
  }

  @Test
  void expansionOnlyOnLastArgument() {
    assertError(
        "a = f(x..., y)\n",
        1,
        13,
        "expected ')' after '...' in call to f (only the last argument can be expanded),"
            + " found identifier \"y\"");
  }

  @Test
  void forExpressionWithoutIn() {
    assertError(
        "a = [for x of xs : x]\n",
        1,
        12,
        "expected 'in' in for expression, found" + " identifier \"of\"");
  }
}
