package dev.lambdalayer.aws;

import dev.lambdalayer.core.port.AwsCallException;
import dev.lambdalayer.core.port.LayerVersionInfo;
import dev.lambdalayer.core.port.LayerVersionReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.lambda.model.GetLayerVersionByArnResponse;
import software.amazon.awssdk.services.lambda.model.GetLayerVersionResponse;
import software.amazon.awssdk.services.lambda.model.LayerVersionsListItem;
import software.amazon.awssdk.services.lambda.model.ListLayerVersionsResponse;

/** {@link LayerVersionReader} over the SDK's Lambda client. */
final class SdkLayerVersionReader implements LayerVersionReader {

  private final AwsClients clients;

  SdkLayerVersionReader(AwsClients clients) {
    this.clients = clients;
  }

  @Override
  public Optional<LayerVersionInfo> getLayerVersion(String region, String layerName, long version) {
    try {
      GetLayerVersionResponse r =
          SdkCalls.call(
              "GetLayerVersion",
              SdkLayerPublisher.layer(layerName) + " version " + version,
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
  public Optional<LayerVersionInfo> getLayerVersionByArn(String region, String layerVersionArn) {
    try {
      GetLayerVersionByArnResponse r =
          SdkCalls.call(
              "GetLayerVersionByArn",
              "layer version " + layerVersionArn,
              region,
              () -> clients.lambda(region).getLayerVersionByArn(b -> b.arn(layerVersionArn)));
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
              SdkLayerPublisher.layer(layerName),
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
}
