package dev.lambdalayer.core.publish;

import dev.lambdalayer.core.model.Arns;
import dev.lambdalayer.core.model.InvalidConfigurationException;
import dev.lambdalayer.core.model.Joined;
import dev.lambdalayer.core.model.LambdaLimits;
import dev.lambdalayer.core.model.Setting;
import dev.lambdalayer.core.model.Violation;
import dev.lambdalayer.core.plan.PackagingRequest;
import dev.lambdalayer.core.plan.PackagingResult;
import dev.lambdalayer.core.port.AwsSession;
import dev.lambdalayer.core.port.FunctionDeployer;
import dev.lambdalayer.core.port.FunctionReader;
import dev.lambdalayer.core.port.LayerPublisher;
import dev.lambdalayer.core.port.ObjectStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Deploys the slim function zip and its layer list, region by region (concurrently), waiting for
 * each update to settle, and moves the alias only once every region succeeded.
 */
public final class FunctionDeployment {

  /** How long to wait for an update to settle, and how often to look. */
  public record Timing(Duration updateTimeout, Duration pollInterval) {}

  private final FunctionReader reader;
  private final FunctionDeployer deployer;
  private final ObjectStore objects;
  private final PublishSettings settings;
  private final Timing timing;
  private final Consumer<String> log;
  private final FunctionUpdates updates;

  /** Deploys through {@code aws}'s function reader and deployer, and its object store for S3. */
  public FunctionDeployment(
      AwsSession aws, PublishSettings settings, Timing timing, Consumer<String> log) {
    this(aws.functions(), aws.functionDeployer(), aws.objects(), settings, timing, log);
  }

  public FunctionDeployment(
      FunctionReader reader,
      FunctionDeployer deployer,
      ObjectStore objects,
      PublishSettings settings,
      Timing timing,
      Consumer<String> log) {
    this.reader = reader;
    this.deployer = deployer;
    this.objects = objects;
    this.settings = settings;
    this.timing = timing;
    this.log = log;
    this.updates = new FunctionUpdates(reader, timing.updateTimeout(), timing.pollInterval(), log);
  }

  /**
   * Deploys to every region; the alias moves only when all of them succeeded.
   *
   * @param layers per region, the managed layer versions in plan order
   * @param layerLibraries the {@code groupId:artifactId} keys a layer version ARN is known to carry
   *     (from the lockfile), empty when unknown
   * @param functionLibraries the {@code groupId:artifactId} keys of the new function's {@code lib/}
   */
  public List<DeployedFunction> deploy(
      FunctionToDeploy function,
      Map<String, List<PublishedLayer>> layers,
      Function<String, Set<String>> layerLibraries,
      Set<String> functionLibraries)
      throws InterruptedException {
    List<String> regions = settings.regions();
    ExecutorService executor = Executors.newFixedThreadPool(Math.min(regions.size(), 8));
    try {
      // Every region is checked before any is changed: a refusal must not leave some regions
      // updated and others not.
      Map<String, Future<FunctionReader.FunctionState>> checked = new LinkedHashMap<>();
      for (String region : regions) {
        checked.put(region, executor.submit(() -> preflight(function, region)));
      }
      Joined.of(checked.values()).orThrow();
      Map<String, Future<DeployedFunction>> futures = new LinkedHashMap<>();
      for (String region : regions) {
        futures.put(
            region,
            executor.submit(
                () ->
                    update(
                        function,
                        region,
                        checked.get(region).get(),
                        layers.getOrDefault(region, List.of()),
                        layerLibraries,
                        functionLibraries)));
      }
      List<DeployedFunction> done = Joined.of(futures.values()).orThrow();
      if (function.alias() == null) {
        return done;
      }
      // Versions first, in every region (and Active, with SnapStart); only then any alias: a
      // region whose version fails leaves every alias where it was.
      Map<String, Future<DeployedFunction>> versioned = new LinkedHashMap<>();
      for (DeployedFunction deployed : done) {
        versioned.put(deployed.region(), executor.submit(() -> publishVersion(function, deployed)));
      }
      List<DeployedFunction> ready = Joined.of(versioned.values()).orThrow();
      Map<String, Future<DeployedFunction>> aliased = new LinkedHashMap<>();
      for (DeployedFunction deployed : ready) {
        aliased.put(deployed.region(), executor.submit(() -> moveAlias(function, deployed)));
      }
      return Joined.of(aliased.values()).orThrow();
    } finally {
      executor.shutdownNow();
    }
  }

  /** Refuses SnapStart on a runtime that lacks it, before any region is touched. */
  private FunctionReader.FunctionState preflight(FunctionToDeploy function, String region) {
    FunctionReader.FunctionState state = reader.getFunction(region, function.function());
    if (Boolean.TRUE.equals(function.snapStart()) && SnapStartCheck.unsupported(state.runtime())) {
      throw new InvalidConfigurationException(
          new Violation(
              Setting.SNAP_START,
              "true",
              "supports Java 11 and later, and function "
                  + function.function()
                  + " in "
                  + region
                  + " runs "
                  + state.runtime(),
              "move the function to java11 or later first",
              Setting.FUNCTION));
    }
    return state;
  }

  /**
   * Deploys a function zip just built with the layers this publish made or found and the shared
   * layers' versions: the layer sizes and the function's libraries come from the build.
   *
   * @param published the project's own layers, as published
   * @param shared per region, the shared layers' versions (see {@link SharedLayerArns#forRegions})
   * @param layerLibraries the {@code groupId:artifactId} keys a layer version ARN is known to carry
   *     (from the lockfile), empty when unknown
   */
  public List<DeployedFunction> deploy(
      FunctionToDeploy function,
      PackagingRequest request,
      PackagingResult built,
      List<PublishedLayer> published,
      Map<String, List<PublishedLayer>> shared,
      Function<String, Set<String>> layerLibraries)
      throws InterruptedException {
    Map<String, Long> sizes = new HashMap<>();
    built.layers().forEach(l -> sizes.put(l.name(), l.zip().unzippedBytes()));
    request.shared().layers().forEach(s -> sizes.put(s.name(), s.descriptor().unzippedBytes()));
    layerSizes(sizes);
    Map<String, List<PublishedLayer>> own = new LinkedHashMap<>();
    published.forEach(p -> own.computeIfAbsent(p.region(), r -> new ArrayList<>()).add(p));
    Map<String, List<PublishedLayer>> byRegion =
        SharedLayerArns.merge(own, shared, request.shared().first());
    Set<String> functionLibraries =
        built.plan().functionLibraries().stream()
            .map(a -> a.coordinates().key())
            .collect(Collectors.toSet());
    return deploy(function, byRegion, layerLibraries, functionLibraries);
  }

  /**
   * The function's new layer list: managed layers replaced in place, retired ones (removed or
   * renamed in the POM) dropped, new ones appended, and layers this plugin does not manage kept.
   * The managed layers the function has keep their places but fill them in plan order: Lambda
   * extracts later layers over earlier ones, so a hand-reordered list is put back (the remote audit
   * reports it as drift).
   */
  static List<String> layerList(
      List<String> current, List<PublishedLayer> managed, Set<String> retired) {
    Map<String, String> byLayer = new LinkedHashMap<>();
    for (PublishedLayer layer : managed) {
      byLayer.put(Arns.withoutVersion(layer.layerVersionArn()), layer.layerVersionArn());
    }
    Set<String> managedLayers = Set.copyOf(byLayer.keySet());
    Set<String> present = new HashSet<>();
    current.forEach(arn -> present.add(Arns.withoutVersion(arn)));
    Iterator<String> inPlanOrder =
        byLayer.keySet().stream().filter(present::contains).toList().iterator();
    List<String> out = new ArrayList<>();
    for (String arn : current) {
      String layer = Arns.withoutVersion(arn);
      if (managedLayers.contains(layer)) {
        if (inPlanOrder.hasNext()) {
          out.add(byLayer.remove(inPlanOrder.next()));
        }
      } else if (!retired.contains(layer)) {
        out.add(arn);
      }
    }
    out.addAll(byLayer.values());
    return out;
  }

  /** Why and in which order the two updates run; see {@link #update}. */
  record Order(boolean codeFirst, String reason) {}

  /**
   * Chooses the order of the code and layer updates. Between the two calls the function runs either
   * the old code with the new layers (layers first) or the new code with the old layers (code
   * first). Layers first is the default: it is "expand, then contract" — a library that was added
   * or upgraded reaches {@code /opt/java/lib} before the code that needs it, and the old code keeps
   * every jar of its own {@code lib/}, which shadows the layer jars anyway. It is wrong in one
   * case: a library that moves from a layer into the function would vanish from under the old code,
   * so then the code goes first (its {@code lib/} already carries the library, and the old layer
   * still does too). Independently, Lambda rejects an update whose function plus layers exceed
   * 262,144,000 bytes unzipped; when only one intermediate state fits, that one is taken, even
   * against the library rule (a rejected update deploys nothing at all).
   */
  static Order order(
      FunctionReader.FunctionState state,
      FunctionToDeploy function,
      List<String> newLayers,
      Map<String, Long> layerBytes,
      Function<String, Set<String>> layerLibraries,
      Set<String> functionLibraries) {
    long oldLayersBytes = 0;
    for (FunctionReader.LayerRef ref : state.layers()) {
      oldLayersBytes += layerBytes.getOrDefault(ref.arn(), ref.codeSize());
    }
    long newLayersBytes = 0;
    for (String arn : newLayers) {
      newLayersBytes +=
          layerBytes.getOrDefault(
              arn,
              state.layers().stream()
                  .filter(r -> r.arn().equals(arn))
                  .mapToLong(FunctionReader.LayerRef::codeSize)
                  .findFirst()
                  .orElse(0));
    }
    // Our zips store every entry, so a function's CodeSize is close to its unzipped size.
    long layersFirst = state.codeSize() + newLayersBytes;
    long codeFirst = function.unzippedBytes() + oldLayersBytes;
    boolean layersFirstFits = layersFirst <= LambdaLimits.MAX_UNZIPPED_BYTES;
    boolean codeFirstFits = codeFirst <= LambdaLimits.MAX_UNZIPPED_BYTES;
    if (!layersFirstFits && codeFirstFits) {
      return new Order(
          true,
          String.format(
              Locale.ROOT,
              "code first: old code with the new layers would be about %,d bytes unzipped, over"
                  + " Lambda's %,d",
              layersFirst,
              LambdaLimits.MAX_UNZIPPED_BYTES));
    }
    for (String arn : state.layerArns()) {
      if (newLayers.contains(arn)) {
        continue;
      }
      for (String library : layerLibraries.apply(arn)) {
        if (functionLibraries.contains(library)) {
          if (!codeFirstFits && layersFirstFits) {
            // Lambda would reject the code-first update outright; a short gap is the lesser harm.
            return new Order(
                false,
                String.format(
                    Locale.ROOT,
                    "layers first: new code with the old layers would be about %,d bytes"
                        + " unzipped, over Lambda's %,d, although %s moves from layer %s into the"
                        + " function (the old code runs without it until the code update)",
                    codeFirst,
                    LambdaLimits.MAX_UNZIPPED_BYTES,
                    library,
                    arn));
          }
          return new Order(
              true,
              "code first: "
                  + library
                  + " moves from layer "
                  + arn
                  + " into the function, so the old code must not lose that layer first");
        }
      }
    }
    return new Order(
        false, "layers first: new and upgraded libraries reach the layers before the code");
  }

  DeployedFunction update(
      FunctionToDeploy function,
      String region,
      List<PublishedLayer> managed,
      Function<String, Set<String>> layerLibraries,
      Set<String> functionLibraries) {
    return update(
        function,
        region,
        reader.getFunction(region, function.function()),
        managed,
        layerLibraries,
        functionLibraries);
  }

  private DeployedFunction update(
      FunctionToDeploy function,
      String region,
      FunctionReader.FunctionState read,
      List<PublishedLayer> managed,
      Function<String, Set<String>> layerLibraries,
      Set<String> functionLibraries) {
    String name = function.function();
    FunctionReader.FunctionState state = read;
    if ("InProgress".equals(state.lastUpdateStatus())) {
      state = updates.awaitSettled(region, name, "an earlier update");
    }
    List<String> newLayers = layerList(state.layerArns(), managed, function.retiredLayers());
    if (newLayers.size() > LambdaLimits.MAX_LAYERS) {
      throw new InvalidConfigurationException(
          new Violation(
              Setting.FUNCTION,
              name + " (" + region + ")",
              "would have "
                  + newLayers.size()
                  + " layers, over Lambda's "
                  + LambdaLimits.MAX_LAYERS
                  + " (its other layers are kept): "
                  + newLayers,
              "remove layers this plugin does not manage from the function, or configure fewer"
                  + " layers",
              Setting.LAYERS));
    }
    boolean codeChanged = !function.codeSha256().equals(state.codeSha256());
    boolean layersChanged = !newLayers.equals(state.layerArns());
    Map<String, Long> layerBytes = new LinkedHashMap<>();
    managed.forEach(l -> layerBytes.put(l.layerVersionArn(), unzipped(l)));
    Order order =
        codeChanged && layersChanged
            ? order(state, function, newLayers, layerBytes, layerLibraries, functionLibraries)
            : new Order(true, codeChanged ? "code only" : layersChanged ? "layers only" : "none");
    long uploaded = 0;
    if (order.codeFirst()) {
      uploaded = codeChanged ? updateCode(function, region) : 0;
      if (layersChanged) {
        updateLayers(function, region, newLayers);
      }
    } else {
      updateLayers(function, region, newLayers);
      uploaded = updateCode(function, region);
    }
    boolean snapStartChanged = applySnapStart(function, region, state);
    // Unset in the POM, SnapStart may still be on (a template set it): its versions start Pending.
    snapStartOn.put(
        region, function.snapStart() != null ? function.snapStart() : state.snapStartOn());
    if (codeChanged || layersChanged || snapStartChanged) {
      log.accept(
          String.format(
              "Function '%s' %s: %s%s%s%s.",
              name,
              region,
              codeChanged ? "code updated" : "code unchanged",
              layersChanged ? ", layers " + newLayers : ", layers unchanged",
              codeChanged && layersChanged ? " (" + order.reason() + ")" : "",
              !snapStartChanged
                  ? ""
                  : function.snapStart()
                      ? ", SnapStart turned on (ApplyOn PublishedVersions)"
                      : ", SnapStart turned off (ApplyOn None)"));
    } else {
      log.accept(String.format("Function '%s' %s: up to date.", name, region));
    }
    return new DeployedFunction(
        name,
        region,
        state.functionArn(),
        codeChanged,
        layersChanged,
        newLayers,
        order.reason(),
        null,
        null,
        uploaded);
  }

  /**
   * Sets SnapStart when the function's setting differs from the wanted one (null: left alone).
   *
   * @return whether it was changed
   */
  private boolean applySnapStart(
      FunctionToDeploy function, String region, FunctionReader.FunctionState state) {
    Boolean wanted = function.snapStart();
    if (wanted == null || wanted == state.snapStartOn()) {
      return false;
    }
    updates.whenNoUpdateRuns(
        region,
        function.function(),
        () -> deployer.updateSnapStart(region, function.function(), wanted));
    updates.awaitSettled(region, function.function(), "UpdateFunctionConfiguration");
    return true;
  }

  private final Map<String, Long> unzippedByLayer = new java.util.concurrent.ConcurrentHashMap<>();

  /** Registers the unzipped size of managed layers, for the size check of the update order. */
  public void layerSizes(Map<String, Long> unzippedByLayerName) {
    unzippedByLayer.putAll(unzippedByLayerName);
  }

  private long unzipped(PublishedLayer layer) {
    return unzippedByLayer.getOrDefault(layer.layerName(), 0L);
  }

  private long updateCode(FunctionToDeploy function, String region) {
    LayerPublisher.Code code;
    long uploaded = function.zippedBytes();
    if (function.needsS3()) {
      String bucket = settings.bucket(region);
      if (objects.exists(region, bucket, function.s3Key())) {
        uploaded = 0;
      } else {
        objects.put(region, bucket, function.s3Key(), function.zip(), function.zippedBytes());
      }
      code = new LayerPublisher.Code.S3(bucket, function.s3Key());
    } else {
      code = new LayerPublisher.Code.Inline(function.zip());
    }
    updates.whenNoUpdateRuns(
        region, function.function(), () -> deployer.updateCode(region, function.function(), code));
    updates.awaitSettled(region, function.function(), "UpdateFunctionCode");
    return uploaded;
  }

  private void updateLayers(FunctionToDeploy function, String region, List<String> layers) {
    updates.whenNoUpdateRuns(
        region,
        function.function(),
        () -> deployer.updateLayers(region, function.function(), layers));
    updates.awaitSettled(region, function.function(), "UpdateFunctionConfiguration");
  }

  /** Per region, whether the function's SnapStart is on once its update is done. */
  private final Map<String, Boolean> snapStartOn = new java.util.concurrent.ConcurrentHashMap<>();

  /** Publishes the region's version and, with SnapStart on, waits until it is Active. */
  private DeployedFunction publishVersion(FunctionToDeploy function, DeployedFunction deployed) {
    String region = deployed.region();
    String[] version = new String[1];
    updates.whenNoUpdateRuns(
        region,
        function.function(),
        () ->
            version[0] =
                deployer.publishVersion(
                    region,
                    function.function(),
                    function.codeSha256(),
                    "lambda-layer-maven-plugin sha256:" + function.sha256()));
    if (snapStartOn.getOrDefault(region, false)) {
      // A SnapStart version is Pending until its snapshot is made: an alias moved earlier would
      // send callers to a version that cannot run yet.
      log.accept(
          String.format(
              "Function '%s' %s: version %s published; waiting until SnapStart has optimized it"
                  + " (State Pending, then Active).",
              function.function(), region, version[0]));
      deployer.awaitVersionActive(
          region, function.function(), version[0], timing.updateTimeout(), timing.pollInterval());
    }
    return new DeployedFunction(
        deployed.function(),
        region,
        deployed.functionArn(),
        deployed.codeUpdated(),
        deployed.layersUpdated(),
        deployed.layers(),
        deployed.order(),
        version[0],
        null,
        deployed.uploadedBytes());
  }

  private DeployedFunction moveAlias(FunctionToDeploy function, DeployedFunction deployed) {
    String region = deployed.region();
    deployer.pointAlias(region, function.function(), function.alias(), deployed.version());
    log.accept(
        String.format(
            "Function '%s' %s: version %s %s, alias '%s' moved to it.",
            function.function(),
            region,
            deployed.version(),
            snapStartOn.getOrDefault(region, false) ? "is Active (SnapStart)" : "published",
            function.alias()));
    return new DeployedFunction(
        deployed.function(),
        region,
        deployed.functionArn(),
        deployed.codeUpdated(),
        deployed.layersUpdated(),
        deployed.layers(),
        deployed.order(),
        deployed.version(),
        function.alias(),
        deployed.uploadedBytes());
  }
}
