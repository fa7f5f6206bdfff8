package com.example;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

public class Handler {
  public String handle(Map<String, Object> input) throws Exception {
    return "billing " + new ObjectMapper().writeValueAsString(input);
  }
}
