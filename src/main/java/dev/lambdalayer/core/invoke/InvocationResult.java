package dev.lambdalayer.core.invoke;

import java.nio.charset.StandardCharsets;

/**
 * What one invocation returned, as Lambda's Runtime API received it.
 *
 * @param errorType null for a response; else the function's error type (from the {@code
 *     Lambda-Runtime-Function-Error-Type} header or the payload), or {@code Runtime.ExitError},
 *     {@code Sandbox.Timedout} for what the plugin saw happen to the JVM
 * @param payload the response, or the error payload ({@code errorMessage}, {@code errorType},
 *     {@code stackTrace})
 * @param durationMillis from handing the event out to receiving the answer
 * @param init whether the error came from the runtime's init phase
 */
public record InvocationResult(
    String requestId, String errorType, byte[] payload, long durationMillis, boolean init) {

  public boolean failed() {
    return errorType != null;
  }

  public String payloadText() {
    return new String(payload, StandardCharsets.UTF_8);
  }
}
