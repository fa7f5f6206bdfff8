package com.example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Logs what Lambda's environment tells it, then throws. */
public class Handler implements RequestHandler<Map<String, String>, String> {

  @Override
  public String handleRequest(Map<String, String> input, Context context) {
    context.getLogger().log("function=" + context.getFunctionName()
        + " memory=" + context.getMemoryLimitInMB()
        + " greeting=" + System.getenv("GREETING")
        + " order=" + input.get("order") + "\n");
    throw new IllegalStateException("Order " + input.get("order") + " cannot be shipped");
  }
}
