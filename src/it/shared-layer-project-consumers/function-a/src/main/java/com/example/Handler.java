package com.example;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.slf4j.LoggerFactory;

public class Handler {
  public String handle(Map<String, Object> input) throws Exception {
    LoggerFactory.getLogger(Handler.class).info("called");
    return new ObjectMapper().writeValueAsString(input);
  }
}
