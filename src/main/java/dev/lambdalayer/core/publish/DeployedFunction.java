package dev.lambdalayer.core.publish;

import java.util.List;

/**
 * A function after deployment in one region.
 *
 * @param order the order the updates ran in, with the reason
 * @param version the version published for the alias, or null
 */
public record DeployedFunction(
    String function,
    String region,
    String functionArn,
    boolean codeUpdated,
    boolean layersUpdated,
    List<String> layers,
    String order,
    String version,
    String alias,
    long uploadedBytes) {

  public DeployedFunction {
    layers = List.copyOf(layers);
  }
}
