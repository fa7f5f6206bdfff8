package dev.lambdalayer.core.port;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The read-only port to deployed code: what a function version and a layer version hold and where
 * their zips can be downloaded. Methods throw {@link AwsCallException}; a function or version that
 * does not exist is {@link AwsCallException.Kind#NOT_FOUND} (functions) or empty (layers).
 */
public interface CodeReader {

  /**
   * {@code GetFunction} with a qualifier.
   *
   * @param qualifier a version, an alias or {@code $LATEST}
   */
  FunctionCode getFunction(String region, String function, String qualifier);

  /** {@code GetLayerVersion} of a layer version ARN; empty when it does not exist. */
  Optional<LayerContent> getLayerVersion(String region, String layerVersionArn);

  /**
   * Downloads a code location (a presigned URL, itself a secret for a while: never logged) to
   * {@code file}.
   */
  void download(String region, String location, Path file);

  /**
   * A function version and its code.
   *
   * @param version the version the qualifier resolved to ({@code $LATEST} for it)
   * @param location the presigned URL of its zip, valid for minutes
   */
  record FunctionCode(
      String functionArn,
      String version,
      String codeSha256,
      long codeSize,
      List<String> layers,
      String location) {

    public FunctionCode {
      layers = List.copyOf(layers);
    }
  }

  /**
   * A layer version and its content.
   *
   * @param location the presigned URL of its zip, valid for minutes
   */
  record LayerContent(
      String layerVersionArn,
      String codeSha256,
      long codeSize,
      String description,
      List<String> runtimes,
      List<String> architectures,
      String location) {

    public LayerContent {
      runtimes = List.copyOf(runtimes);
      architectures = List.copyOf(architectures);
    }
  }
}
