package com.example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import org.apache.commons.lang3.StringUtils;

/** Uses commons-lang3 while Lambda loads the class: its static initializer needs it. */
public class Handler implements RequestHandler<Map<String, String>, String> {

  private static final String GREETING = StringUtils.capitalize("hello");

  @Override
  public String handleRequest(Map<String, String> input, Context context) {
    return GREETING;
  }
}
