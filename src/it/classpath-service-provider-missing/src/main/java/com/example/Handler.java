package com.example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import java.util.ServiceLoader;

public class Handler implements RequestHandler<Map<String, String>, String> {
  @Override
  public String handleRequest(Map<String, String> input, Context context) {
    for (Greeter greeter : ServiceLoader.load(Greeter.class)) {
      return greeter.greet(input.get("name"));
    }
    return "nobody";
  }
}
