package com.example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import org.apache.commons.lang3.StringUtils;

/** Reverses its input. */
public class Handler implements RequestHandler<String, String> {

  @Override
  public String handleRequest(String input, Context context) {
    return StringUtils.reverse(input);
  }
}
