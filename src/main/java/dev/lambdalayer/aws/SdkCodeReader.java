package dev.lambdalayer.aws;

import dev.lambdalayer.core.model.Arns;
import dev.lambdalayer.core.port.AwsCallException;
import dev.lambdalayer.core.port.CodeReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.GetLayerVersionResponse;
import software.amazon.awssdk.services.lambda.model.Layer;

/**
 * {@link CodeReader} over the SDK's Lambda client; downloads go through the SDK's own HTTP client
 * (the URL is presigned, so nothing is signed again).
 */
final class SdkCodeReader implements CodeReader {

  private final AwsClients clients;

  SdkCodeReader(AwsClients clients) {
    this.clients = clients;
  }

  @Override
  public FunctionCode getFunction(String region, String function, String qualifier) {
    GetFunctionResponse r =
        SdkCalls.call(
            "GetFunction",
            SdkFunctionDeployer.subject(function) + " " + qualifier,
            region,
            () ->
                clients
                    .lambda(region)
                    .getFunction(b -> b.functionName(function).qualifier(qualifier)));
    var c = r.configuration();
    return new FunctionCode(
        c.functionArn(),
        c.version(),
        c.codeSha256(),
        c.codeSize() == null ? 0 : c.codeSize(),
        c.layers().stream().map(Layer::arn).toList(),
        r.code() == null ? null : r.code().location());
  }

  @Override
  public Optional<LayerContent> getLayerVersion(String region, String layerVersionArn) {
    String layer = Arns.withoutVersion(layerVersionArn);
    long version = Long.parseLong(layerVersionArn.substring(layer.length() + 1));
    try {
      GetLayerVersionResponse r =
          SdkCalls.call(
              "GetLayerVersion",
              "layer version " + layerVersionArn,
              region,
              () ->
                  clients
                      .lambda(region)
                      .getLayerVersion(b -> b.layerName(layer).versionNumber(version)));
      return Optional.of(
          new LayerContent(
              r.layerVersionArn(),
              r.content() == null ? null : r.content().codeSha256(),
              r.content() == null || r.content().codeSize() == null ? 0 : r.content().codeSize(),
              r.description(),
              r.compatibleRuntimesAsStrings() == null ? List.of() : r.compatibleRuntimesAsStrings(),
              r.compatibleArchitecturesAsStrings() == null
                  ? List.of()
                  : r.compatibleArchitecturesAsStrings(),
              r.content() == null ? null : r.content().location()));
    } catch (AwsCallException e) {
      if (e.kind() == AwsCallException.Kind.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public void download(String region, String location, Path file) {
    // The presigned URL carries a signature: errors name the host only, never the URL, and even
    // an unparsable location is not quoted.
    URI uri;
    try {
      uri = URI.create(location);
    } catch (IllegalArgumentException e) {
      throw new AwsCallException(
          "Download",
          "code location",
          region,
          "the code location AWS returned is not a URL",
          AwsCallException.Kind.OTHER,
          null);
    }
    String subject = "code location on " + uri.getHost();
    SdkCalls.run(
        "Download",
        subject,
        region,
        () -> {
          SdkHttpRequest request =
              SdkHttpRequest.builder().uri(uri).method(SdkHttpMethod.GET).build();
          try {
            HttpExecuteResponse response =
                clients
                    .http()
                    .prepareRequest(HttpExecuteRequest.builder().request(request).build())
                    .call();
            int status = response.httpResponse().statusCode();
            Optional<? extends InputStream> body = response.responseBody();
            if (status != 200 || body.isEmpty()) {
              body.ifPresent(SdkCodeReader::closeQuietly);
              throw new AwsCallException(
                  "Download",
                  subject,
                  region,
                  "HTTP status " + status + " (an expired code location? run again)",
                  AwsCallException.Kind.OTHER,
                  null);
            }
            try (InputStream in = body.get()) {
              Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
          } catch (IOException e) {
            // An I/O message may quote the URL with its signature: only the class and the text
            // before any query string are kept, and the cause is not chained.
            throw new AwsCallException(
                "Download",
                subject,
                region,
                withoutQuery(e.toString()),
                AwsCallException.Kind.OTHER,
                null);
          }
        });
  }

  /** {@code text} with every URL query string (a presigned signature) cut off. */
  static String withoutQuery(String text) {
    return text.replaceAll("\\?[^\\s'\"]*", "?...");
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      // nothing to do: the download failed anyway
    }
  }
}
