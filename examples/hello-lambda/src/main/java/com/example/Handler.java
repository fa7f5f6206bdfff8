package com.example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Greets the caller; uses Jackson and the AWS SDK so that both end up in layers. */
public class Handler implements RequestHandler<Map<String, String>, String> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String handleRequest(Map<String, String> input, Context context) {
    AttributeValue name = AttributeValue.fromS(input.getOrDefault("name", "world"));
    try {
      return JSON.writeValueAsString(Map.of("greeting", "Hello, " + name.s() + "!"));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
