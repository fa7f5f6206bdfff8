package dev.lambdalayer.core.invoke;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The Lambda Runtime API ({@code /2018-06-01/runtime/...}) on 127.0.0.1, as the runtime interface
 * client talks to it in Lambda: {@code invocation/next} hands out one queued event at a time (and
 * blocks while there is none, as Lambda freezes the sandbox), {@code invocation/<id>/response} and
 * {@code /error} answer it, {@code init/error} reports a failed start.
 */
public final class RuntimeApiServer implements AutoCloseable {

  private static final String BASE = "/2018-06-01/runtime/";

  /** One event waiting to be fetched. */
  private record Pending(String requestId, byte[] event, long timeoutMillis) {}

  private final HttpServer server;
  private final ExecutorService threads;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Map<String, CompletableFuture<InvocationResult>> answers =
      new ConcurrentHashMap<>();
  private final Map<String, Long> started = new ConcurrentHashMap<>();
  private final CompletableFuture<Long> firstNext = new CompletableFuture<>();
  private final CompletableFuture<InvocationResult> initError = new CompletableFuture<>();
  private final String functionArn;

  public RuntimeApiServer(String functionArn) throws IOException {
    this.functionArn = functionArn;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    threads =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "lambda-runtime-api");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(threads);
    server.createContext(BASE, this::handle);
    server.start();
  }

  /** {@code host:port}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
  public String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** Queues an event; the future completes when the function answers it. */
  public CompletableFuture<InvocationResult> submit(
      String requestId, byte[] event, long timeoutMillis) {
    CompletableFuture<InvocationResult> answer = new CompletableFuture<>();
    answers.put(requestId, answer);
    queue.add(new Pending(requestId, event, timeoutMillis));
    return answer;
  }

  /** Completes with the time (epoch millis) the runtime first asked for an event: init ended. */
  public CompletableFuture<Long> firstNext() {
    return firstNext;
  }

  /** Completes when the runtime reports that it could not start. */
  public CompletableFuture<InvocationResult> initError() {
    return initError;
  }

  /** When the event of {@code requestId} was handed out, or null while it waits. */
  public Long startedAt(String requestId) {
    return started.get(requestId);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath().substring(BASE.length());
      String method = exchange.getRequestMethod();
      if (method.equals("GET") && path.equals("invocation/next")) {
        next(exchange);
      } else if (method.equals("POST") && path.equals("init/error")) {
        byte[] body = exchange.getRequestBody().readAllBytes();
        initError.complete(new InvocationResult(null, errorType(exchange, body), body, 0, true));
        accepted(exchange);
      } else if (method.equals("POST") && path.startsWith("invocation/")) {
        answer(exchange, path.substring("invocation/".length()));
      } else {
        send(exchange, 404, error("InvalidRequest", "No such Runtime API path: " + path));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void next(HttpExchange exchange) throws IOException, InterruptedException {
    firstNext.complete(System.currentTimeMillis());
    Pending pending = queue.take();
    long now = System.currentTimeMillis();
    started.put(pending.requestId(), now);
    exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", pending.requestId());
    exchange
        .getResponseHeaders()
        .add("Lambda-Runtime-Deadline-Ms", Long.toString(now + pending.timeoutMillis()));
    exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn", functionArn);
    exchange
        .getResponseHeaders()
        .add(
            "Lambda-Runtime-Trace-Id",
            "Root=1-"
                + Long.toHexString(now / 1000)
                + "-"
                + pending.requestId().replace("-", "").substring(0, 24)
                + ";Parent=0000000000000000;Sampled=0");
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    send(exchange, 200, pending.event());
  }

  private void answer(HttpExchange exchange, String rest) throws IOException {
    int slash = rest.indexOf('/');
    String requestId = slash < 0 ? rest : rest.substring(0, slash);
    String kind = slash < 0 ? "" : rest.substring(slash + 1);
    CompletableFuture<InvocationResult> answer = answers.get(requestId);
    if (answer == null || !(kind.equals("response") || kind.equals("error"))) {
      send(exchange, 400, error("InvalidRequestID", "Unknown request ID or path: " + rest));
      return;
    }
    byte[] body = exchange.getRequestBody().readAllBytes();
    Long start = started.get(requestId);
    long duration = start == null ? 0 : System.currentTimeMillis() - start;
    answer.complete(
        new InvocationResult(
            requestId,
            kind.equals("error") ? errorType(exchange, body) : null,
            body,
            duration,
            false));
    accepted(exchange);
  }

  /** The header Lambda reads, else the payload's own errorType, else Lambda's generic one. */
  private static String errorType(HttpExchange exchange, byte[] body) {
    String header = exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
    String fromPayload = ErrorPayload.errorType(body);
    if (fromPayload != null) {
      return fromPayload;
    }
    return header == null || header.isBlank() ? "Runtime.Unknown" : header;
  }

  private static void accepted(HttpExchange exchange) throws IOException {
    send(exchange, 202, "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] error(String type, String message) {
    return ("{\"errorMessage\":\"" + message + "\",\"errorType\":\"" + type + "\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
