package io.strandsetl.compliance.hipaa;

import io.strandsetl.compliance.CheckResult;
import io.strandsetl.compliance.CheckStatus;
import io.strandsetl.compliance.ComplianceInput;
import io.strandsetl.compliance.PiiInventory;
import io.strandsetl.compliance.PiiInventory.OutputColumn;
import io.strandsetl.compliance.SinkOutput;
import io.strandsetl.compliance.classify.Classification;
import io.strandsetl.compliance.classify.PhiIdentifier;
import io.strandsetl.compliance.pii.EntityType;
import io.strandsetl.compliance.policy.CompliancePolicy;
import io.strandsetl.compliance.policy.Regulation;
import io.strandsetl.model.finding.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * HIPAA checks, run when the policy lists {@code hipaa} among its regulations. PHI here means a
 * column holding one of the 18 Safe Harbor identifiers ({@link Classification#phi}). See
 * docs/compliance.md for the signal, rule and reason of each.
 */
public final class HipaaChecks {
  private HipaaChecks() {}

  public static List<CheckResult> run(ComplianceInput input, PiiInventory pii) {
    if (!input.policy().applies(Regulation.HIPAA)) {
      return List.of();
    }
    CompliancePolicy p = input.policy();
    boolean phi = handlesPhi(pii);
    return List.of(
        phiMasked(pii),
        encryption(input, p, phi),
        accessControl(p, phi),
        auditLogging(input, p, phi));
  }

  /** The Safe Harbor identifiers present in the sources or the outputs. */
  public static Set<PhiIdentifier> identifiers(PiiInventory pii) {
    Set<PhiIdentifier> ids = new LinkedHashSet<>();
    pii.sourcePii().values().forEach(e -> Classification.phi(e).ifPresent(ids::add));
    for (OutputColumn c : pii.outputColumns()) {
      if (c.entity() != null) {
        Classification.phi(c.entity()).ifPresent(ids::add);
      }
    }
    return ids;
  }

  private static boolean handlesPhi(PiiInventory pii) {
    return !identifiers(pii).isEmpty() || !pii.outputColumns().isEmpty();
  }

  private static CheckResult result(
      String id, String title, CheckStatus status, Severity severity, String signal, String fix) {
    return new CheckResult(id, Regulation.HIPAA, title, status, severity, signal, fix);
  }

  /** Safe Harbor: every identifier column written is masked (removed, hashed or generalised). */
  static CheckResult phiMasked(PiiInventory pii) {
    String id = "hipaa.phi-de-identified";
    String title = "PHI identifiers masked";
    List<String> exposed = new ArrayList<>();
    List<OutputColumn> exposedColumns = new ArrayList<>();
    for (OutputColumn c : pii.unmasked()) {
      EntityType e = c.entity();
      if (e != null && Classification.phi(e).isPresent()) {
        exposed.add(c.sink() + "." + c.column() + " (" + Classification.phi(e).get() + ")");
        exposedColumns.add(c);
      }
    }
    Set<PhiIdentifier> ids = identifiers(pii);
    if (ids.isEmpty()) {
      return result(
          id,
          title,
          CheckStatus.NOT_APPLICABLE,
          Severity.CRITICAL,
          "no Safe Harbor identifier found",
          "");
    }
    String signal =
        "identifiers present: "
            + ids
            + "; written unmasked: "
            + (exposed.isEmpty() ? "none" : String.join(", ", exposed));
    if (!exposed.isEmpty()) {
      return result(
              id,
              title,
              CheckStatus.FAIL,
              Severity.CRITICAL,
              signal,
              "Mask "
                  + String.join(", ", exposed)
                  + " (hash, tokenise or redact; generalise ZIP codes, ages and dates)")
          .withMaskedSamples(PiiInventory.samples(exposedColumns, CheckResult.MAX_SAMPLES));
    }
    return result(id, title, CheckStatus.PASS, Severity.CRITICAL, signal, "");
  }

  /**
   * 164.312(a)(2)(iv): outputs with PHI are encrypted at rest. What the files show decides (Parquet
   * footers: {@code PARE}, or a plaintext footer with {@code encryption_algorithm}); a file found
   * unencrypted fails the check even when encryption is declared. Formats that cannot be inspected
   * (CSV, JSON) fall back to the declaration or the writer options.
   */
  static CheckResult encryption(ComplianceInput input, CompliancePolicy p, boolean phi) {
    String id = "hipaa.encryption-at-rest";
    String title = "Encryption at rest";
    if (!phi) {
      return result(id, title, CheckStatus.NOT_APPLICABLE, Severity.HIGH, "no PHI handled", "");
    }
    List<String> foundPlain = new ArrayList<>();
    List<String> foundEncrypted = new ArrayList<>();
    List<String> undeclared = new ArrayList<>();
    for (SinkOutput o : input.outputs()) {
      Boolean found = o.encryption().encrypted();
      if (found == null) {
        if (!p.encryptionAtRest() && !o.encryptedByOptions()) {
          undeclared.add(o.sink());
        }
      } else if (found) {
        foundEncrypted.add(o.sink() + " (" + o.encryption().line() + ")");
      } else {
        foundPlain.add(o.sink() + " (" + o.encryption().line() + ")");
      }
    }
    String signal =
        "encryption-at-rest "
            + (p.encryptionAtRest() ? "declared" : "not declared")
            + "; inspected encrypted: "
            + (foundEncrypted.isEmpty() ? "none" : String.join(", ", foundEncrypted))
            + "; inspected NOT encrypted: "
            + (foundPlain.isEmpty() ? "none" : String.join(", ", foundPlain))
            + "; not inspectable and neither declared nor set by options: "
            + (undeclared.isEmpty() ? "none" : String.join(", ", undeclared));
    if (foundPlain.isEmpty() && undeclared.isEmpty()) {
      return result(id, title, CheckStatus.PASS, Severity.HIGH, signal, "");
    }
    return result(
        id,
        title,
        CheckStatus.FAIL,
        Severity.HIGH,
        signal,
        "Encrypt the outputs: Parquet modular encryption (parquet.crypto.factory.class,"
            + " parquet.encryption.footer.key, parquet.encryption.column.keys), or encrypted storage"
            + " declared with compliance.encryption-at-rest: true for formats that cannot be"
            + " inspected");
  }

  /** 164.312(a)(1): who may read the outputs is declared. */
  static CheckResult accessControl(CompliancePolicy p, boolean phi) {
    String id = "hipaa.access-control";
    String title = "Access control";
    if (!phi) {
      return result(id, title, CheckStatus.NOT_APPLICABLE, Severity.HIGH, "no PHI handled", "");
    }
    if (p.accessControl().isEmpty()) {
      return result(
          id,
          title,
          CheckStatus.FAIL,
          Severity.HIGH,
          "no access control declared",
          "Declare compliance.access-control: the roles or groups allowed to read the outputs");
    }
    return result(
        id,
        title,
        CheckStatus.PASS,
        Severity.HIGH,
        "readers: " + String.join(", ", p.accessControl()),
        "");
  }

  /** 164.312(b): audit controls record activity on PHI; here, the hash-chained audit trail. */
  static CheckResult auditLogging(ComplianceInput input, CompliancePolicy p, boolean phi) {
    String id = "hipaa.audit-logging";
    String title = "Audit logging";
    if (!phi) {
      return result(id, title, CheckStatus.NOT_APPLICABLE, Severity.MEDIUM, "no PHI handled", "");
    }
    String signal =
        "audit-logging "
            + (p.auditLogging() ? "declared" : "not declared")
            + "; audit trail "
            + (input.auditTrail() ? "recorded in the tracking store" : "not recorded (no store)");
    if (!p.auditLogging()) {
      return result(
          id,
          title,
          CheckStatus.FAIL,
          Severity.MEDIUM,
          signal,
          "Declare compliance.audit-logging: true and record runs in a tracking store");
    }
    if (!input.auditTrail()) {
      return result(
          id,
          title,
          CheckStatus.WARN,
          Severity.MEDIUM,
          signal,
          "Record runs in a tracking store (store.type) so the audit trail is kept");
    }
    return result(id, title, CheckStatus.PASS, Severity.MEDIUM, signal, "");
  }
}
