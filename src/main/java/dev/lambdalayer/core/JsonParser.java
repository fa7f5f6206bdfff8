package dev.lambdalayer.core;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON parser (RFC 8259: no comments, no trailing commas, no duplicate keys) that
 * keeps the line and column of every value, so that a reader of a hand-edited or damaged file can
 * be told exactly where the problem is. A library would add a dependency to the plugin's class path
 * for about 200 lines of code, and none of the usual ones report positions of values after parsing.
 */
public final class JsonParser {

  /**
   * A parsed value with its position (1-based). {@code value} is a {@code Map<String, Node>} (in
   * file order), a {@code List<Node>}, a {@code String}, a {@code BigDecimal}, a {@code Boolean} or
   * {@code null}.
   */
  public record Node(Object value, int line, int column) {

    /**
     * The value without positions: {@code Map<String, Object>}, {@code List<Object>}, strings,
     * {@code BigDecimal}s, booleans and null, for readers that need no locations in messages.
     */
    public Object plain() {
      if (value instanceof Map<?, ?> map) {
        Map<String, Object> plain = new java.util.LinkedHashMap<>();
        map.forEach((key, node) -> plain.put((String) key, ((Node) node).plain()));
        return plain;
      } else if (value instanceof List<?> list) {
        return list.stream().map(node -> ((Node) node).plain()).toList();
      }
      return value;
    }

    /** What the value is, in words for messages: "an object", "a string", ... */
    public String kind() {
      if (value instanceof Map<?, ?>) {
        return "an object";
      } else if (value instanceof List<?>) {
        return "an array";
      } else if (value instanceof String) {
        return "a string";
      } else if (value instanceof BigDecimal) {
        return "a number";
      } else if (value instanceof Boolean) {
        return "a boolean";
      }
      return "null";
    }
  }

  /** Thrown for text that is not JSON; the position is where the parser stopped. */
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

  private static final int MAX_DEPTH = 64;

  private final String text;
  private int pos;
  private int line = 1;
  private int lineStart;

  private JsonParser(String text) {
    this.text = text;
  }

  /** Parses one JSON document; only whitespace may follow it. */
  public static Node parse(String text) throws SyntaxException {
    JsonParser parser = new JsonParser(text);
    if (text.startsWith("\uFEFF")) {
      parser.pos = 1; // a byte order mark some editors add
      parser.lineStart = 1;
    }
    parser.skipWhitespace();
    if (parser.atEnd()) {
      throw parser.error("the file is empty; expected a JSON object");
    }
    Node root = parser.value(0);
    parser.skipWhitespace();
    if (!parser.atEnd()) {
      throw parser.error("unexpected " + parser.describeNext() + " after the end of the document");
    }
    return root;
  }

  private Node value(int depth) throws SyntaxException {
    if (depth > MAX_DEPTH) {
      throw error("nesting deeper than " + MAX_DEPTH + " levels");
    }
    int valueLine = line;
    int valueColumn = column();
    if (atEnd()) {
      throw error("the file ends where a value was expected (is it truncated?)");
    }
    char c = text.charAt(pos);
    Object value;
    switch (c) {
      case '{' -> value = object(depth, valueLine, valueColumn);
      case '[' -> value = array(depth, valueLine, valueColumn);
      case '"' -> value = string();
      case 't' -> value = literal("true", Boolean.TRUE);
      case 'f' -> value = literal("false", Boolean.FALSE);
      case 'n' -> value = literal("null", null);
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          value = number();
        } else {
          throw error("unexpected " + describeNext() + "; expected a value");
        }
      }
    }
    return new Node(value, valueLine, valueColumn);
  }

  private Map<String, Node> object(int depth, int openLine, int openColumn) throws SyntaxException {
    pos++;
    Map<String, Node> members = new LinkedHashMap<>();
    skipWhitespace();
    if (peek('}')) {
      pos++;
      return members;
    }
    while (true) {
      skipWhitespace();
      if (atEnd()) {
        throw unclosed("object", openLine, openColumn);
      }
      if (!peek('"')) {
        throw error("unexpected " + describeNext() + "; expected a member name in double quotes");
      }
      int keyLine = line;
      int keyColumn = column();
      String key = string();
      if (members.containsKey(key)) {
        throw new SyntaxException(keyLine, keyColumn, "the member \"" + key + "\" appears twice");
      }
      skipWhitespace();
      if (atEnd()) {
        throw unclosed("object", openLine, openColumn);
      }
      if (!peek(':')) {
        throw error("unexpected " + describeNext() + "; expected ':' after \"" + key + "\"");
      }
      pos++;
      skipWhitespace();
      members.put(key, value(depth + 1));
      skipWhitespace();
      if (atEnd()) {
        throw unclosed("object", openLine, openColumn);
      }
      if (peek(',')) {
        pos++;
      } else if (peek('}')) {
        pos++;
        return members;
      } else {
        throw error("unexpected " + describeNext() + "; expected ',' or '}'");
      }
    }
  }

  private List<Node> array(int depth, int openLine, int openColumn) throws SyntaxException {
    pos++;
    List<Node> items = new ArrayList<>();
    skipWhitespace();
    if (peek(']')) {
      pos++;
      return items;
    }
    while (true) {
      skipWhitespace();
      if (atEnd()) {
        throw unclosed("array", openLine, openColumn);
      }
      items.add(value(depth + 1));
      skipWhitespace();
      if (atEnd()) {
        throw unclosed("array", openLine, openColumn);
      }
      if (peek(',')) {
        pos++;
      } else if (peek(']')) {
        pos++;
        return items;
      } else {
        throw error("unexpected " + describeNext() + "; expected ',' or ']'");
      }
    }
  }

  private String string() throws SyntaxException {
    int startLine = line;
    int startColumn = column();
    pos++;
    StringBuilder out = new StringBuilder();
    while (true) {
      if (atEnd()) {
        throw new SyntaxException(
            startLine,
            startColumn,
            "the string starting here is not closed before the end of the file (is it"
                + " truncated?)");
      }
      char c = text.charAt(pos);
      if (c == '"') {
        pos++;
        return out.toString();
      }
      if (c < 0x20) {
        throw error("a control character (a line break?) inside a string; strings end with '\"'");
      }
      if (c != '\\') {
        out.append(c);
        pos++;
        continue;
      }
      pos++;
      if (atEnd()) {
        continue; // reported as an unclosed string
      }
      char escape = text.charAt(pos++);
      switch (escape) {
        case '"' -> out.append('"');
        case '\\' -> out.append('\\');
        case '/' -> out.append('/');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          if (pos + 4 > text.length() || !text.substring(pos, pos + 4).matches("[0-9a-fA-F]{4}")) {
            throw error("'\\u' must be followed by four hex digits");
          }
          out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
          pos += 4;
        }
        default -> {
          pos--;
          throw error("unknown escape '\\" + escape + "' in a string");
        }
      }
    }
  }

  private BigDecimal number() throws SyntaxException {
    int start = pos;
    if (peek('-')) {
      pos++;
    }
    if (peek('0')) {
      pos++;
    } else if (!digits()) {
      throw error("a number needs digits after '-'");
    }
    if (peek('.')) {
      pos++;
      if (!digits()) {
        throw error("a number needs digits after '.'");
      }
    }
    if (peek('e') || peek('E')) {
      pos++;
      if (peek('+') || peek('-')) {
        pos++;
      }
      if (!digits()) {
        throw error("a number needs digits in its exponent");
      }
    }
    return new BigDecimal(text.substring(start, pos));
  }

  private boolean digits() {
    int start = pos;
    while (!atEnd() && Character.isDigit(text.charAt(pos)) && text.charAt(pos) < 128) {
      pos++;
    }
    return pos > start;
  }

  private Object literal(String word, Object value) throws SyntaxException {
    if (!text.startsWith(word, pos)) {
      throw error("unexpected " + describeNext() + "; expected a value");
    }
    pos += word.length();
    return value;
  }

  private void skipWhitespace() {
    while (!atEnd()) {
      char c = text.charAt(pos);
      if (c == '\n') {
        line++;
        lineStart = pos + 1;
      } else if (c != ' ' && c != '\t' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private boolean atEnd() {
    return pos >= text.length();
  }

  private boolean peek(char c) {
    return !atEnd() && text.charAt(pos) == c;
  }

  private int column() {
    return pos - lineStart + 1;
  }

  private String describeNext() {
    if (atEnd()) {
      return "end of file";
    }
    char c = text.charAt(pos);
    return Character.isLetterOrDigit(c) || c > ' '
        ? "'" + c + "'"
        : "character U+%04X".formatted((int) c);
  }

  private SyntaxException error(String problem) {
    return new SyntaxException(line, column(), problem);
  }

  private SyntaxException unclosed(String what, int openLine, int openColumn) {
    return error(
        "the file ends inside the "
            + what
            + " opened at line "
            + openLine
            + ", column "
            + openColumn
            + " (is it truncated?)");
  }
}
