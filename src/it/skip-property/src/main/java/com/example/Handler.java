package com.example;

/** Echoes its input. */
public class Handler {

  public String handleRequest(String input) {
    return input;
  }
}
