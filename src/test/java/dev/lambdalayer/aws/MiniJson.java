package dev.lambdalayer.aws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small JSON reader for the fake server: objects, arrays, strings, numbers, booleans, null. */
final class MiniJson {

  private final String text;
  private int pos;

  private MiniJson(String text) {
    this.text = text;
  }

  static Object parse(String text) {
    MiniJson parser = new MiniJson(text);
    parser.skip();
    if (parser.pos >= text.length()) {
      return new LinkedHashMap<String, Object>();
    }
    Object value = parser.value();
    parser.skip();
    if (parser.pos != text.length()) {
      throw new IllegalArgumentException("trailing characters at " + parser.pos);
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> object(String text) {
    return (Map<String, Object>) parse(text);
  }

  private Object value() {
    skip();
    char c = text.charAt(pos);
    switch (c) {
      case '{' -> {
        pos++;
        Map<String, Object> map = new LinkedHashMap<>();
        skip();
        if (text.charAt(pos) == '}') {
          pos++;
          return map;
        }
        while (true) {
          skip();
          String key = string();
          skip();
          expect(':');
          map.put(key, value());
          skip();
          if (text.charAt(pos) == ',') {
            pos++;
          } else {
            expect('}');
            return map;
          }
        }
      }
      case '[' -> {
        pos++;
        List<Object> list = new ArrayList<>();
        skip();
        if (text.charAt(pos) == ']') {
          pos++;
          return list;
        }
        while (true) {
          list.add(value());
          skip();
          if (text.charAt(pos) == ',') {
            pos++;
          } else {
            expect(']');
            return list;
          }
        }
      }
      case '"' -> {
        return string();
      }
      default -> {
        if (text.startsWith("true", pos)) {
          pos += 4;
          return true;
        }
        if (text.startsWith("false", pos)) {
          pos += 5;
          return false;
        }
        if (text.startsWith("null", pos)) {
          pos += 4;
          return null;
        }
        int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
          pos++;
        }
        String number = text.substring(start, pos);
        if (number.isEmpty()) {
          throw new IllegalArgumentException("unexpected '" + c + "' at " + start);
        }
        return number.contains(".") || number.contains("e") || number.contains("E")
            ? (Object) Double.parseDouble(number)
            : (Object) Long.parseLong(number);
      }
    }
  }

  private String string() {
    expect('"');
    StringBuilder out = new StringBuilder();
    while (true) {
      char c = text.charAt(pos++);
      if (c == '"') {
        return out.toString();
      }
      if (c == '\\') {
        char e = text.charAt(pos++);
        switch (e) {
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'r' -> out.append('\r');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'u' -> {
            out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
            pos += 4;
          }
          default -> out.append(e);
        }
      } else {
        out.append(c);
      }
    }
  }

  private void expect(char c) {
    if (text.charAt(pos) != c) {
      throw new IllegalArgumentException("expected '" + c + "' at " + pos);
    }
    pos++;
  }

  private void skip() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }
}
