package dev.relplan.code;

import dev.relplan.discover.SourceFile;
import java.util.List;

/**
 * The scanner of one language (or one family of schema migration tools). {@link CodeScanner} offers
 * it every discovered file ({@link #scanHandled}); a new language is a class implementing this and
 * one line in CodeScanner's list.
 */
public interface LanguageScanner {
  /**
   * Whether the file is in the scanner's language or format, whether or not it is a test source.
   */
  boolean handles(SourceFile file);

  /**
   * Test sources by the language's conventions; by default what is under a test folder. They are
   * not scanned.
   */
  default boolean isTest(String path) {
    return TestSources.inTestFolder(path);
  }

  /**
   * A file name (lower case) of no known format that discovery should read for this scanner, such
   * as Spring Boot's application.properties.
   */
  default boolean asksFor(String fileName) {
    return false;
  }

  /** Scans files it handles that are not test sources. */
  ScanResult scan(List<SourceFile> files);

  /**
   * Scans those of the given files (any kinds, in discovery order) that it handles and that are not
   * test sources.
   */
  default ScanResult scanHandled(List<SourceFile> files) {
    return scan(handledOf(files));
  }

  /** Those of the given files that it handles and that are not test sources, in the given order. */
  default List<SourceFile> handledOf(List<SourceFile> files) {
    return files.stream().filter(f -> handles(f) && !isTest(f.display())).toList();
  }
}
