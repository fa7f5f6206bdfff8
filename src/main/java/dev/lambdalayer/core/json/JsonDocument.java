package dev.lambdalayer.core.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.ContentReference;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A JSON document read strictly by Jackson into its tree model, remembering where each value
 * starts, so that a reader that finds a wrong value after parsing can still name its line and
 * column (Jackson's tree keeps no positions).
 *
 * <p>Values are found by their JSON path as the readers spell it: {@code $} for the root, {@code
 * .name} for a member, {@code [i]} for an array item, as in {@code $.layers[0].libraries[1].size}.
 * Numbers keep their exact value ({@link JsonNode#decimalValue()}).
 */
public final class JsonDocument {

  /** A 1-based line and column. */
  public record Position(int line, int column) {

    @Override
    public String toString() {
      return "line " + line + ", column " + column;
    }
  }

  /** Thrown for text that is not JSON; the position is where the problem is. */
  public static final class SyntaxException extends Exception {
    private final int line;
    private final int column;
    private final String problem;

    SyntaxException(int line, int column, String problem) {
      super("line " + line + ", column " + column + ": " + problem);
      this.line = line;
      this.column = column;
      this.problem = problem;
    }

    public int line() {
      return line;
    }

    public int column() {
      return column;
    }

    public String problem() {
      return problem;
    }
  }

  private final JsonNode root;
  private final Map<String, Position> positions;

  private JsonDocument(JsonNode root, Map<String, Position> positions) {
    this.root = root;
    this.positions = positions;
  }

  public JsonNode root() {
    return root;
  }

  /** Where the value at {@code path} starts; the root's position for a path not in the file. */
  public Position position(String path) {
    return positions.getOrDefault(path, positions.get("$"));
  }

  /** What a value is, in words for messages: "an object", "a string", ... */
  public static String kind(JsonNode node) {
    return switch (node.getNodeType()) {
      case OBJECT -> "an object";
      case ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      default -> "null";
    };
  }

  /** Parses one JSON document; only whitespace may follow it. */
  public static JsonDocument parse(String text) throws SyntaxException {
    // Jackson skips a byte order mark only when it decodes bytes; some editors leave one.
    String json = text.startsWith("\uFEFF") ? text.substring(1) : text;
    Builder builder = new Builder(json);
    try (JsonParser parser = JsonFormat.MAPPER.createParser(json)) {
      // The builder finds duplicate keys itself: Jackson would report them after the key, not at
      // its start.
      parser.disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
      return builder.document(parser);
    } catch (IOException e) {
      // Reading from a string: any other I/O failure is impossible.
      throw new UncheckedIOException(e);
    }
  }

  /** Builds the tree from Jackson's tokens and records each value's start. */
  private static final class Builder {

    private final String text;
    private final Map<String, Position> positions = new HashMap<>();

    Builder(String text) {
      this.text = text;
    }

    JsonDocument document(JsonParser parser) throws IOException, SyntaxException {
      JsonNode root;
      try {
        if (parser.nextToken() == null) {
          throw error(parser.currentLocation(), "the file is empty; expected a JSON object");
        }
        root = value(parser, "$");
      } catch (JsonProcessingException e) {
        throw translate(e, parser);
      }
      try {
        if (parser.nextToken() != null) {
          throw afterEnd(parser.currentTokenLocation());
        }
      } catch (JsonParseException e) {
        throw afterEnd(location(e, parser));
      } catch (JsonProcessingException e) {
        throw translate(e, parser);
      }
      return new JsonDocument(root, positions);
    }

    private JsonNode value(JsonParser parser, String path) throws IOException, SyntaxException {
      JsonLocation start = parser.currentTokenLocation();
      positions.put(path, new Position(start.getLineNr(), start.getColumnNr()));
      JsonToken token = parser.currentToken();
      return switch (token) {
        case START_OBJECT -> {
          ObjectNode object = JsonFormat.object();
          while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            if (object.has(name)) {
              throw error(
                  parser.currentTokenLocation(), "the member \"" + name + "\" appears twice");
            }
            parser.nextToken();
            object.set(name, value(parser, path + "." + name));
          }
          yield object;
        }
        case START_ARRAY -> {
          ArrayNode array = JsonFormat.array();
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(value(parser, path + "[" + array.size() + "]"));
          }
          yield array;
        }
        case VALUE_STRING -> TextNode.valueOf(parser.getText());
        case VALUE_NUMBER_INT ->
            switch (parser.getNumberType()) {
              case INT -> IntNode.valueOf(parser.getIntValue());
              case LONG -> LongNode.valueOf(parser.getLongValue());
              default -> BigIntegerNode.valueOf(parser.getBigIntegerValue());
            };
        case VALUE_NUMBER_FLOAT -> {
          try {
            yield DecimalNode.valueOf(parser.getDecimalValue());
          } catch (NumberFormatException e) {
            // An exponent beyond BigDecimal's range, such as 1e9999999999.
            throw error(start, "the number " + parser.getText() + " is out of range");
          }
        }
        case VALUE_TRUE -> BooleanNode.TRUE;
        case VALUE_FALSE -> BooleanNode.FALSE;
        case VALUE_NULL -> NullNode.getInstance();
        // Never from a strict JSON parser: END_* tokens are consumed above, others are extensions.
        default -> throw new IllegalStateException("unexpected token " + token + " at " + path);
      };
    }

    /**
     * Jackson's errors in the plugin's words: what was found and what was expected, never a Jackson
     * setting the user cannot change. Jackson has no error codes, so its messages are matched;
     * JsonDocumentTest pins each case, so a Jackson upgrade that rewords one shows there.
     */
    private SyntaxException translate(JsonProcessingException e, JsonParser parser) {
      JsonStreamContext context = parser.getParsingContext();
      // Not every end-of-input error is a JsonEOFException (after a comma, for one).
      if (e instanceof JsonEOFException
          || e.getOriginalMessage().startsWith("Unexpected end-of-input")) {
        if (e instanceof JsonEOFException eof
            && eof.getTokenBeingDecoded() == JsonToken.VALUE_STRING) {
          return error(
              parser.currentTokenLocation(),
              "the string starting here is not closed before the end of the file (is it"
                  + " truncated?)");
        }
        if (context.inArray() || context.inObject()) {
          JsonLocation open = context.startLocation(ContentReference.unknown());
          return error(
              location(e, parser),
              "the file ends inside the "
                  + (context.inArray() ? "array" : "object")
                  + " opened at line "
                  + open.getLineNr()
                  + ", column "
                  + open.getColumnNr()
                  + " (is it truncated?)");
        }
        return error(
            location(e, parser), "the file ends where a value was expected (is it truncated?)");
      }
      if (e instanceof StreamConstraintsException) {
        String problem = e.getOriginalMessage();
        return error(
            parser.currentLocation(),
            problem.contains("nesting depth")
                ? "nesting deeper than " + JsonFormat.MAX_DEPTH + " levels"
                : lowerFirst(problem));
      }
      JsonLocation at = location(e, parser);
      String message = e.getOriginalMessage();
      if (message.startsWith("Illegal character")) {
        // Jackson reports a control character between values one column after it.
        at =
            new JsonLocation(
                ContentReference.unknown(),
                -1,
                at.getCharOffset() - 1,
                at.getLineNr(),
                at.getColumnNr() - 1);
      }
      String found = "unexpected " + describe(at);
      String problem;
      if (message.contains("to start field name")) {
        problem = found + "; expected a member name in double quotes";
      } else if (message.contains("colon to separate")) {
        problem = found + "; expected ':' after \"" + context.getCurrentName() + "\"";
      } else if (message.contains("separate Object entries")
          || message.startsWith("Unexpected close marker") && context.inObject()) {
        problem = found + "; expected ',' or '}'";
      } else if (message.contains("separate Array entries")
          || message.startsWith("Unexpected close marker") && context.inArray()) {
        problem = found + "; expected ',' or ']'";
      } else if (message.contains("expected a valid value")
          || message.startsWith("Unrecognized token")
          || message.startsWith("Unexpected close marker")) {
        problem = found + "; expected a value";
      } else if (message.contains("comment")) {
        problem = found + "; JSON has no comments";
      } else if (message.startsWith("Illegal unquoted character")) {
        problem = "a control character (a line break?) inside a string; strings end with '\"'";
      } else if (message.startsWith("Unrecognized character escape")) {
        problem = "unknown escape '\\" + charAt(at) + "' in a string";
      } else if (message.contains("hex-digit for character escape")) {
        problem = "'\\u' must be followed by four hex digits";
      } else if (message.startsWith("Illegal character")) {
        problem = found + "; only spaces, tabs and line breaks may separate values";
      } else if (message.contains("to follow minus sign")) {
        problem = "a number needs digits after '-'";
      } else if (message.contains("Decimal point not followed by a digit")) {
        problem = "a number needs digits after '.'";
      } else if (message.contains("Exponent indicator not followed by a digit")) {
        problem = "a number needs digits in its exponent";
      } else if (message.contains("numbers to have plus signs")) {
        problem = "a number must not start with '+'";
      } else if (message.startsWith("Non-standard token")) {
        problem = message.replaceAll("Non-standard token ('[^']*').*", "$1 is not a JSON value");
      } else if (message.contains("Leading zeroes not allowed")) {
        problem = "a number must not start with 0 (unless it is 0 or 0.x)";
      } else {
        // The rarer cases: Jackson's own words, without its setting names.
        problem = lowerFirst(message.replaceAll(": enable `[^`]*` to allow.*$", ""));
      }
      return error(at, problem);
    }

    private SyntaxException afterEnd(JsonLocation at) {
      return error(at, "unexpected " + describe(at) + " after the end of the document");
    }

    /** What the text has at {@code at}, in words for messages: {@code '}'}, end of file. */
    private String describe(JsonLocation at) {
      long offset = at.getCharOffset();
      if (offset < 0 || offset >= text.length()) {
        return "end of file";
      }
      char c = charAt(at);
      return Character.isLetterOrDigit(c) || c > ' '
          ? "'" + c + "'"
          : "character U+%04X".formatted((int) c);
    }

    private char charAt(JsonLocation at) {
      long offset = at.getCharOffset();
      return offset >= 0 && offset < text.length() ? text.charAt((int) offset) : '?';
    }

    private static JsonLocation location(JsonProcessingException e, JsonParser parser) {
      return e.getLocation() != null ? e.getLocation() : parser.currentLocation();
    }

    private static String lowerFirst(String text) {
      return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static SyntaxException error(JsonLocation at, String problem) {
      return new SyntaxException(at.getLineNr(), at.getColumnNr(), problem);
    }
  }
}
