package io.strandsetl.compliance.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strandsetl.compliance.pii.EntityType;
import io.strandsetl.compliance.pii.Match;
import io.strandsetl.compliance.pii.PiiScanner;
import io.strandsetl.testkit.SharedData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Span-level precision and recall on presidio-research's synthetic sentences, for the entity types
 * we recognise in free text. A predicted span counts as a true positive when it overlaps a gold
 * span of the same type; each gold span is found at most once.
 */
class PresidioSpanEvaluationTest {
  static final Map<String, EntityType> GOLD =
      Map.of(
          "EMAIL_ADDRESS", EntityType.EMAIL_ADDRESS,
          "PHONE_NUMBER", EntityType.PHONE_NUMBER,
          "US_SSN", EntityType.US_SSN,
          "CREDIT_CARD", EntityType.PAYMENT_CARD,
          "IBAN_CODE", EntityType.IBAN,
          "IP_ADDRESS", EntityType.IP_ADDRESS);

  record Gold(EntityType type, int start, int end) {}

  static Map<EntityType, Score> evaluate(Path file, List<String> errors) throws Exception {
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    PiiScanner scanner = PiiScanner.defaults();
    Map<EntityType, Score> scores = new EnumMap<>(EntityType.class);
    GOLD.values().forEach(t -> scores.put(t, new Score()));
    for (JsonNode sample : root) {
      String text = sample.get("full_text").asText();
      List<Gold> gold = new ArrayList<>();
      for (JsonNode span : sample.get("spans")) {
        EntityType t = GOLD.get(span.get("entity_type").asText());
        if (t != null) {
          gold.add(
              new Gold(t, span.get("start_position").asInt(), span.get("end_position").asInt()));
        }
      }
      boolean[] found = new boolean[gold.size()];
      for (Match m : scanner.scan(text)) {
        // Presidio labels fax numbers PHONE_NUMBER: a fax match is scored as a phone match.
        EntityType predicted =
            m.entity() == EntityType.FAX_NUMBER ? EntityType.PHONE_NUMBER : m.entity();
        if (!scores.containsKey(predicted)) {
          continue;
        }
        int hit = -1;
        for (int i = 0; i < gold.size(); i++) {
          Gold g = gold.get(i);
          if (!found[i] && g.type() == predicted && m.start() < g.end() && g.start() < m.end()) {
            hit = i;
            break;
          }
        }
        if (hit >= 0) {
          found[hit] = true;
          scores.get(predicted).tp++;
        } else {
          scores.get(predicted).fp++;
          errors.add(
              "FP "
                  + m.entity()
                  + " '"
                  + text.substring(m.start(), m.end())
                  + "' in: "
                  + oneLine(text));
        }
      }
      for (int i = 0; i < gold.size(); i++) {
        if (!found[i]) {
          scores.get(gold.get(i).type()).fn++;
          Gold g = gold.get(i);
          errors.add(
              "FN "
                  + g.type()
                  + " '"
                  + text.substring(g.start(), g.end())
                  + "' in: "
                  + oneLine(text));
        }
      }
    }
    return scores;
  }

  private static String oneLine(String s) {
    return s.replace('\n', ' ');
  }

  @Test
  void beatsPresidioOutOfTheBoxOnSynthDatasetV2() throws Exception {
    Path file = SharedData.data("pii/presidio-research/synth_dataset_v2.json");
    List<String> errors = new ArrayList<>();
    Map<EntityType, Score> scores = evaluate(file, errors);
    Score all = new Score();
    scores.forEach(
        (t, s) -> {
          all.add(s);
          System.out.println("synth_dataset_v2 " + t + ": " + s);
        });
    System.out.println("synth_dataset_v2 ALL: " + all);
    errors.stream().limit(80).forEach(System.out::println);

    assertThat(scores.get(EntityType.EMAIL_ADDRESS).f1()).isGreaterThanOrEqualTo(0.95);
    assertThat(scores.get(EntityType.US_SSN).f1()).isGreaterThanOrEqualTo(0.95);
    assertThat(scores.get(EntityType.PAYMENT_CARD).f1()).isGreaterThanOrEqualTo(0.95);
    assertThat(scores.get(EntityType.IBAN).f1()).isGreaterThanOrEqualTo(0.95);
    assertThat(scores.get(EntityType.IP_ADDRESS).f1()).isGreaterThanOrEqualTo(0.95);
    assertThat(scores.get(EntityType.PHONE_NUMBER).f1()).isGreaterThanOrEqualTo(0.80);
    // Presidio out of the box: P 0.733 / R 0.646 over all its entity types.
    assertThat(all.precision()).isGreaterThan(0.733);
    assertThat(all.recall()).isGreaterThan(0.646);
  }
}
