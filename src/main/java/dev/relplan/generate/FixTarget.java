package dev.relplan.generate;

import dev.relplan.model.Resource;
import dev.relplan.model.Workload;
import java.util.Map;

/**
 * What a fix works on: the finding's subject, the model it belongs to, the scanned texts, and the
 * files being edited in this run (shared by every fix, so that two fixes of one file make one
 * patch).
 */
final class FixTarget {
  final Resource subject;
  final Workload workload;
  final SourceTexts texts;
  private final Map<String, EditedFile> files;

  FixTarget(Resource subject, Workload workload, SourceTexts texts, Map<String, EditedFile> files) {
    this.subject = subject;
    this.workload = workload;
    this.texts = texts;
    this.files = files;
  }

  /** The file declaring the subject. */
  EditedFile file() {
    return file(subject.location.file());
  }

  /** Any scanned file, read again once per run. */
  EditedFile file(String scannedFile) {
    return files.computeIfAbsent(scannedFile, f -> new EditedFile(f, texts.text(f)));
  }
}
