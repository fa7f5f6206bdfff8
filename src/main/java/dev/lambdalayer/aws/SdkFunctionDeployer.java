package dev.lambdalayer.aws;

import dev.lambdalayer.core.port.AwsCallException;
import dev.lambdalayer.core.port.FunctionDeployer;
import dev.lambdalayer.core.port.LayerPublisher;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;

/** {@link FunctionDeployer} over the SDK's Lambda client. */
final class SdkFunctionDeployer implements FunctionDeployer {

  private final AwsClients clients;

  SdkFunctionDeployer(AwsClients clients) {
    this.clients = clients;
  }

  static String subject(String function) {
    return "function '" + function + "'";
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
}
