package com.example;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.text.WordUtils;
import java.util.Map;

public class Handler {
  public String handle(Map<String, Object> input) throws Exception {
    return "shipping " + WordUtils.capitalize(new ObjectMapper().writeValueAsString(input));
  }
}
