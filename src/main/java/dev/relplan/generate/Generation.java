package dev.relplan.generate;

import java.util.List;

/**
 * What a generator produced: the files to write, and one line for each finding or resource it could
 * not generate for, with the reason (printed and written beside the files, never dropped).
 */
public record Generation(List<GeneratedFile> files, List<String> notes) {
  public Generation {
    files = List.copyOf(files);
    notes = List.copyOf(notes);
  }
}
