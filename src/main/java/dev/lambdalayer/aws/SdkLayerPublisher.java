package dev.lambdalayer.aws;

import dev.lambdalayer.core.AwsCallException;
import dev.lambdalayer.core.LayerPublisher;
import dev.lambdalayer.core.LayerVersionInfo;
import dev.lambdalayer.core.Share;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.GetLayerVersionResponse;
import software.amazon.awssdk.services.lambda.model.LayerVersionContentInput;
import software.amazon.awssdk.services.lambda.model.LayerVersionsListItem;
import software.amazon.awssdk.services.lambda.model.ListLayerVersionsResponse;
import software.amazon.awssdk.services.lambda.model.PublishLayerVersionResponse;

/** {@link LayerPublisher} over the SDK's Lambda and S3 clients. */
public final class SdkLayerPublisher implements LayerPublisher {

  private static final Pattern SID = Pattern.compile("\"Sid\"\\s*:\\s*\"([^\"]+)\"");

  private final AwsClients clients;
  private final S3Uploads uploads;

  public SdkLayerPublisher(AwsClients clients) {
    this(clients, S3Uploads.DEFAULT_PART_SIZE);
  }

  SdkLayerPublisher(AwsClients clients, long partSize) {
    this.clients = clients;
    this.uploads = new S3Uploads(partSize);
  }

  private static String layer(String name) {
    return "layer '" + name + "'";
  }

  @Override
  public Optional<LayerVersionInfo> getLayerVersion(String region, String layerName, long version) {
    try {
      GetLayerVersionResponse r =
          SdkCalls.call(
              "GetLayerVersion",
              layer(layerName) + " version " + version,
              region,
              () ->
                  clients
                      .lambda(region)
                      .getLayerVersion(b -> b.layerName(layerName).versionNumber(version)));
      return Optional.of(
          new LayerVersionInfo(
              r.layerVersionArn(),
              r.version(),
              r.description(),
              r.content() == null ? null : r.content().codeSha256(),
              r.content() == null || r.content().codeSize() == null ? 0 : r.content().codeSize()));
    } catch (AwsCallException e) {
      if (e.kind() == AwsCallException.Kind.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public List<LayerVersionInfo> listLayerVersions(String region, String layerName) {
    List<LayerVersionInfo> out = new ArrayList<>();
    String marker = null;
    do {
      String from = marker;
      ListLayerVersionsResponse page =
          SdkCalls.call(
              "ListLayerVersions",
              layer(layerName),
              region,
              () ->
                  clients
                      .lambda(region)
                      .listLayerVersions(b -> b.layerName(layerName).marker(from).maxItems(50)));
      for (LayerVersionsListItem item : page.layerVersions()) {
        out.add(
            new LayerVersionInfo(
                item.layerVersionArn(), item.version(), item.description(), null, 0));
      }
      marker = page.nextMarker();
    } while (marker != null && !marker.isEmpty());
    return out;
  }

  @Override
  public boolean objectExists(String region, String bucket, String key) {
    return SdkCalls.call(
        "HeadObject",
        "s3://" + bucket + "/" + key,
        region,
        () -> S3Uploads.exists(clients.s3(region), bucket, key));
  }

  @Override
  public void putObject(String region, String bucket, String key, Path file, long size) {
    SdkCalls.run(
        size > S3Uploads.DEFAULT_PART_SIZE ? "CreateMultipartUpload/UploadPart" : "PutObject",
        "s3://" + bucket + "/" + key,
        region,
        () -> uploads.upload(clients.s3(region), bucket, key, file, size));
  }

  @Override
  public LayerVersionInfo publishLayerVersion(String region, LayerVersionRequest request) {
    LayerVersionContentInput content = content(request.code());
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
                                .licenseInfo(request.licenseInfo())));
    return new LayerVersionInfo(
        r.layerVersionArn(),
        r.version(),
        r.description(),
        r.content() == null ? null : r.content().codeSha256(),
        r.content() == null || r.content().codeSize() == null ? 0 : r.content().codeSize());
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
  public Set<String> statementIds(String region, String layerName, long version) {
    try {
      String policy =
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
      Set<String> ids = new HashSet<>();
      Matcher m = SID.matcher(policy == null ? "" : policy);
      while (m.find()) {
        ids.add(m.group(1));
      }
      return ids;
    } catch (AwsCallException e) {
      if (e.kind() == AwsCallException.Kind.NOT_FOUND) {
        return Set.of();
      }
      throw e;
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
}
