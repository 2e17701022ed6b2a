package io.strandsetl.lint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextLintRendererTest {
  private final LintService service = new LintService(LintOptions.defaults());

  @Test
  void rendersCountsWhereEvidenceAndTheFixInTheFilesLanguage() {
    String sqlText =
        new TextLintRenderer().render(service.lintText("q.sql", "SELECT *\nFROM t CROSS JOIN u"));
    assertThat(sqlText)
        .contains("Strands ETL lint of 1 file")
        .contains("Findings: 2 (1 high, 1 low)")
        .contains("[HIGH] cartesian-join — CROSS JOIN u pairs every row with every row")
        .contains("    where:    q.sql:2")
        .contains("    evidence: code = FROM t CROSS JOIN u")
        .contains("      SELECT … FROM orders o JOIN customers c ON o.customer_id = c.customer_id");
    String pyText = new TextLintRenderer().render(service.lintText("j.py", "x = a.crossJoin(b)\n"));
    assertThat(pyText)
        .contains(
            "      orders.join(customers, orders.customer_id == customers.customer_id, \"inner\")");
  }

  @Test
  void rendersNotesUnderNotChecked() {
    String text =
        new TextLintRenderer().render(service.lintText("q.sql", "OPTIMIZE t ZORDER BY (a)"));
    assertThat(text)
        .contains("Findings: 0\n")
        .contains("Not checked\n  q.sql:1  Cannot parse SQL statement");
  }
}
