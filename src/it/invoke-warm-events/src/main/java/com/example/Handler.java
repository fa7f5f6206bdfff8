package com.example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts its invocations: a warm JVM keeps the count between events. */
public class Handler implements RequestHandler<Map<String, String>, Map<String, Object>> {

  private static final AtomicInteger INVOCATIONS = new AtomicInteger();

  @Override
  public Map<String, Object> handleRequest(Map<String, String> input, Context context) {
    System.out.println("handling " + input.get("name") + " as " + context.getAwsRequestId());
    // Whether the caller's credentials reached the function, without printing them.
    System.out.println("credentials passed: " + (System.getenv("AWS_SECRET_ACCESS_KEY") != null));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("count", INVOCATIONS.incrementAndGet());
    out.put("name", input.get("name"));
    out.put("function", context.getFunctionName());
    out.put("timeLeft", context.getRemainingTimeInMillis() > 0);
    return out;
  }
}
