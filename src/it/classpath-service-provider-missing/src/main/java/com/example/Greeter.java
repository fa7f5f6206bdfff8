package com.example;

/** A service: its providers are found through META-INF/services. */
public interface Greeter {
  String greet(String name);
}
