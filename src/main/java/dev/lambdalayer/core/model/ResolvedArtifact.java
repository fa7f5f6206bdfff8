package dev.lambdalayer.core.model;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One library of the runtime graph with its file, size, SHA-256, scope and the chain of
 * dependencies ({@code via}, nearest last) through which the project reaches it.
 */
public record ResolvedArtifact(
    Coordinates coordinates,
    Path file,
    FileDigest digest,
    String scope,
    List<Coordinates> via,
    boolean reactorModule) {

  public ResolvedArtifact {
    via = List.copyOf(via);
  }

  public long size() {
    return digest.size();
  }

  public String sha256() {
    return digest.sha256();
  }

  /** A library that changes with every build: a SNAPSHOT or a module of the same reactor. */
  public boolean isVolatile() {
    return reactorModule || coordinates.isSnapshot();
  }

  /** Whether this library was declared by the project itself. */
  public boolean isDirect() {
    return via.isEmpty();
  }

  /** {@code project -> a -> b -> this}, for messages. */
  public String pathFrom(Coordinates project) {
    String chain = via.stream().map(Coordinates::toString).collect(Collectors.joining(" -> "));
    return project + (chain.isEmpty() ? "" : " -> " + chain) + " -> " + coordinates;
  }
}
