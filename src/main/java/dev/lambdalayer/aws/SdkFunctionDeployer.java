package dev.lambdalayer.aws;

import dev.lambdalayer.core.AwsCallException;
import dev.lambdalayer.core.FunctionDeployer;
import dev.lambdalayer.core.LayerPublisher;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;

/** {@link FunctionDeployer} over the SDK's Lambda and S3 clients. */
public final class SdkFunctionDeployer implements FunctionDeployer {

  private final AwsClients clients;
  private final SdkLayerPublisher s3;

  public SdkFunctionDeployer(AwsClients clients) {
    this.clients = clients;
    this.s3 = new SdkLayerPublisher(clients);
  }

  private static String subject(String function) {
    return "function '" + function + "'";
  }

  @Override
  public FunctionState getFunction(String region, String function) {
    GetFunctionConfigurationResponse r =
        SdkCalls.call(
            "GetFunctionConfiguration",
            subject(function),
            region,
            () -> clients.lambda(region).getFunctionConfiguration(b -> b.functionName(function)));
    List<LayerRef> layers =
        r.layers().stream()
            .map(l -> new LayerRef(l.arn(), l.codeSize() == null ? 0 : l.codeSize()))
            .toList();
    return new FunctionState(
        r.functionArn(),
        r.codeSha256(),
        r.codeSize() == null ? 0 : r.codeSize(),
        layers,
        r.lastUpdateStatusAsString(),
        r.lastUpdateStatusReason());
  }

  @Override
  public void updateCode(String region, String function, LayerPublisher.Code code) {
    SdkCalls.run(
        "UpdateFunctionCode",
        subject(function),
        region,
        () ->
            clients
                .lambda(region)
                .updateFunctionCode(
                    b -> {
                      b.functionName(function);
                      if (code instanceof LayerPublisher.Code.S3 s) {
                        b.s3Bucket(s.bucket()).s3Key(s.key());
                      } else {
                        b.zipFile(
                            SdkBytes.fromByteArrayUnsafe(
                                SdkLayerPublisher.read(((LayerPublisher.Code.Inline) code).zip())));
                      }
                    }));
  }

  @Override
  public void updateLayers(String region, String function, List<String> layerVersionArns) {
    SdkCalls.run(
        "UpdateFunctionConfiguration",
        subject(function),
        region,
        () ->
            clients
                .lambda(region)
                .updateFunctionConfiguration(
                    b -> b.functionName(function).layers(layerVersionArns)));
  }

  @Override
  public String publishVersion(
      String region, String function, String codeSha256, String description) {
    return SdkCalls.call(
            "PublishVersion",
            subject(function),
            region,
            () ->
                clients
                    .lambda(region)
                    .publishVersion(
                        b ->
                            b.functionName(function)
                                .codeSha256(codeSha256)
                                .description(description)))
        .version();
  }

  @Override
  public void pointAlias(String region, String function, String alias, String version) {
    try {
      SdkCalls.run(
          "UpdateAlias",
          subject(function) + " alias '" + alias + "'",
          region,
          () ->
              clients
                  .lambda(region)
                  .updateAlias(b -> b.functionName(function).name(alias).functionVersion(version)));
    } catch (AwsCallException e) {
      if (e.kind() != AwsCallException.Kind.NOT_FOUND) {
        throw e;
      }
      SdkCalls.run(
          "CreateAlias",
          subject(function) + " alias '" + alias + "'",
          region,
          () ->
              clients
                  .lambda(region)
                  .createAlias(b -> b.functionName(function).name(alias).functionVersion(version)));
    }
  }

  @Override
  public boolean objectExists(String region, String bucket, String key) {
    return s3.objectExists(region, bucket, key);
  }

  @Override
  public void putObject(String region, String bucket, String key, Path file, long size) {
    s3.putObject(region, bucket, key, file, size);
  }
}
