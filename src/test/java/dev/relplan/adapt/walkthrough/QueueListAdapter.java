package dev.relplan.adapt.walkthrough;

import dev.relplan.adapt.Adapter;
import dev.relplan.discover.Discovery;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Queue;
import dev.relplan.model.Workload;
import dev.relplan.source.Location;
import dev.relplan.source.SkippedFile;
import java.util.ArrayList;
import java.util.List;

/**
 * A throwaway format that proves the adapter contract: a {@code *.relplan-test} file declares one
 * SQS queue per line, {@code queue NAME}. It is a package of its own, implementing {@link Adapter},
 * and registered once (by the test, where production code would add it to {@code Adapters.all}).
 */
final class QueueListAdapter implements Adapter {
  static final String EXTENSION = ".relplan-test";

  private final List<String> notes = new ArrayList<>();
  private final List<SkippedFile> skipped = new ArrayList<>();

  /** Discovery knows no format by this extension: without this it would pass such files over. */
  @Override
  public boolean asksFor(String fileName) {
    return fileName.endsWith(EXTENSION);
  }

  @Override
  public boolean claims(SourceFile file) {
    return file.display().endsWith(EXTENSION);
  }

  @Override
  public void adapt(Discovery.Result claimed, Workload workload) {
    for (SourceFile f : claimed.files()) {
      String[] lines = f.content().split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i].strip();
        if (line.isEmpty()) continue;
        if (!line.startsWith("queue ")) {
          skipped.add(new SkippedFile(f.display(), "line " + (i + 1) + " is not 'queue NAME'"));
          continue;
        }
        String name = line.substring("queue ".length()).strip();
        workload.add(new Queue(f.display(), name, "test::queue", new Location(f.display(), i + 1)));
      }
      notes.add("queues declared in " + f.display());
    }
  }

  @Override
  public List<String> notes() {
    return notes;
  }

  @Override
  public List<SkippedFile> skipped() {
    return skipped;
  }
}
