package io.strandsetl.cli;

import io.strandsetl.model.store.AuditVerification;
import io.strandsetl.model.store.TrackingStore;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code strands audit verify}: walks the hash chain; exit 3 names the first bad entry. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Walks the audit hash chain and checks every entry against its hash and its predecessor.",
      "Exit 0 when intact; 3 when an entry was changed, removed or reordered (one line naming the",
      "first such entry); 2 for a bad option; 1 when the store cannot be read."
    })
final class AuditVerifyCommand implements Callable<Integer> {
  /** Exit code of a broken chain: distinct from user errors (2) and failures (1). */
  static final int TAMPERED = 3;

  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin StoreOptions store;

  @Override
  public Integer call() {
    boolean json = store.json();
    AuditVerification v;
    try (TrackingStore s = store.open()) {
      v = s.verifyAudit();
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("intact", v.intact());
      doc.put("entriesChecked", v.entriesChecked());
      doc.put("firstBadSequence", v.firstBadSequence());
      doc.put("problem", v.intact() ? null : v.problem());
      out.print(StoreOptions.toJson(doc));
    } else if (v.intact()) {
      out.println("Audit trail intact: " + v.entriesChecked() + " entries checked.");
    }
    out.flush();
    if (!v.intact()) {
      spec.commandLine().getErr().println("strands: " + v.problem());
      return TAMPERED;
    }
    return 0;
  }
}
