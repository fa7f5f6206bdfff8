package dev.lambdalayer.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;

/**
 * The plugin's one Jackson configuration: a strict, shared {@link ObjectMapper} and the layout
 * every JSON file is written in.
 *
 * <p>The layout is the one the plugin has always written, because users commit the lockfile and a
 * new library must not change a byte of it: keys in insertion order, two-space indent, one value
 * per line, {@code "key": value}, empty containers as {@code []} and {@code {}}, one trailing
 * newline; in strings only {@code "}, {@code \}, {@code \n}, {@code \r}, {@code \t} get short
 * escapes, other control characters {@code \}{@code u00xx} in lower case, everything else as is.
 */
public final class JsonFormat {

  /**
   * Nesting deeper than any file of the plugin needs; reading stops there rather than exhausting
   * the stack on a damaged or hostile file.
   */
  static final int MAX_DEPTH = 64;

  /**
   * Shared and thread-safe once built: no duplicate keys, no trailing content, no comments (the
   * default), at most {@link #MAX_DEPTH} levels.
   */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder(factory())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  private static final ObjectWriter WRITER = MAPPER.writer(printer());

  private JsonFormat() {}

  private static JsonFactory factory() {
    return new JsonFactoryBuilder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
        .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
        .characterEscapes(new Escapes())
        .build();
  }

  private static DefaultPrettyPrinter printer() {
    // Fixed "\n", not the platform's line separator: the files are the same on every OS.
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    return new DefaultPrettyPrinter(
            Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""))
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter);
  }

  /** The text of {@code value} in the plugin's layout, with one trailing newline. */
  public static String write(JsonNode value) {
    try {
      return WRITER.writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      // Trees of plain nodes always serialize: only an unserializable POJO node gets here.
      throw new IllegalArgumentException("not a JSON value: " + e.getOriginalMessage(), e);
    }
  }

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  /** An array of {@code values} in their order; a null element is written as {@code null}. */
  public static ArrayNode strings(Collection<String> values) {
    ArrayNode array = array();
    values.forEach(array::add);
    return array;
  }

  /**
   * Jackson's standard escapes, except that backspace and form feed get {@code \}{@code u0008} and
   * {@code \}{@code u000c} instead of {@code \b} and {@code \f}, as the plugin always wrote them.
   */
  private static final class Escapes extends CharacterEscapes {

    private final int[] ascii = standardAsciiEscapesForJSON();

    Escapes() {
      ascii['\b'] = ESCAPE_STANDARD;
      ascii['\f'] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return null; // no custom escapes: characters above ASCII are written as they are
    }
  }
}
