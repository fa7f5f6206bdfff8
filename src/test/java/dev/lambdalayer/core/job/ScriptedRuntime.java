package dev.lambdalayer.core.job;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A stand-in runtime client for {@link InvokeJobTest}, run as the function's JVM: its handler
 * argument says what to do with each event ({@code echo}, {@code sleep}, {@code exit}).
 */
public final class ScriptedRuntime {

  private ScriptedRuntime() {}

  public static void main(String[] args) throws Exception {
    String api = "http://" + System.getenv("AWS_LAMBDA_RUNTIME_API") + "/2018-06-01/runtime/";
    System.out.println("started in " + System.getProperty("user.dir"));
    while (true) {
      HttpURLConnection next =
          (HttpURLConnection) URI.create(api + "invocation/next").toURL().openConnection();
      byte[] event;
      try (InputStream in = next.getInputStream()) {
        event = in.readAllBytes();
      }
      String id = next.getHeaderField("Lambda-Runtime-Aws-Request-Id");
      switch (args[0]) {
        case "sleep" -> Thread.sleep(60_000);
        case "exit" -> System.exit(3);
        default -> {
          String body =
              "{\"event\":"
                  + new String(event, StandardCharsets.UTF_8)
                  + ",\"function\":\""
                  + System.getenv("AWS_LAMBDA_FUNCTION_NAME")
                  + "\"}";
          HttpURLConnection post =
              (HttpURLConnection)
                  URI.create(api + "invocation/" + id + "/response").toURL().openConnection();
          post.setRequestMethod("POST");
          post.setDoOutput(true);
          try (OutputStream out = post.getOutputStream()) {
            out.write(body.getBytes(StandardCharsets.UTF_8));
          }
          post.getResponseCode();
        }
      }
    }
  }
}
