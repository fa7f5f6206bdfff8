package dev.lambdalayer.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void escapesStrings() {
    assertThat(Json.write("quote \" backslash \\ newline \n return \r tab \t bell \u0007 é"))
        .isEqualTo("\"quote \\\" backslash \\\\ newline \\n return \\r tab \\t bell \\u0007 é\"\n");
    assertThat(Json.write("\u0000\u001f")).isEqualTo("\"\\u0000\\u001f\"\n");
  }

  @Test
  void scalars() {
    assertThat(Json.write(42)).isEqualTo("42\n");
    assertThat(Json.write(123_456_789_012L)).isEqualTo("123456789012\n");
    assertThat(Json.write(true)).isEqualTo("true\n");
    assertThat(Json.write(null)).isEqualTo("null\n");
  }

  @Test
  void nestsWithTwoSpacesAndKeepsKeyOrder() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("z", 1);
    inner.put("a", Arrays.asList("x", null));
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("name", "layer");
    root.put("inner", inner);
    root.put("emptyList", List.of());
    root.put("emptyMap", Map.of());
    root.put("key \"quoted\"", false);

    assertThat(Json.write(root))
        .isEqualTo(
            """
            {
              "name": "layer",
              "inner": {
                "z": 1,
                "a": [
                  "x",
                  null
                ]
              },
              "emptyList": [],
              "emptyMap": {},
              "key \\"quoted\\"": false
            }
            """);
  }

  @Test
  void sameInputSameOutput() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("b", List.of(1, 2));
    root.put("a", "x");
    assertThat(Json.write(root)).isEqualTo(Json.write(new LinkedHashMap<>(root)));
    assertThat(Json.write(root)).endsWith("}\n").doesNotEndWith("\n\n");
  }

  @Test
  void rejectsOtherTypes() {
    assertThatThrownBy(() -> Json.write(List.of(new Object())))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
