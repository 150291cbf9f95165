package dev.relplan.parse.hcl;

enum TokenType {
  IDENT("identifier"),
  NUMBER("number"),
  OQUOTE("'\"'"),
  CQUOTE("closing '\"'"),
  TEMPLATE_LIT("template text"),
  OHEREDOC("heredoc"),
  CHEREDOC("end of heredoc"),
  TEMPLATE_INTERP("'${'"),
  TEMPLATE_CONTROL("'%{'"),
  TEMPLATE_SEQ_END("'}'"),
  LBRACE("'{'"),
  RBRACE("'}'"),
  LBRACK("'['"),
  RBRACK("']'"),
  LPAREN("'('"),
  RPAREN("')'"),
  COMMA("','"),
  DOT("'.'"),
  ELLIPSIS("'...'"),
  QUESTION("'?'"),
  COLON("':'"),
  DOUBLE_COLON("'::'"),
  EQUAL("'='"),
  FAT_ARROW("'=>'"),
  PLUS("'+'"),
  MINUS("'-'"),
  STAR("'*'"),
  SLASH("'/'"),
  PERCENT("'%'"),
  AND("'&&'"),
  OR("'||'"),
  BANG("'!'"),
  EQEQ("'=='"),
  NOTEQ("'!='"),
  LT("'<'"),
  GT("'>'"),
  LE("'<='"),
  GE("'>='"),
  NEWLINE("newline"),
  EOF("end of input");

  final String description;

  TokenType(String description) {
    this.description = description;
  }
}
