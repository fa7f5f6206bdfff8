package dev.lambdalayer.core.model;

import java.util.List;

/**
 * A named deployment target (staging, prod): how to reach its account and where its function runs.
 * Every part but the name is optional; an unset part falls back to the goal's own setting.
 *
 * @param name the name the goals select it by
 * @param profile the AWS profile for its credentials; null for the goal's
 * @param roleArn a role to assume (through STS) with those credentials; null for none
 * @param regions its regions; empty for the goal's
 * @param function its function; null for the goal's
 * @param alias its function's alias; null for the goal's
 * @param endpoint an endpoint override (emulators); null for the goal's
 */
public record Environment(
    String name,
    String profile,
    String roleArn,
    List<String> regions,
    String function,
    String alias,
    String endpoint) {

  public Environment {
    regions = regions == null ? List.of() : List.copyOf(regions);
  }
}
