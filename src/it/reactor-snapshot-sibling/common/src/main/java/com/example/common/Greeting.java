package com.example.common;

/** Code shared by several functions of the reactor. */
public final class Greeting {

  private Greeting() {}

  public static String of(String name) {
    return "Hello, " + name;
  }
}
