package com.example;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/** A handler that reads an item and returns it as JSON. */
public class Handler {

  private static final ObjectMapper JSON = new ObjectMapper();

  public String handleRequest(Map<String, String> input) throws Exception {
    try (DynamoDbClient dynamo = DynamoDbClient.create()) {
      return JSON.writeValueAsString(
          dynamo.getItem(GetItemRequest.builder().tableName(input.get("table")).build()).item());
    }
  }
}
