package com.example.lib;

/** Loads its plugins by name, as many libraries do. */
public final class Registry {
  private Registry() {}

  public static Object plugins() throws ReflectiveOperationException {
    return Class.forName("com.example.lib.Plugins").getDeclaredConstructor().newInstance();
  }
}
