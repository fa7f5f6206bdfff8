package dev.lambdalayer.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonDocumentTest {

  @Test
  void remembersWhereEachValueStarts() throws JsonDocument.SyntaxException {
    JsonDocument document =
        JsonDocument.parse("{\n  \"a\": [1, \"x\"],\n  \"b.c\": {\"d\": null}\n}\n");
    assertThat(document.position("$")).hasToString("line 1, column 1");
    assertThat(document.position("$.a")).hasToString("line 2, column 8");
    assertThat(document.position("$.a[1]")).hasToString("line 2, column 12");
    assertThat(document.position("$.b.c.d")).hasToString("line 3, column 16");
    assertThat(document.root().path("a").get(1).textValue()).isEqualTo("x");
  }

  @Test
  void keepsNumbersExactAndSkipsAByteOrderMark() throws JsonDocument.SyntaxException {
    JsonDocument document =
        JsonDocument.parse("\uFEFF[3.0, 0.1, 123456789012345678901234567890, -0]");
    assertThat(document.root().get(0).decimalValue()).isEqualTo(new BigDecimal("3.0"));
    assertThat(document.root().get(1).decimalValue()).isEqualTo(new BigDecimal("0.1"));
    assertThat(document.root().get(2).bigIntegerValue())
        .hasToString("123456789012345678901234567890");
    assertThat(document.position("$[1]")).hasToString("line 1, column 7");
  }

  // The messages the plugin's own parser gave, kept where Jackson finds the same problem.
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "`{\"a\": 1,}`|line 1, column 9: unexpected '}'; expected a member name in double quotes",
        "`  `|line 1, column 3: the file is empty; expected a JSON object",
        "`{\"a\": 1, \"a\": 2}`|line 1, column 10: the member \"a\" appears twice",
        "`[1, [2, \"abc`|line 1, column 9: the string starting here is not closed before the end"
            + " of the file (is it truncated?)",
        "`{\"a\": [1,`|line 1, column 10: the file ends inside the array opened at line 1,"
            + " column 7 (is it truncated?)",
        "`{\"a\" 1}`|line 1, column 6: unexpected '1'; expected ':' after \"a\"",
        "`{\"a\":1 \"b\":2}`|line 1, column 8: unexpected '\"'; expected ',' or '}'",
        "`[1 2]`|line 1, column 4: unexpected '2'; expected ',' or ']'",
        "`{a:1}`|line 1, column 2: unexpected 'a'; expected a member name in double quotes",
        "`[tru]`|line 1, column 2: unexpected 't'; expected a value",
        "`[1,]`|line 1, column 4: unexpected ']'; expected a value",
        "`{} x`|line 1, column 4: unexpected 'x' after the end of the document",
        "`{} {}`|line 1, column 4: unexpected '{' after the end of the document",
        "`{\"a\":1}}`|line 1, column 8: unexpected '}' after the end of the document",
        "`{\"a\":1]`|line 1, column 7: unexpected ']'; expected ',' or '}'",
        "`[\"\\q\"]`|line 1, column 4: unknown escape '\\q' in a string",
        "`[-]`|line 1, column 3: a number needs digits after '-'",
        "`[/* c */ 1]`|line 1, column 2: unexpected '/'; JSON has no comments",
        "`[NaN]`|line 1, column 5: 'NaN' is not a JSON value",
        "`[1e999999999999]`|line 1, column 2: the number 1e999999999999 is out of range",
      })
  void syntaxErrorsSayWhereAndWhat(String text, String message) {
    assertThatThrownBy(() -> JsonDocument.parse(text))
        .isInstanceOf(JsonDocument.SyntaxException.class)
        .hasMessage(message);
  }

  @Test
  void controlCharactersAndDeepNesting() {
    assertThatThrownBy(() -> JsonDocument.parse("[\"a\nb\"]"))
        .hasMessage(
            "line 1, column 4: a control character (a line break?) inside a string; strings end"
                + " with '\"'");
    assertThatThrownBy(() -> JsonDocument.parse("[\u0001]"))
        .hasMessage(
            "line 1, column 2: unexpected character U+0001; only spaces, tabs and line breaks may"
                + " separate values");
    assertThatThrownBy(() -> JsonDocument.parse("[".repeat(70) + "]".repeat(70)))
        .hasMessage("line 1, column 66: nesting deeper than 64 levels");
  }
}
