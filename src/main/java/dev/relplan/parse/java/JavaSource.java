package dev.relplan.parse.java;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;

/**
 * Parses Java with JavaParser: the one entry point of the code scanner, the handler and migration
 * readers, inline suppressions and the IaC formats written in Java (AWS CDK apps).
 *
 * <p>The grammar alone decides whether a file parses ({@link
 * ParserConfiguration.LanguageLevel#RAW}): a language level's validators, which report what javac
 * would reject at that level ({@code var} where it is not allowed, a feature newer than the level),
 * walk the whole tree once per rule and cost as much as the parse itself, and relplan reads code
 * for its calls and settings, not to compile it: a Java 21 file is read like a Java 17 one. What
 * the validators' language level adds besides (its post-processing marks {@code var} declarations)
 * is not read here: declared types are compared as text, and "var" is the text either way.
 */
public final class JavaSource {
  private JavaSource() {}

  /** The compilation unit, or the problems that stopped the parse. */
  public static ParseResult<CompilationUnit> parse(String content) {
    // A parser per call: JavaParser's parsers are not safe to share between threads.
    return new JavaParser(
            new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.RAW))
        .parse(content);
  }
}
