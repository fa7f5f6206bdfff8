package dev.lambdalayer.core.port;

import java.util.List;

/**
 * The read-only port to functions: one call per AWS operation (or one fixed sequence of reads), no
 * decisions. Methods throw {@link AwsCallException}; a function that does not exist is {@link
 * AwsCallException.Kind#NOT_FOUND}.
 */
public interface FunctionReader {

  /** {@code GetFunctionConfiguration} of {@code $LATEST}. */
  FunctionState getFunction(String region, String function);

  /**
   * The layer version ARNs a function uses: {@code GetFunctionConfiguration} of {@code $LATEST},
   * {@code ListAliases}, and {@code GetFunctionConfiguration} with {@code Qualifier} for every
   * version an alias points at (its {@code FunctionVersion} and the additional version of its
   * routing configuration). Each use names who holds it, for the report.
   */
  List<LayerUse> functionReferences(String region, String function);

  /**
   * Every function version of the region (of every function, {@code $LATEST} and each published
   * version) whose configuration uses {@code layerVersionArn}: {@code ListFunctions} with {@code
   * FunctionVersion=ALL}, every page.
   */
  List<LayerUse> layerVersionUsers(String region, String layerVersionArn);

  /**
   * What the plugin needs to know of a function.
   *
   * @param codeSize the function zip's size, bytes
   * @param layers the layer version ARNs, in order, with their zip sizes (0 when unknown)
   * @param lastUpdateStatus {@code Successful}, {@code InProgress} or {@code Failed}
   * @param runtime the runtime id, e.g. {@code java21}; null when unknown
   * @param snapStartApplyOn {@code PublishedVersions} or {@code None}; null when unknown
   */
  record FunctionState(
      String functionArn,
      String codeSha256,
      long codeSize,
      List<LayerRef> layers,
      String lastUpdateStatus,
      String lastUpdateStatusReason,
      String runtime,
      String snapStartApplyOn) {

    public FunctionState {
      layers = List.copyOf(layers);
    }

    /** A function whose runtime and SnapStart setting are unknown. */
    public FunctionState(
        String functionArn,
        String codeSha256,
        long codeSize,
        List<LayerRef> layers,
        String lastUpdateStatus,
        String lastUpdateStatusReason) {
      this(
          functionArn,
          codeSha256,
          codeSize,
          layers,
          lastUpdateStatus,
          lastUpdateStatusReason,
          null,
          null);
    }

    /** SnapStart applies to its published versions. */
    public boolean snapStartOn() {
      return "PublishedVersions".equals(snapStartApplyOn);
    }

    public List<String> layerArns() {
      return layers.stream().map(LayerRef::arn).toList();
    }
  }

  /** A layer version in a function's configuration. */
  record LayerRef(String arn, long codeSize) {}

  /**
   * One layer version referenced by a function.
   *
   * @param layerVersionArn the referenced version
   * @param user who references it, for example {@code function 'hello' $LATEST} or {@code alias
   *     'live' of function 'hello' (version 3)}
   */
  record LayerUse(String layerVersionArn, String user) {}
}
