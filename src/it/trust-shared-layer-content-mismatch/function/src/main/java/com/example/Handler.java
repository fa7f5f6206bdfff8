package com.example;

import java.util.Map;
import org.slf4j.LoggerFactory;

public class Handler {
  public String handle(Map<String, Object> input) {
    LoggerFactory.getLogger(Handler.class).info("called");
    return String.valueOf(input);
  }
}
