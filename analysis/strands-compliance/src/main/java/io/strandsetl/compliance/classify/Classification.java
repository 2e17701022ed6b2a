package io.strandsetl.compliance.classify;

import io.strandsetl.compliance.pii.EntityType;
import java.util.Optional;

/**
 * Sensitivity and Safe Harbor identifier of each entity type. The mapping is exhaustive over {@link
 * EntityType} (a new entity does not compile until it is classified).
 */
public final class Classification {
  private Classification() {}

  public static Sensitivity of(EntityType entity) {
    return switch (entity) {
      case US_SSN,
          PAYMENT_CARD,
          IBAN,
          NATIONAL_ID,
          ACCOUNT_NUMBER,
          MEDICAL_RECORD_NUMBER,
          HEALTH_PLAN_NUMBER,
          BIOMETRIC ->
          Sensitivity.RESTRICTED; // fraud, identity theft, health data, GDPR Art. 9 biometrics
      case EMAIL_ADDRESS,
          PHONE_NUMBER,
          FAX_NUMBER,
          PERSON_NAME,
          STREET_ADDRESS,
          DATE_OF_BIRTH,
          IP_ADDRESS,
          URL,
          VEHICLE_ID,
          LICENSE_NUMBER,
          DEVICE_ID,
          PHOTO ->
          Sensitivity.CONFIDENTIAL;
      case CITY, ZIP_CODE, AGE -> Sensitivity.INTERNAL;
    };
  }

  /**
   * The Safe Harbor identifier an entity is. Ages are identifiers only above 89 and cities, ZIP
   * codes only below state level; both are listed because Safe Harbor requires generalising them.
   */
  public static Optional<PhiIdentifier> phi(EntityType entity) {
    return Optional.of(
        switch (entity) {
          case PERSON_NAME -> PhiIdentifier.NAMES;
          case STREET_ADDRESS, CITY, ZIP_CODE -> PhiIdentifier.GEOGRAPHIC_SUBDIVISIONS;
          case DATE_OF_BIRTH, AGE -> PhiIdentifier.DATES;
          case PHONE_NUMBER -> PhiIdentifier.TELEPHONE_NUMBERS;
          case EMAIL_ADDRESS -> PhiIdentifier.EMAIL_ADDRESSES;
          case US_SSN -> PhiIdentifier.SOCIAL_SECURITY_NUMBERS;
          case PAYMENT_CARD, IBAN -> PhiIdentifier.ACCOUNT_NUMBERS;
          case IP_ADDRESS -> PhiIdentifier.IP_ADDRESSES;
          case NATIONAL_ID -> PhiIdentifier.OTHER_UNIQUE_IDENTIFIERS;
          case FAX_NUMBER -> PhiIdentifier.FAX_NUMBERS;
          case MEDICAL_RECORD_NUMBER -> PhiIdentifier.MEDICAL_RECORD_NUMBERS;
          case HEALTH_PLAN_NUMBER -> PhiIdentifier.HEALTH_PLAN_BENEFICIARY_NUMBERS;
          case ACCOUNT_NUMBER -> PhiIdentifier.ACCOUNT_NUMBERS;
          case LICENSE_NUMBER -> PhiIdentifier.CERTIFICATE_LICENSE_NUMBERS;
          case VEHICLE_ID -> PhiIdentifier.VEHICLE_IDENTIFIERS;
          case DEVICE_ID -> PhiIdentifier.DEVICE_IDENTIFIERS;
          case URL -> PhiIdentifier.WEB_URLS;
          case BIOMETRIC -> PhiIdentifier.BIOMETRIC_IDENTIFIERS;
          case PHOTO -> PhiIdentifier.FULL_FACE_PHOTOGRAPHS;
        });
  }
}
