package dev.lambdalayer.core.invoke;

/** One event to invoke the function with, and the name it is shown and saved under. */
public record InvokeEvent(String name, byte[] body) {}
