package dev.lambdalayer.aws;

import dev.lambdalayer.core.port.FunctionReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionVersion;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.ListAliasesResponse;

/** {@link FunctionReader} over the SDK's Lambda client. */
final class SdkFunctionReader implements FunctionReader {

  private final AwsClients clients;

  SdkFunctionReader(AwsClients clients) {
    this.clients = clients;
  }

  @Override
  public FunctionState getFunction(String region, String function) {
    GetFunctionConfigurationResponse r =
        SdkCalls.call(
            "GetFunctionConfiguration",
            SdkFunctionDeployer.subject(function),
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
        r.lastUpdateStatusReason(),
        r.runtimeAsString(),
        r.snapStart() == null ? null : r.snapStart().applyOnAsString());
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

  @Override
  public List<LayerUse> layerVersionUsers(String region, String layerVersionArn) {
    return SdkCalls.call(
        "ListFunctions",
        "the functions of the region",
        region,
        () -> {
          List<LayerUse> uses = new ArrayList<>();
          clients
              .lambda(region)
              .listFunctionsPaginator(b -> b.functionVersion(FunctionVersion.ALL).maxItems(50))
              .functions()
              .forEach(
                  f -> {
                    if (f.layers().stream().anyMatch(l -> layerVersionArn.equals(l.arn()))) {
                      uses.add(
                          new LayerUse(
                              layerVersionArn,
                              "function '" + f.functionName() + "' " + f.version()));
                    }
                  });
          return uses;
        });
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
