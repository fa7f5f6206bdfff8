package com.example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/** Builds its SDK clients without an explicit httpClient: the SDK looks the client up. */
public class Handler implements RequestHandler<String, String> {
  private static final Log LOG = LogFactory.getLog(Handler.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Override
  public String handleRequest(String input, Context context) {
    LOG.info(input);
    try {
      return MAPPER.writeValueAsString(input);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
