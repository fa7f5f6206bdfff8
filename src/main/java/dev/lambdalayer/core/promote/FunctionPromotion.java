package dev.lambdalayer.core.promote;

import dev.lambdalayer.core.port.FunctionDeployer;
import dev.lambdalayer.core.port.FunctionReader;
import dev.lambdalayer.core.port.LayerPublisher;
import dev.lambdalayer.core.publish.FunctionUpdates;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Makes a function in one region run exactly a given zip with exactly a given layer list (in that
 * order, nothing kept from before), then publishes a version and moves the alias. Each update is
 * waited out ({@code LastUpdateStatus}), as Lambda refuses the next one while it runs, and a
 * SnapStart version until it is {@code Active}.
 */
public final class FunctionPromotion {

  /**
   * The function in one region after the promotion.
   *
   * @param version the version the alias now points at, or {@code $LATEST} without an alias
   */
  public record Result(
      String region,
      String function,
      String alias,
      String version,
      boolean codeUpdated,
      boolean layersUpdated) {}

  private final FunctionDeployer deployer;
  private final Duration timeout;
  private final Duration poll;
  private final Consumer<String> log;
  private final FunctionUpdates updates;

  public FunctionPromotion(
      FunctionReader reader,
      FunctionDeployer deployer,
      Duration timeout,
      Duration poll,
      Consumer<String> log) {
    this.deployer = deployer;
    this.timeout = timeout;
    this.poll = poll;
    this.log = log;
    this.updates = new FunctionUpdates(reader, timeout, poll, log);
  }

  /**
   * @param alias null to update {@code $LATEST} only
   * @param description the published version's description
   */
  public Result promote(
      String region,
      String function,
      VerifiedZips.Zip zip,
      List<String> layers,
      String alias,
      String description) {
    FunctionReader.FunctionState state =
        updates.awaitSettled(region, function, "GetFunctionConfiguration");
    boolean codeChanged = !zip.codeSha256().equals(state.codeSha256());
    boolean layersChanged = !layers.equals(state.layerArns());
    // Layers first, as publishing does by default: new libraries reach /opt before the code
    // that needs them, and the old code keeps its own lib/, which shadows layer jars.
    if (layersChanged) {
      updates.whenNoUpdateRuns(
          region, function, () -> deployer.updateLayers(region, function, layers));
      updates.awaitSettled(region, function, "UpdateFunctionConfiguration");
    }
    if (codeChanged) {
      updates.whenNoUpdateRuns(
          region,
          function,
          () -> deployer.updateCode(region, function, new LayerPublisher.Code.Inline(zip.file())));
      updates.awaitSettled(region, function, "UpdateFunctionCode");
    }
    log.accept(
        String.format(
            "Function '%s' %s: %s, %s.",
            function,
            region,
            codeChanged ? "code updated" : "code unchanged",
            layersChanged ? "layers set to " + layers : "layers unchanged"));
    if (alias == null) {
      return new Result(region, function, null, "$LATEST", codeChanged, layersChanged);
    }
    String[] version = new String[1];
    updates.whenNoUpdateRuns(
        region,
        function,
        () ->
            version[0] = deployer.publishVersion(region, function, zip.codeSha256(), description));
    if ("PublishedVersions".equals(state.snapStartApplyOn())) {
      // The target's SnapStart version is Pending until its snapshot is made: moving the alias
      // earlier would send callers to a version that cannot run yet.
      log.accept(
          String.format(
              "Function '%s' %s: version %s published; waiting until SnapStart has optimized it.",
              function, region, version[0]));
      deployer.awaitVersionActive(region, function, version[0], timeout, poll);
    }
    deployer.pointAlias(region, function, alias, version[0]);
    log.accept(
        String.format(
            "Function '%s' %s: version %s published, alias '%s' moved to it.",
            function, region, version[0], alias));
    return new Result(region, function, alias, version[0], codeChanged, layersChanged);
  }
}
