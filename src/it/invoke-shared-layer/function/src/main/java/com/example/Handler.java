package com.example;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.apache.commons.lang3.StringUtils;

public class Handler {
  public String handle(Map<String, Object> input) throws Exception {
    return StringUtils.upperCase(new ObjectMapper().writeValueAsString(input));
  }
}
