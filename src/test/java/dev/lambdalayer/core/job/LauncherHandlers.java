package dev.lambdalayer.core.job;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * Handlers of every shape Lambda calls, for the serialization launcher in {@link InvokeJobTest}.
 */
public final class LauncherHandlers {

  private LauncherHandlers() {}

  /** A typed RequestHandler: the event is deserialized into its type argument. */
  public static class Typed implements RequestHandler<Map<String, Integer>, List<Object>> {
    @Override
    public List<Object> handleRequest(Map<String, Integer> input, Context context) {
      return List.of(input.get("n") + 1, context.getFunctionName(), context.getMemoryLimitInMB());
    }
  }

  /** A stream handler: the event's bytes in, the response's bytes out. */
  public static class Stream implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context)
        throws IOException {
      out.write(("[" + new String(in.readAllBytes()) + "]").getBytes());
    }
  }

  /** A POJO method named with {@code ::}, throwing. */
  public static class Throwing {
    public String fail(String input) {
      throw new IllegalArgumentException("no " + input);
    }
  }
}
