package dev.lambdalayer.core.publish;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdalayer.core.json.JsonFormat;
import dev.lambdalayer.core.model.AtomicFiles;
import dev.lambdalayer.core.model.Lockfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Files other tools read after publishing: {@code publish.json}, CloudFormation/SAM parameters per
 * region and a Terraform {@code *.auto.tfvars.json}; and the lockfile's {@code published} records.
 */
public final class PublishRecords {

  private PublishRecords() {}

  /** The lockfile with {@code published}'s records for their regions replacing older ones. */
  public static Lockfile withPublished(Lockfile lockfile, List<PublishedLayer> published) {
    List<Lockfile.Layer> layers = new ArrayList<>();
    for (Lockfile.Layer layer : lockfile.layers()) {
      Map<String, Lockfile.Published> byRegion = new TreeMap<>();
      for (Lockfile.Published p : layer.published()) {
        byRegion.put(p.region() + " " + p.account(), p);
      }
      for (PublishedLayer p : published) {
        if (p.layerName().equals(layer.name()) && p.sha256().equals(layer.sha256())) {
          byRegion.put(
              p.region() + " " + p.account(),
              new Lockfile.Published(
                  p.region(), p.account(), p.layerVersionArn(), p.version(), p.codeSha256()));
        }
      }
      layers.add(
          new Lockfile.Layer(
              layer.name(),
              layer.runtimes(),
              layer.architectures(),
              layer.sha256(),
              layer.codeSha256(),
              layer.libraries(),
              new ArrayList<>(byRegion.values())));
    }
    return new Lockfile(
        lockfile.lockfileVersion(),
        lockfile.project(),
        lockfile.outputTimestamp(),
        lockfile.zipFormat(),
        layers,
        lockfile.function(),
        lockfile.sharedLayers(),
        lockfile.environments());
  }

  /**
   * A CloudFormation parameter name for a layer: {@code aws-sdk} becomes {@code LayerAwsSdkArn}.
   */
  public static String parameterName(String layerName) {
    StringBuilder out = new StringBuilder("Layer");
    for (String part : layerName.split("[-_]+")) {
      if (!part.isEmpty()) {
        out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return out.append("Arn").toString();
  }

  /**
   * Writes {@code publish.json}, {@code cloudformation-parameters-<region>.json}, {@code
   * sam-parameter-overrides-<region>.txt} under {@code directory} and the Terraform variables file.
   */
  public static void write(
      Path directory,
      Path terraformFile,
      boolean dryRun,
      List<PublishedLayer> layers,
      List<DeployedFunction> functions)
      throws IOException {
    ObjectNode root = JsonFormat.object();
    root.put("reportVersion", 1);
    root.put("dryRun", dryRun);
    ArrayNode layerList = root.putArray("layers");
    for (PublishedLayer p : layers) {
      ObjectNode entry = layerList.addObject();
      entry.put("name", p.layerName());
      entry.put("region", p.region());
      entry.put("account", p.account());
      entry.put("layerVersionArn", p.layerVersionArn());
      entry.put("version", p.version());
      entry.put("sha256", p.sha256());
      entry.put("codeSha256", p.codeSha256());
      entry.put("outcome", p.outcome().name().toLowerCase(java.util.Locale.ROOT));
      entry.put("uploadedBytes", p.uploadedBytes());
    }
    ArrayNode functionList = root.putArray("functions");
    for (DeployedFunction f : functions) {
      ObjectNode entry = functionList.addObject();
      entry.put("function", f.function());
      entry.put("region", f.region());
      entry.put("functionArn", f.functionArn());
      entry.put("codeUpdated", f.codeUpdated());
      entry.put("layersUpdated", f.layersUpdated());
      entry.set("layers", JsonFormat.strings(f.layers()));
      entry.put("order", f.order());
      entry.put("version", f.version());
      entry.put("alias", f.alias());
    }
    AtomicFiles.write(
        directory.resolve("publish.json"), JsonFormat.write(root).getBytes(StandardCharsets.UTF_8));
    if (dryRun) {
      return;
    }

    Map<String, Map<String, String>> byRegion = new TreeMap<>();
    Map<String, Map<String, String>> terraform = new TreeMap<>();
    for (PublishedLayer p : layers) {
      byRegion
          .computeIfAbsent(p.region(), r -> new LinkedHashMap<>())
          .put(parameterName(p.layerName()), p.layerVersionArn());
      terraform
          .computeIfAbsent(p.layerName(), n -> new TreeMap<>())
          .put(p.region(), p.layerVersionArn());
    }
    for (Map.Entry<String, Map<String, String>> region : byRegion.entrySet()) {
      ArrayNode parameters = JsonFormat.array();
      StringBuilder sam = new StringBuilder();
      region
          .getValue()
          .forEach(
              (key, arn) -> {
                ObjectNode p = parameters.addObject();
                p.put("ParameterKey", key);
                p.put("ParameterValue", arn);
                sam.append(sam.length() == 0 ? "" : " ").append(key).append('=').append(arn);
              });
      AtomicFiles.write(
          directory.resolve("cloudformation-parameters-" + region.getKey() + ".json"),
          JsonFormat.write(parameters).getBytes(StandardCharsets.UTF_8));
      AtomicFiles.write(
          directory.resolve("sam-parameter-overrides-" + region.getKey() + ".txt"),
          (sam + "\n").getBytes(StandardCharsets.UTF_8));
    }
    ObjectNode tfvars = JsonFormat.object();
    ObjectNode arns = tfvars.putObject("lambda_layer_arns");
    terraform.forEach(
        (layer, byLayerRegion) -> {
          ObjectNode regions = arns.putObject(layer);
          byLayerRegion.forEach(regions::put);
        });
    AtomicFiles.write(terraformFile, JsonFormat.write(tfvars).getBytes(StandardCharsets.UTF_8));
  }
}
