package dev.lambdalayer.aws;

import dev.lambdalayer.core.model.Share;
import dev.lambdalayer.core.port.AwsCallException;
import dev.lambdalayer.core.port.LayerPublisher;
import dev.lambdalayer.core.port.LayerVersionInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.LayerVersionContentInput;
import software.amazon.awssdk.services.lambda.model.PublishLayerVersionResponse;

/** {@link LayerPublisher} over the SDK's Lambda and S3 clients. */
final class SdkLayerPublisher implements LayerPublisher {

  private final AwsClients clients;

  SdkLayerPublisher(AwsClients clients) {
    this.clients = clients;
  }

  static String layer(String name) {
    return "layer '" + name + "'";
  }

  @Override
  public LayerVersionInfo publishLayerVersion(String region, LayerVersionRequest request) {
    return publishCounted(region, request).version();
  }

  @Override
  public Published publishCounted(String region, LayerVersionRequest request) {
    LayerVersionContentInput content = content(request.code());
    LostAnswers attempts = new LostAnswers();
    PublishLayerVersionResponse r =
        SdkCalls.call(
            "PublishLayerVersion",
            layer(request.layerName()),
            region,
            () ->
                clients
                    .lambda(region)
                    .publishLayerVersion(
                        b ->
                            b.layerName(request.layerName())
                                .content(content)
                                .description(request.description())
                                .compatibleRuntimesWithStrings(request.runtimes())
                                .compatibleArchitecturesWithStrings(request.architectures())
                                .licenseInfo(request.licenseInfo())
                                .overrideConfiguration(o -> o.addMetricPublisher(attempts))));
    if (r.version() == null || r.layerVersionArn() == null) {
      // Seen with a truncated answer: the call succeeded as far as HTTP goes, yet says nothing.
      throw new AwsCallException(
          "PublishLayerVersion",
          layer(request.layerName()),
          region,
          "the response holds no "
              + (r.version() == null ? "Version" : "LayerVersionArn")
              + " (truncated or malformed by a proxy or the network). The version may have been"
              + " created: run the publish again, which finds it by its content hash instead of"
              + " publishing it twice",
          AwsCallException.Kind.OTHER,
          null);
    }
    return new Published(
        new LayerVersionInfo(
            r.layerVersionArn(),
            r.version(),
            r.description(),
            r.content() == null ? null : r.content().codeSha256(),
            r.content() == null || r.content().codeSize() == null ? 0 : r.content().codeSize()),
        attempts.lostAnswers());
  }

  static LayerVersionContentInput content(Code code) {
    if (code instanceof Code.S3 s3) {
      return LayerVersionContentInput.builder().s3Bucket(s3.bucket()).s3Key(s3.key()).build();
    }
    return LayerVersionContentInput.builder()
        .zipFile(SdkBytes.fromByteArrayUnsafe(read(((Code.Inline) code).zip())))
        .build();
  }

  static byte[] read(Path zip) {
    try {
      return Files.readAllBytes(zip);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<Grant> grants(String region, String layerName, long version) {
    String policy;
    try {
      policy =
          SdkCalls.call(
                  "GetLayerVersionPolicy",
                  layer(layerName) + " version " + version,
                  region,
                  () ->
                      clients
                          .lambda(region)
                          .getLayerVersionPolicy(
                              b -> b.layerName(layerName).versionNumber(version)))
              .policy();
    } catch (AwsCallException e) {
      if (e.kind() == AwsCallException.Kind.NOT_FOUND) {
        return List.of(); // Lambda answers "not found" for a version without a policy
      }
      throw e;
    }
    try {
      return LayerPolicyGrants.parse(policy);
    } catch (IllegalArgumentException e) {
      throw new AwsCallException(
          "GetLayerVersionPolicy",
          layer(layerName) + " version " + version,
          region,
          e.getMessage(),
          AwsCallException.Kind.OTHER,
          e);
    }
  }

  @Override
  public void removePermission(String region, String layerName, long version, String statementId) {
    try {
      SdkCalls.run(
          "RemoveLayerVersionPermission",
          layer(layerName) + " version " + version + " statement " + statementId,
          region,
          () ->
              clients
                  .lambda(region)
                  .removeLayerVersionPermission(
                      b -> b.layerName(layerName).versionNumber(version).statementId(statementId)));
    } catch (AwsCallException e) {
      // Removed by someone else in the meantime: the grant is gone, as wanted.
      if (e.kind() != AwsCallException.Kind.NOT_FOUND) {
        throw e;
      }
    }
  }

  @Override
  public void addPermission(
      String region, String layerName, long version, String statementId, Share share) {
    try {
      SdkCalls.run(
          "AddLayerVersionPermission",
          layer(layerName) + " version " + version,
          region,
          () ->
              clients
                  .lambda(region)
                  .addLayerVersionPermission(
                      b ->
                          b.layerName(layerName)
                              .versionNumber(version)
                              .statementId(statementId)
                              .action("lambda:GetLayerVersion")
                              .principal(share.principal())
                              .organizationId(share.organizationId())));
    } catch (AwsCallException e) {
      // Another publisher granted the same thing first: the statement id says it is the same.
      if (e.kind() != AwsCallException.Kind.CONFLICT) {
        throw e;
      }
    }
  }

  @Override
  public void deleteLayerVersion(String region, String layerName, long version) {
    try {
      SdkCalls.run(
          "DeleteLayerVersion",
          "layer '" + layerName + "' version " + version,
          region,
          () ->
              clients
                  .lambda(region)
                  .deleteLayerVersion(b -> b.layerName(layerName).versionNumber(version)));
    } catch (AwsCallException e) {
      if (e.kind() != AwsCallException.Kind.NOT_FOUND) {
        throw e;
      }
    }
  }
}
