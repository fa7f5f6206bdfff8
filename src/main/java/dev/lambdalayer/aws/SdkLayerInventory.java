package dev.lambdalayer.aws;

import dev.lambdalayer.core.AwsCallException;
import dev.lambdalayer.core.LayerInventory;
import dev.lambdalayer.core.LayerVersionInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.ListAliasesResponse;

/** {@link LayerInventory} over the SDK's Lambda client. */
public final class SdkLayerInventory implements LayerInventory {

  private final AwsClients clients;
  private final SdkLayerPublisher layers;

  public SdkLayerInventory(AwsClients clients) {
    this.clients = clients;
    this.layers = new SdkLayerPublisher(clients);
  }

  @Override
  public List<LayerVersionInfo> listVersions(String region, String layerName) {
    return layers.listLayerVersions(region, layerName);
  }

  @Override
  public Optional<LayerVersionInfo> getVersion(String region, String layerName, long version) {
    return layers.getLayerVersion(region, layerName, version);
  }

  @Override
  public void deleteVersion(String region, String layerName, long version) {
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

  @Override
  public List<LayerUse> functionReferences(String region, String function) {
    String subject = "function '" + function + "'";
    List<LayerUse> uses = new ArrayList<>();
    configuration(region, function, null)
        .layers()
        .forEach(l -> uses.add(new LayerUse(l.arn(), subject + " $LATEST")));
    // Version -> the aliases that route to it, so each version's configuration is read once.
    Map<String, List<String>> versions = new LinkedHashMap<>();
    String marker = null;
    do {
      String from = marker;
      ListAliasesResponse page =
          SdkCalls.call(
              "ListAliases",
              subject,
              region,
              () ->
                  clients
                      .lambda(region)
                      .listAliases(b -> b.functionName(function).marker(from).maxItems(50)));
      for (AliasConfiguration alias : page.aliases()) {
        versions.computeIfAbsent(alias.functionVersion(), v -> new ArrayList<>()).add(alias.name());
        if (alias.routingConfig() != null && alias.routingConfig().hasAdditionalVersionWeights()) {
          alias
              .routingConfig()
              .additionalVersionWeights()
              .keySet()
              .forEach(v -> versions.computeIfAbsent(v, k -> new ArrayList<>()).add(alias.name()));
        }
      }
      marker = page.nextMarker();
    } while (marker != null && !marker.isEmpty());
    versions.forEach(
        (version, aliases) -> {
          String users =
              (aliases.size() == 1 ? "alias '" : "aliases '")
                  + String.join("', '", aliases)
                  + "' of "
                  + subject
                  + " (version "
                  + version
                  + ")";
          configuration(region, function, version)
              .layers()
              .forEach(l -> uses.add(new LayerUse(l.arn(), users)));
        });
    return uses;
  }

  private GetFunctionConfigurationResponse configuration(
      String region, String function, String qualifier) {
    return SdkCalls.call(
        "GetFunctionConfiguration",
        "function '" + function + "'" + (qualifier == null ? "" : " version " + qualifier),
        region,
        () ->
            clients
                .lambda(region)
                .getFunctionConfiguration(b -> b.functionName(function).qualifier(qualifier)));
  }
}
