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
    for (OutputColumn c : pii.unmasked()) {
      EntityType e = c.entity();
      if (e != null && Classification.phi(e).isPresent()) {
        exposed.add(c.sink() + "." + c.column() + " (" + Classification.phi(e).get() + ")");
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
              + " (hash, tokenise or redact; generalise ZIP codes, ages and dates)");
    }
    return result(id, title, CheckStatus.PASS, Severity.CRITICAL, signal, "");
  }

  /** 164.312(a)(2)(iv): outputs with PHI are encrypted at rest (declared or by writer options). */
  static CheckResult encryption(ComplianceInput input, CompliancePolicy p, boolean phi) {
    String id = "hipaa.encryption-at-rest";
    String title = "Encryption at rest";
    if (!phi) {
      return result(id, title, CheckStatus.NOT_APPLICABLE, Severity.HIGH, "no PHI handled", "");
    }
    List<String> plain = new ArrayList<>();
    for (SinkOutput o : input.outputs()) {
      if (!o.encryptedByOptions()) {
        plain.add(o.sink());
      }
    }
    String signal =
        "encryption-at-rest "
            + (p.encryptionAtRest() ? "declared" : "not declared")
            + "; outputs without encryption options: "
            + (plain.isEmpty() ? "none" : String.join(", ", plain));
    if (p.encryptionAtRest() || plain.isEmpty()) {
      return result(id, title, CheckStatus.PASS, Severity.HIGH, signal, "");
    }
    return result(
        id,
        title,
        CheckStatus.FAIL,
        Severity.HIGH,
        signal,
        "Write outputs to encrypted storage and declare compliance.encryption-at-rest: true, or set"
            + " encryption writer options (parquet.encryption.*, fs.s3a.server-side-encryption-*)");
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
