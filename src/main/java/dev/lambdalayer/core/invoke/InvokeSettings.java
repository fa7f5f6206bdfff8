package dev.lambdalayer.core.invoke;

import java.util.Map;

/**
 * How to run the function locally.
 *
 * @param handler as configured in Lambda: {@code com.example.Handler::handleRequest} or a class
 * @param functionName {@code AWS_LAMBDA_FUNCTION_NAME}
 * @param runtime the Lambda runtime id, e.g. {@code java21} ({@code AWS_EXECUTION_ENV})
 * @param region {@code AWS_REGION}
 * @param memoryMb {@code AWS_LAMBDA_FUNCTION_MEMORY_SIZE}; the heap is derived from it
 * @param timeoutSeconds per invocation, as the function's timeout
 * @param environment the user's variables for the function
 * @param passedThrough variables of the caller's environment handed on (credentials, proxies):
 *     their values are never logged
 * @param debugPort JDWP port to wait on before the runtime starts; 0 for none
 */
public record InvokeSettings(
    String handler,
    String functionName,
    String runtime,
    String region,
    int memoryMb,
    int timeoutSeconds,
    Map<String, String> environment,
    Map<String, String> passedThrough,
    int debugPort) {

  public InvokeSettings {
    environment = Map.copyOf(environment);
    passedThrough = Map.copyOf(passedThrough);
  }
}
