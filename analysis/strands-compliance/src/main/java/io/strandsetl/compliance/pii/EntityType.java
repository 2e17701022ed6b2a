package io.strandsetl.compliance.pii;

/**
 * What a recognizer finds. The JSON name ({@link #id()}) is part of the reports' contract.
 *
 * <p>Direct identifiers single out a person alone (an SSN, an e-mail address); quasi-identifiers
 * (ZIP code, date of birth, age) single out a person in combination, which is why HIPAA's Safe
 * Harbor method generalises them rather than removing them.
 */
public enum EntityType {
  EMAIL_ADDRESS("email"),
  PHONE_NUMBER("phone"),
  US_SSN("us-ssn"),
  PAYMENT_CARD("payment-card"),
  IBAN("iban"),
  IP_ADDRESS("ip-address"),
  DATE_OF_BIRTH("date-of-birth"),
  NATIONAL_ID("national-id"),
  PERSON_NAME("person-name"),
  STREET_ADDRESS("street-address"),
  CITY("city"),
  ZIP_CODE("zip-code"),
  AGE("age"),
  URL("url"),
  VEHICLE_ID("vehicle-id"),
  FAX_NUMBER("fax"),
  MEDICAL_RECORD_NUMBER("medical-record-number"),
  HEALTH_PLAN_NUMBER("health-plan-number"),
  ACCOUNT_NUMBER("account-number"),
  LICENSE_NUMBER("license-number"),
  DEVICE_ID("device-id"),
  BIOMETRIC("biometric"),
  PHOTO("photo");

  private final String id;

  EntityType(String id) {
    this.id = id;
  }

  /** Stable kebab-case name used in reports, policies and the audit trail. */
  public String id() {
    return id;
  }
}
