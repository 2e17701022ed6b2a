package io.strandsetl.compliance.classify;

/**
 * The 18 identifiers of the HIPAA Safe Harbor de-identification method (45 CFR
 * 164.514(b)(2)(i)(A)-(R)). Health information that carries one of them about a person is PHI.
 */
public enum PhiIdentifier {
  /** (A) Names. */
  NAMES,
  /** (B) Geographic subdivisions smaller than a state (street, city, county, ZIP code). */
  GEOGRAPHIC_SUBDIVISIONS,
  /** (C) Elements of dates (except year) related to a person, and ages over 89. */
  DATES,
  /** (D) Telephone numbers. */
  TELEPHONE_NUMBERS,
  /** (E) Fax numbers. */
  FAX_NUMBERS,
  /** (F) E-mail addresses. */
  EMAIL_ADDRESSES,
  /** (G) Social security numbers. */
  SOCIAL_SECURITY_NUMBERS,
  /** (H) Medical record numbers. */
  MEDICAL_RECORD_NUMBERS,
  /** (I) Health plan beneficiary numbers. */
  HEALTH_PLAN_BENEFICIARY_NUMBERS,
  /** (J) Account numbers. */
  ACCOUNT_NUMBERS,
  /** (K) Certificate / license numbers. */
  CERTIFICATE_LICENSE_NUMBERS,
  /** (L) Vehicle identifiers and serial numbers, including license plates. */
  VEHICLE_IDENTIFIERS,
  /** (M) Device identifiers and serial numbers. */
  DEVICE_IDENTIFIERS,
  /** (N) Web URLs. */
  WEB_URLS,
  /** (O) IP addresses. */
  IP_ADDRESSES,
  /** (P) Biometric identifiers, including finger and voice prints. */
  BIOMETRIC_IDENTIFIERS,
  /** (Q) Full-face photographs and comparable images. */
  FULL_FACE_PHOTOGRAPHS,
  /** (R) Any other unique identifying number, characteristic or code. */
  OTHER_UNIQUE_IDENTIFIERS
}
