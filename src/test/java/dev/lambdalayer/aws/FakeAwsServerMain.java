package dev.lambdalayer.aws;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs {@link FakeAwsServer} as a process for {@code bench/run.py}: prints {@code endpoint <url>},
 * then answers lines on stdin: {@code stats} (one JSON line: calls, bytes uploaded, calls per
 * operation), {@code reset} (zero the counters); exits at end of input.
 *
 * <p>Argument: optional latency in milliseconds added to every answer, as a network round trip.
 */
public final class FakeAwsServerMain {

  private FakeAwsServerMain() {}

  public static void main(String[] args) throws Exception {
    try (FakeAwsServer server = FakeAwsServer.start()) {
      if (args.length > 0) {
        server.setLatencyMillis(Long.parseLong(args[0]));
      }
      System.out.println("endpoint " + server.endpoint());
      System.out.flush();
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line;
      while ((line = in.readLine()) != null) {
        switch (line.trim()) {
          case "stats" -> System.out.println(stats(server));
          case "reset" -> {
            server.resetCounters();
            System.out.println("ok");
          }
          default -> System.out.println("unknown command: " + line);
        }
        System.out.flush();
      }
    }
  }

  private static String stats(FakeAwsServer server) {
    Map<String, Long> ops = server.callsByOperation();
    String byOperation =
        ops.entrySet().stream()
            .map(e -> "\"" + e.getKey() + "\": " + e.getValue())
            .collect(Collectors.joining(", ", "{", "}"));
    return "{\"calls\": "
        + server.calls()
        + ", \"bytesUploaded\": "
        + server.bytesUploaded()
        + ", \"byOperation\": "
        + byOperation
        + "}";
  }
}
