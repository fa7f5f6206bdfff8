package com.example;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.lang3.StringUtils;
import org.slf4j.LoggerFactory;
import java.util.Map;

public class Handler {
  public String handle(Map<String, Object> input) throws Exception {
    return "billing " + StringUtils.lowerCase(new ObjectMapper().writeValueAsString(input)) + LoggerFactory.getLogger(Handler.class).getName();
  }
}
