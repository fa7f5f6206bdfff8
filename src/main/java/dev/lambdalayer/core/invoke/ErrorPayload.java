package dev.lambdalayer.core.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdalayer.core.json.JsonDocument;
import java.nio.charset.StandardCharsets;

/** Reads Lambda's error payload ({@code errorType}, {@code errorMessage}), tolerating anything. */
public final class ErrorPayload {

  private ErrorPayload() {}

  /** The payload's {@code errorType}, or null when it is no such JSON object. */
  public static String errorType(byte[] payload) {
    return member(payload, "errorType");
  }

  /** The payload's {@code errorMessage}, or null. */
  public static String errorMessage(byte[] payload) {
    return member(payload, "errorMessage");
  }

  private static String member(byte[] payload, String name) {
    try {
      JsonNode root = JsonDocument.parse(new String(payload, StandardCharsets.UTF_8)).root();
      JsonNode value = root.path(name);
      return value.isTextual() ? value.textValue() : null;
    } catch (RuntimeException | JsonDocument.SyntaxException e) {
      return null;
    }
  }
}
