package io.strandsetl.lint.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.strandsetl.lint.sql.SqlLinter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceTokenizerTest {
  private static List<String> statements(String src, Language language) {
    List<String> out = new ArrayList<>();
    StringBuilder b = new StringBuilder();
    for (Token t : SourceTokenizer.tokenize(src, language, c -> {})) {
      if (t.kind() == Token.Kind.END) {
        out.add(b.toString().strip());
        b.setLength(0);
      } else {
        b.append(t.isString() ? "<" + t.text() + ">" : t.text()).append(' ');
      }
    }
    return out;
  }

  @Test
  void backslashContinuationAndBracketsJoinPythonLines() {
    String py = "a = df \\\n  .filter(x)\nb = (df\n  .select(y))\nc = 1\n";
    assertThat(statements(py, Language.PYTHON))
        .containsExactly("a = df . filter ( x )", "b = ( df . select ( y ) )", "c = 1");
  }

  @Test
  void leadingDotContinuesAScalaChainEvenAfterAComment() {
    String scala = "val a = df\n  // why\n  .filter(x)\nval b = 2\n";
    assertThat(statements(scala, Language.SCALA))
        .containsExactly("val a = df . filter ( x )", "val b = 2");
  }

  @Test
  void commentsAreDroppedAndReported() {
    List<String> comments = new ArrayList<>();
    SourceTokenizer.tokenize("x = 1  # strands: small-table d\n", Language.PYTHON, comments::add);
    SourceTokenizer.tokenize(
        "/* a /* nested */ b */ val y = 2 // c\n", Language.SCALA, comments::add);
    assertThat(comments)
        .containsExactly("# strands: small-table d", "/* a /* nested */ b */", "// c");
  }

  @Test
  void pythonStringsKeepTheirContentWithPrefixesAndEscapes() {
    String py = "a = r'x\\d'\nb = 'it\\'s'\nc = \"\"\"l1\nl2\"\"\"\nd = f'v={x}'\n";
    List<Token> strings =
        SourceTokenizer.tokenize(py, Language.PYTHON, c -> {}).stream()
            .filter(Token::isString)
            .toList();
    assertThat(strings)
        .extracting(Token::text)
        .containsExactly("x\\d", "it 's", "l1\nl2", "v=" + SqlLinter.PARAMETER);
    assertThat(strings).extracting(Token::line).containsExactly(1, 2, 3, 5);
  }

  @Test
  void scalaInterpolationsBecomeParametersAndDollarStringsAreColumns() {
    String scala = "val q = s\"a $x b ${y.z} c $$\"\nval c = $\"col\"\n";
    List<Token> strings =
        SourceTokenizer.tokenize(scala, Language.SCALA, c -> {}).stream()
            .filter(Token::isString)
            .toList();
    assertThat(strings)
        .extracting(Token::text)
        .containsExactly("a " + SqlLinter.PARAMETER + " b " + SqlLinter.PARAMETER + " c $ ", "col");
    assertThat(strings).extracting(Token::prefix).containsExactly("s", "$");
  }

  @Test
  void lineNumbersCountNewlinesInsideTripleQuotedStrings() {
    String py = "a = \"\"\"\n\n\n\"\"\"\nb = x\n";
    List<Token> tokens = SourceTokenizer.tokenize(py, Language.PYTHON, c -> {});
    assertThat(tokens.stream().filter(t -> t.is("b")).findFirst().orElseThrow().line())
        .isEqualTo(5);
  }
}
