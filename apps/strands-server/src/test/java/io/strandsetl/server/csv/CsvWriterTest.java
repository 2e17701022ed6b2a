package io.strandsetl.server.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTest {
  @Test
  void quotesFieldsWithSeparatorsAndDoublesQuotes() {
    String csv = new CsvWriter().row(List.of("a,b", "say \"hi\"", "line\nbreak", 3.5)).toString();
    assertThat(csv).isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"line\nbreak\",3.5\r\n");
  }

  @Test
  void neutralisesSpreadsheetFormulasButNotNegativeNumbers() {
    String csv = new CsvWriter().row(Arrays.asList("=HYPERLINK(1)", "@cmd", -2, null)).toString();
    assertThat(csv).isEqualTo("'=HYPERLINK(1),'@cmd,-2,\r\n");
  }
}
