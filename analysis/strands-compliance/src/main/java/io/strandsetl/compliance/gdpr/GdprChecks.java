package io.strandsetl.compliance.gdpr;

import io.strandsetl.compliance.CheckResult;
import io.strandsetl.compliance.CheckStatus;
import io.strandsetl.compliance.ComplianceInput;
import io.strandsetl.compliance.PiiInventory;
import io.strandsetl.compliance.PiiInventory.OutputColumn;
import io.strandsetl.compliance.SinkOutput;
import io.strandsetl.compliance.classify.Classification;
import io.strandsetl.compliance.classify.Sensitivity;
import io.strandsetl.compliance.policy.CompliancePolicy;
import io.strandsetl.compliance.policy.LegalBasis;
import io.strandsetl.compliance.policy.Regulation;
import io.strandsetl.model.finding.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * GDPR checks. Each reads the PII the scans found ({@link PiiInventory}) and the declared policy; a
 * check whose condition does not arise (no personal data) is NOT_APPLICABLE. See docs/compliance.md
 * for the signal, rule and reason of each.
 */
public final class GdprChecks {
  private GdprChecks() {}

  public static List<CheckResult> run(ComplianceInput input, PiiInventory pii) {
    if (!input.policy().applies(Regulation.GDPR)) {
      return List.of();
    }
    CompliancePolicy p = input.policy();
    return List.of(
        minimisation(p, pii),
        security(pii),
        storageLimitation(input, p, pii),
        erasure(input, p, pii),
        portability(input, p, pii),
        lawfulBasis(input, p, pii),
        breachNotification(p, pii));
  }

  private static CheckResult result(
      String id, String title, CheckStatus status, Severity severity, String signal, String fix) {
    return new CheckResult(id, Regulation.GDPR, title, status, severity, signal, fix);
  }

  private static CheckResult notApplicable(String id, String title, Severity severity) {
    return result(
        id, title, CheckStatus.NOT_APPLICABLE, severity, "no personal data found or declared", "");
  }

  /** Art. 5(1)(c): every personal-data column written has a declared purpose; none carried idly. */
  static CheckResult minimisation(CompliancePolicy p, PiiInventory pii) {
    String id = "gdpr.data-minimisation";
    String title = "Data minimisation";
    if (!pii.anyPii()) {
      return notApplicable(id, title, Severity.HIGH);
    }
    Set<String> noPurpose = new LinkedHashSet<>();
    List<OutputColumn> noPurposeColumns = new ArrayList<>();
    for (OutputColumn c : pii.outputColumns()) {
      if (p.column(c.column()).map(cp -> cp.purpose() == null).orElse(true)) {
        noPurpose.add(c.sink() + "." + c.column());
        noPurposeColumns.add(c);
      }
    }
    List<String> carried = pii.carriedNotOutput();
    String signal =
        pii.outputColumns().size()
            + " personal-data column(s) written; without a declared purpose: "
            + list(noPurpose)
            + "; read into a step but written nowhere: "
            + list(carried);
    if (!noPurpose.isEmpty()) {
      return result(
              id,
              title,
              CheckStatus.FAIL,
              Severity.HIGH,
              signal,
              "Declare compliance.columns.<column>.purpose for "
                  + list(noPurpose)
                  + ", or drop the columns from the outputs")
          .withMaskedSamples(PiiInventory.samples(noPurposeColumns, CheckResult.MAX_SAMPLES));
    }
    if (!carried.isEmpty()) {
      return result(
          id,
          title,
          CheckStatus.WARN,
          Severity.MEDIUM,
          signal,
          "Select only the columns the outputs need: " + list(carried) + " are read but not used");
    }
    return result(id, title, CheckStatus.PASS, Severity.HIGH, signal, "");
  }

  /** Art. 32(1)(a): restricted identifiers are pseudonymised or removed before they are written. */
  static CheckResult security(PiiInventory pii) {
    String id = "gdpr.pseudonymisation";
    String title = "Security of processing (pseudonymisation)";
    if (pii.outputColumns().isEmpty()) {
      return notApplicable(id, title, Severity.CRITICAL);
    }
    List<String> exposed = new ArrayList<>();
    List<OutputColumn> exposedColumns = new ArrayList<>();
    for (OutputColumn c : pii.unmasked()) {
      if (c.entity() != null && Classification.of(c.entity()) == Sensitivity.RESTRICTED) {
        exposed.add(c.sink() + "." + c.column() + " (" + c.entity().id() + ")");
        exposedColumns.add(c);
      }
    }
    String signal =
        "restricted identifiers written unmasked: "
            + list(exposed)
            + "; masked columns: "
            + pii.masked().size();
    if (!exposed.isEmpty()) {
      return result(
              id,
              title,
              CheckStatus.FAIL,
              Severity.CRITICAL,
              signal,
              "Mask "
                  + list(exposed)
                  + " (compliance.columns.<column>.mask: hash, tokenise or redact)")
          .withMaskedSamples(PiiInventory.samples(exposedColumns, CheckResult.MAX_SAMPLES));
    }
    return result(id, title, CheckStatus.PASS, Severity.CRITICAL, signal, "");
  }

  /** Art. 5(1)(e): a retention period is declared and each output has a column to enforce it. */
  static CheckResult storageLimitation(
      ComplianceInput input, CompliancePolicy p, PiiInventory pii) {
    String id = "gdpr.storage-limitation";
    String title = "Storage limitation";
    if (pii.outputColumns().isEmpty()) {
      return notApplicable(id, title, Severity.MEDIUM);
    }
    if (p.retention() == null) {
      return result(
          id,
          title,
          CheckStatus.FAIL,
          Severity.MEDIUM,
          "no retention declared for outputs with personal data " + list(pii.piiSinks()),
          "Declare compliance.retention (e.g. 400d) and compliance.retention-column");
    }
    List<String> without = sinksWithout(input, pii, p.retentionColumn());
    String signal =
        "retention "
            + p.retention().toDays()
            + " days; retention-column "
            + (p.retentionColumn() == null ? "not declared" : p.retentionColumn())
            + "; outputs without it: "
            + list(without)
            + enforced(input);
    if (p.retentionColumn() == null || !without.isEmpty()) {
      return result(
          id,
          title,
          CheckStatus.WARN,
          Severity.MEDIUM,
          signal,
          "Declare compliance.retention-column, a date column present in every output with"
              + " personal data, so expired rows can be found");
    }
    return result(id, title, CheckStatus.PASS, Severity.MEDIUM, signal, "");
  }

  /** What the runner did about retention: rows dropped before writing, per output. */
  private static String enforced(ComplianceInput input) {
    List<String> dropped = new ArrayList<>();
    for (SinkOutput o : input.outputs()) {
      if (o.expiredDropped() != null) {
        dropped.add(o.sink() + " " + o.expiredDropped());
      }
    }
    return dropped.isEmpty()
        ? "; not enforced on this run"
        : "; enforced: expired rows dropped before writing: " + String.join(", ", dropped);
  }

  /** Art. 17: a subject key exists in every output with personal data, so erasure can find rows. */
  static CheckResult erasure(ComplianceInput input, CompliancePolicy p, PiiInventory pii) {
    String id = "gdpr.right-to-erasure";
    String title = "Right to erasure";
    if (pii.outputColumns().isEmpty()) {
      return notApplicable(id, title, Severity.HIGH);
    }
    if (p.erasureKey() == null) {
      return result(
          id,
          title,
          CheckStatus.FAIL,
          Severity.HIGH,
          "no erasure key declared",
          "Declare compliance.erasure-key (the column that identifies a data subject), then"
              + " `strands erase --subject KEY=VALUE` can remove a subject's rows");
    }
    List<String> without = sinksWithout(input, pii, p.erasureKey());
    String signal = "erasure key " + p.erasureKey() + "; outputs without it: " + list(without);
    if (!without.isEmpty()) {
      return result(
          id,
          title,
          CheckStatus.FAIL,
          Severity.HIGH,
          signal,
          "Keep column "
              + p.erasureKey()
              + " in "
              + list(without)
              + " so erasure can find a subject");
    }
    return result(id, title, CheckStatus.PASS, Severity.HIGH, signal, "");
  }

  /** Art. 20: a subject's rows can be exported in a structured, machine-readable format. */
  static CheckResult portability(ComplianceInput input, CompliancePolicy p, PiiInventory pii) {
    String id = "gdpr.portability";
    String title = "Data portability";
    if (pii.outputColumns().isEmpty()) {
      return notApplicable(id, title, Severity.LOW);
    }
    List<String> without =
        p.erasureKey() == null
            ? List.copyOf(pii.piiSinks())
            : sinksWithout(input, pii, p.erasureKey());
    String signal =
        "subject key "
            + (p.erasureKey() == null ? "not declared" : p.erasureKey())
            + "; outputs a subject cannot be exported from: "
            + list(without);
    if (!without.isEmpty()) {
      return result(
          id,
          title,
          CheckStatus.WARN,
          Severity.LOW,
          signal,
          "Declare compliance.erasure-key present in every output; `strands erase --export` then"
              + " writes a subject's rows as JSON");
    }
    return result(id, title, CheckStatus.PASS, Severity.LOW, signal, "");
  }

  /** Art. 6 / 7: a lawful basis is declared; consent is backed by a column recording it. */
  static CheckResult lawfulBasis(ComplianceInput input, CompliancePolicy p, PiiInventory pii) {
    String id = "gdpr.lawful-basis";
    String title = "Lawful basis and consent";
    if (!pii.anyPii()) {
      return notApplicable(id, title, Severity.HIGH);
    }
    if (p.legalBasis() == null) {
      return result(
          id,
          title,
          CheckStatus.FAIL,
          Severity.HIGH,
          "no legal basis declared",
          "Declare compliance.legal-basis (consent, contract, legal-obligation, vital-interests,"
              + " public-task or legitimate-interests)");
    }
    if (p.legalBasis() == LegalBasis.CONSENT) {
      boolean present =
          input.sources().stream()
                  .anyMatch(
                      s -> s.columns().stream().anyMatch(c -> c.column().equals(p.consentColumn())))
              || input.views().values().stream().anyMatch(v -> v.contains(p.consentColumn()))
              || input.outputs().stream().anyMatch(o -> o.columns().contains(p.consentColumn()));
      String signal =
          "legal basis consent; consent column "
              + p.consentColumn()
              + (present ? " found" : " not found in the data");
      if (!present) {
        return result(
            id,
            title,
            CheckStatus.FAIL,
            Severity.HIGH,
            signal,
            "Read the consent column " + p.consentColumn() + " and keep only consenting subjects");
      }
      return result(id, title, CheckStatus.PASS, Severity.HIGH, signal, "");
    }
    return result(
        id, title, CheckStatus.PASS, Severity.HIGH, "legal basis " + p.legalBasis().id(), "");
  }

  /** Art. 33: a contact is declared to alert within 72 hours of a breach. */
  static CheckResult breachNotification(CompliancePolicy p, PiiInventory pii) {
    String id = "gdpr.breach-notification";
    String title = "Breach notification";
    if (!pii.anyPii()) {
      return notApplicable(id, title, Severity.MEDIUM);
    }
    if (p.breachContact() == null) {
      return result(
          id,
          title,
          CheckStatus.FAIL,
          Severity.MEDIUM,
          "no breach contact declared",
          "Declare compliance.breach-contact (the DPO's e-mail address)");
    }
    return result(id, title, CheckStatus.PASS, Severity.MEDIUM, "breach contact declared", "");
  }

  /** Sinks with personal data whose columns do not include {@code column}. */
  private static List<String> sinksWithout(ComplianceInput input, PiiInventory pii, String column) {
    List<String> without = new ArrayList<>();
    for (SinkOutput o : input.outputs()) {
      if (pii.piiSinks().contains(o.sink()) && (column == null || !o.columns().contains(column))) {
        without.add(o.sink());
      }
    }
    return without;
  }

  static String list(java.util.Collection<String> items) {
    return items.isEmpty() ? "none" : String.join(", ", items);
  }
}
