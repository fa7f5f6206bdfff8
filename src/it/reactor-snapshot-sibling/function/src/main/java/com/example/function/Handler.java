package com.example.function;

import com.example.common.Greeting;
import org.apache.commons.lang3.StringUtils;

/** Greets, with code from the sibling module and from a release library. */
public class Handler {

  public String handleRequest(String name) {
    return Greeting.of(StringUtils.capitalize(name));
  }
}
