package dev.lambdalayer.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonFormatTest {

  @Test
  void escapesStrings() {
    assertThat(
            JsonFormat.write(
                TextNode.valueOf(
                    "quote \" backslash \\ newline \n return \r tab \t bell \u0007 é")))
        .isEqualTo("\"quote \\\" backslash \\\\ newline \\n return \\r tab \\t bell \\u0007 é\"\n");
    assertThat(JsonFormat.write(TextNode.valueOf("\u0000\u001f")))
        .isEqualTo("\"\\u0000\\u001f\"\n");
    // Jackson would write \b and \f; the plugin always wrote them in full.
    assertThat(JsonFormat.write(TextNode.valueOf("\b\f"))).isEqualTo("\"\\u0008\\u000c\"\n");
  }

  @Test
  void scalars() {
    assertThat(JsonFormat.write(IntNode.valueOf(42))).isEqualTo("42\n");
    assertThat(JsonFormat.write(LongNode.valueOf(123_456_789_012L))).isEqualTo("123456789012\n");
    assertThat(JsonFormat.write(BooleanNode.TRUE)).isEqualTo("true\n");
    assertThat(JsonFormat.write(NullNode.getInstance())).isEqualTo("null\n");
  }

  @Test
  void nestsWithTwoSpacesAndKeepsKeyOrder() {
    ObjectNode root = JsonFormat.object();
    root.put("name", "layer");
    ObjectNode inner = root.putObject("inner");
    inner.put("z", 1);
    inner.putArray("a").add("x").addNull();
    root.putArray("emptyList");
    root.putObject("emptyMap");
    root.put("key \"quoted\"", false);

    assertThat(JsonFormat.write(root))
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
    ObjectNode root = JsonFormat.object();
    root.set("b", JsonFormat.array().add(1).add(2));
    root.put("a", "x");
    assertThat(JsonFormat.write(root)).isEqualTo(JsonFormat.write(root.deepCopy()));
    assertThat(JsonFormat.write(root)).endsWith("}\n").doesNotEndWith("\n\n");
    assertThat(JsonFormat.write(JsonFormat.strings(List.of("a", "b"))))
        .isEqualTo("[\n  \"a\",\n  \"b\"\n]\n");
  }

  @Test
  void rejectsOtherTypes() {
    assertThatThrownBy(() -> JsonFormat.write(JsonFormat.array().add(new POJONode(new Object()))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
