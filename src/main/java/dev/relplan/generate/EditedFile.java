package dev.relplan.generate;

import dev.relplan.model.Queue;
import dev.relplan.model.Workload;
import dev.relplan.parse.hcl.HclFile;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One scanned file being edited by {@code generate fixes}: its text, parsed once in the dialect a
 * fix asks for, the names its fixes took (so two new resources never share one) and the insertions
 * collected for its patch.
 */
final class EditedFile {
  final String file;
  final String text;
  private YamlTemplate template;
  private HclFile hcl;
  private Set<String> taken;
  final List<UnifiedDiff.Insertion> insertions = new ArrayList<>();

  EditedFile(String file, String text) {
    this.file = file;
    this.text = text;
  }

  /** The file as a CloudFormation/SAM YAML template. */
  YamlTemplate template() throws YamlTemplate.NotEditable {
    if (template == null) {
      template = YamlTemplate.read(file, text);
      taken = template.names();
    }
    return template;
  }

  /** The file as Terraform; the names taken are the queues of its module. */
  HclFile hcl(Workload w) throws YamlTemplate.NotEditable {
    if (hcl == null) {
      hcl = TerraformFixes.read(file, text);
      taken = new LinkedHashSet<>(TerraformFixes.queueNames(hcl));
      // Queues of other files of the module share the address space.
      for (Queue q : w.all(Queue.class))
        if (q.id.startsWith(TerraformFixes.QUEUE_TYPE + "."))
          taken.add(q.id.substring(TerraformFixes.QUEUE_TYPE.length() + 1));
    }
    return hcl;
  }

  /** The names new resources in this file must avoid (after {@link #template} or {@link #hcl}). */
  Set<String> taken() {
    if (taken == null) taken = new LinkedHashSet<>();
    return taken;
  }
}
