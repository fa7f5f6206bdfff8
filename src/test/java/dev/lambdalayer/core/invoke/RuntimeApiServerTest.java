package dev.lambdalayer.core.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The Runtime API as a runtime client sees it: next, response, error, init error. */
class RuntimeApiServerTest {

  private static final String ARN = "arn:aws:lambda:eu-west-1:000000000000:function:fn";
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(RuntimeApiServer api, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://" + api.address() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(RuntimeApiServer api, String path, String body, String type)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://" + api.address() + path))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (type != null) {
      request.header("Lambda-Runtime-Function-Error-Type", type);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void handsOutAnEventWithLambdasHeadersAndTakesTheResponse() throws Exception {
    try (RuntimeApiServer api = new RuntimeApiServer(ARN)) {
      long before = System.currentTimeMillis();
      CompletableFuture<InvocationResult> answer =
          api.submit("11111111-2222-3333-4444-555555555555", "{\"a\":1}".getBytes(), 3000);
      HttpResponse<String> next = get(api, "/2018-06-01/runtime/invocation/next");
      assertThat(next.statusCode()).isEqualTo(200);
      assertThat(next.body()).isEqualTo("{\"a\":1}");
      assertThat(next.headers().firstValue("Lambda-Runtime-Aws-Request-Id"))
          .contains("11111111-2222-3333-4444-555555555555");
      assertThat(next.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn")).contains(ARN);
      long deadline =
          Long.parseLong(next.headers().firstValue("Lambda-Runtime-Deadline-Ms").orElseThrow());
      assertThat(deadline).isBetween(before + 3000, System.currentTimeMillis() + 3000);
      assertThat(next.headers().firstValue("Lambda-Runtime-Trace-Id").orElseThrow())
          .startsWith("Root=1-");
      assertThat(api.firstNext()).isDone();
      assertThat(answer).isNotDone();

      HttpResponse<String> posted =
          post(
              api,
              "/2018-06-01/runtime/invocation/11111111-2222-3333-4444-555555555555/response",
              "\"ok\"",
              null);
      assertThat(posted.statusCode()).isEqualTo(202);
      InvocationResult result = answer.get(5, TimeUnit.SECONDS);
      assertThat(result.failed()).isFalse();
      assertThat(result.payloadText()).isEqualTo("\"ok\"");
    }
  }

  @Test
  void anErrorKeepsThePayloadAndItsType() throws Exception {
    try (RuntimeApiServer api = new RuntimeApiServer(ARN)) {
      CompletableFuture<InvocationResult> answer =
          api.submit("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", new byte[0], 1000);
      get(api, "/2018-06-01/runtime/invocation/next");
      post(
          api,
          "/2018-06-01/runtime/invocation/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee/error",
          "{\"errorMessage\":\"boom\",\"errorType\":\"java.lang.IllegalStateException\"}",
          "Runtime.UserException");
      InvocationResult result = answer.get(5, TimeUnit.SECONDS);
      assertThat(result.errorType()).isEqualTo("java.lang.IllegalStateException");
      assertThat(ErrorPayload.errorMessage(result.payload())).isEqualTo("boom");
    }
  }

  @Test
  void anErrorWithoutATypeInItsPayloadTakesTheHeaders() throws Exception {
    try (RuntimeApiServer api = new RuntimeApiServer(ARN)) {
      post(api, "/2018-06-01/runtime/init/error", "not json", "Runtime.BadFunctionCode");
      InvocationResult init = api.initError().get(5, TimeUnit.SECONDS);
      assertThat(init.init()).isTrue();
      assertThat(init.errorType()).isEqualTo("Runtime.BadFunctionCode");
    }
  }

  @Test
  void refusesAnUnknownRequestIdAndPath() throws Exception {
    try (RuntimeApiServer api = new RuntimeApiServer(ARN)) {
      assertThat(post(api, "/2018-06-01/runtime/invocation/nope/response", "x", null).statusCode())
          .isEqualTo(400);
      assertThat(get(api, "/2018-06-01/runtime/other").statusCode()).isEqualTo(404);
    }
  }
}
