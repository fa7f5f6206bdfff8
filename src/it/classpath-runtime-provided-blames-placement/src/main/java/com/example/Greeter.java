package com.example;

import org.apache.commons.lang3.StringUtils;

class Greeter {
  String greet(String name) {
    return "Hello, " + StringUtils.capitalize(name);
  }
}
