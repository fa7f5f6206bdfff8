package dev.lambdalayer.launcher;

import java.nio.charset.StandardCharsets;

/**
 * The error payload Lambda returns: {@code errorMessage}, {@code errorType}, {@code stackTrace}.
 */
final class ErrorJson {

  private ErrorJson() {}

  static byte[] of(Throwable t) {
    StringBuilder json = new StringBuilder("{\"errorMessage\":");
    string(json, t.getMessage() == null ? t.toString() : t.getMessage());
    json.append(",\"errorType\":");
    string(json, t.getClass().getName());
    json.append(",\"stackTrace\":[");
    StackTraceElement[] trace = t.getStackTrace();
    for (int i = 0; i < trace.length; i++) {
      if (trace[i].getClassName().startsWith("dev.lambdalayer.launcher.")
          || trace[i].getClassName().startsWith("java.lang.reflect.")
          || trace[i].getClassName().startsWith("jdk.internal.reflect.")) {
        continue; // Lambda filters its own frames too.
      }
      if (json.charAt(json.length() - 1) != '[') {
        json.append(',');
      }
      string(json, trace[i].toString());
    }
    return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void string(StringBuilder json, String s) {
    json.append('"');
    for (char c : s.toCharArray()) {
      if (c == '"') {
        json.append("\\\"");
      } else if (c == '\\') {
        json.append("\\\\");
      } else if (c == '\n') {
        json.append("\\n");
      } else if (c == '\r') {
        json.append("\\r");
      } else if (c == '\t') {
        json.append("\\t");
      } else if (c < 0x20) {
        json.append(String.format("\\u%04x", (int) c));
      } else {
        json.append(c);
      }
    }
    json.append('"');
  }
}
