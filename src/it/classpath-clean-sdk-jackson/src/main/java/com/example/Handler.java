package com.example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

public class Handler implements RequestHandler<Map<String, String>, String> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String handleRequest(Map<String, String> input, Context context) {
    try (DynamoDbClient client = DynamoDbClient.create()) {
      GetItemRequest request = GetItemRequest.builder().tableName(input.get("table")).build();
      return JSON.writeValueAsString(Map.of("table", request.tableName()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
