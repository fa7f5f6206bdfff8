package com.example;

public class Handler {
  public String handleRequest(String input) {
    return "hello " + input;
  }
}
