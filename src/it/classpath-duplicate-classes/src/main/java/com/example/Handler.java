package com.example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

public class Handler implements RequestHandler<String, String> {
  private static final Log LOG = LogFactory.getLog(Handler.class);

  @Override
  public String handleRequest(String input, Context context) {
    LOG.info(input);
    return input;
  }
}
