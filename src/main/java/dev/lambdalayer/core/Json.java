package dev.lambdalayer.core;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON with a stable layout: keys in the order the map gives them, two-space indent, one
 * trailing newline. Values are maps, lists, strings, numbers, booleans or null.
 */
public final class Json {

  private Json() {}

  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out, "");
    return out.append('\n').toString();
  }

  private static void write(Object value, StringBuilder out, String indent) {
    if (value instanceof Map<?, ?> map) {
      writeContainer(out, indent, '{', '}', map.entrySet().iterator(), map.isEmpty(), true);
    } else if (value instanceof List<?> list) {
      writeContainer(out, indent, '[', ']', list.iterator(), list.isEmpty(), false);
    } else if (value instanceof String text) {
      quote(text, out);
    } else if (value == null || value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass());
    }
  }

  private static void writeContainer(
      StringBuilder out,
      String indent,
      char open,
      char close,
      Iterator<?> items,
      boolean empty,
      boolean object) {
    out.append(open);
    if (empty) {
      out.append(close);
      return;
    }
    String inner = indent + "  ";
    while (items.hasNext()) {
      Object item = items.next();
      out.append('\n').append(inner);
      if (object) {
        Map.Entry<?, ?> entry = (Map.Entry<?, ?>) item;
        quote(String.valueOf(entry.getKey()), out);
        out.append(": ");
        item = entry.getValue();
      }
      write(item, out, inner);
      if (items.hasNext()) {
        out.append(',');
      }
    }
    out.append('\n').append(indent).append(close);
  }

  static void quote(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
