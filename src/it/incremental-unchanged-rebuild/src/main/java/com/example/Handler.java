package com.example;

import org.apache.commons.lang3.StringUtils;

/** Upper-cases its input. */
public class Handler {

  public String handleRequest(String input) {
    return StringUtils.upperCase(input);
  }
}
