package dev.lambdalayer.launcher;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;

/** Writes the function's log lines to standard output, where Lambda's text log format puts them. */
final class StdoutLogger implements LambdaLogger {

  @Override
  public void log(String message) {
    System.out.print(message);
    System.out.flush();
  }

  @Override
  public void log(byte[] message) {
    log(new String(message, StandardCharsets.UTF_8));
  }
}
