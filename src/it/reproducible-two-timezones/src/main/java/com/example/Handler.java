package com.example;

import org.apache.commons.text.WordUtils;

/** Capitalizes its input. */
public class Handler {

  public String handleRequest(String input) {
    return WordUtils.capitalize(input);
  }
}
