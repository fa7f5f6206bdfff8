package dev.lambdalayer.core.port;

import dev.lambdalayer.core.model.Hashes;
import dev.lambdalayer.core.model.Share;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * AWS in memory, for tests of the core and of the goals: layer versions, functions (with versions
 * and aliases) and S3 objects per region, every port and the factory in one object, no HTTP. Calls
 * are recorded ({@code "PublishLayerVersion eu-west-1 jackson"}); {@link #failNext} makes an
 * operation fail. Tests may override a port method to watch or change one call.
 */
public class InMemoryAws
    implements AwsPorts,
        AwsSession,
        LayerVersionReader,
        FunctionReader,
        LayerPublisher,
        FunctionDeployer,
        ObjectStore {

  public static final String ACCOUNT = "123456789012";

  private record Version(LayerVersionInfo info, Map<String, Share> grants) {
    Set<String> statementIds() {
      return grants.keySet();
    }
  }

  private record Alias(String version, String additionalVersion) {}

  private record FunctionVersion(String codeSha256, List<String> layers) {}

  private static final class Function {
    String codeSha256 = "EMPTY=";
    long codeSize = 100;
    List<String> layers = List.of();
    final List<FunctionVersion> versions = new ArrayList<>();
    final Map<String, Alias> aliases = new TreeMap<>();
    String runtime = "java21";
    String snapStart = "None";
  }

  private final Map<String, TreeMap<Long, Version>> layers = new HashMap<>();
  private final Map<String, Long> lastVersion = new HashMap<>();
  private final Map<String, Function> functions = new HashMap<>();
  private final Map<String, String> objects = new HashMap<>();
  private final List<String> calls = new ArrayList<>();
  private final Map<String, Deque<AwsCallException>> failures = new HashMap<>();
  private final List<AwsSettings> opened = new ArrayList<>();
  private String defaultRegion;
  private int closed;

  // ---- set-up and inspection -------------------------------------------------------------

  /** The region the SDK's chain would find; none by default. */
  public synchronized InMemoryAws withDefaultRegion(String region) {
    this.defaultRegion = region;
    return this;
  }

  /** A new version of a layer, as another publisher would have made it. */
  public synchronized LayerVersionInfo addLayerVersion(
      String region, String name, String description, String codeSha256, long codeSize) {
    long version = lastVersion.merge(region + " " + name, 1L, Long::sum);
    LayerVersionInfo info =
        new LayerVersionInfo(
            layerArn(region, name) + ":" + version, version, description, codeSha256, codeSize);
    layers
        .computeIfAbsent(region + " " + name, k -> new TreeMap<>())
        .put(version, new Version(info, new LinkedHashMap<>()));
    return info;
  }

  /** Gives a version other content, as if its bytes were not what its records say. */
  public synchronized void replaceCodeSha256(
      String region, String name, long version, String codeSha256) {
    TreeMap<Long, Version> versions = layers.get(region + " " + name);
    Version v = versions.get(version);
    LayerVersionInfo i = v.info();
    versions.put(
        version,
        new Version(
            new LayerVersionInfo(
                i.layerVersionArn(), i.version(), i.description(), codeSha256, i.codeSize()),
            v.grants()));
  }

  public synchronized List<Long> layerVersionNumbers(String region, String name) {
    return List.copyOf(layers.getOrDefault(region + " " + name, new TreeMap<>()).keySet());
  }

  public synchronized Set<String> layerStatementIds(String region, String name, long version) {
    Version v = layers.getOrDefault(region + " " + name, new TreeMap<>()).get(version);
    return v == null ? Set.of() : Set.copyOf(v.statementIds());
  }

  public synchronized void createFunction(String region, String name) {
    functions.putIfAbsent(region + " " + name, new Function());
  }

  public synchronized void setFunctionLayers(String region, String name, List<String> arns) {
    function(region, name, "test").layers = List.copyOf(arns);
  }

  public synchronized void setFunctionCode(String region, String name, String codeSha256) {
    function(region, name, "test").codeSha256 = codeSha256;
  }

  public synchronized List<String> functionLayers(String region, String name) {
    return function(region, name, "test").layers;
  }

  public synchronized String functionCodeSha256(String region, String name) {
    return function(region, name, "test").codeSha256;
  }

  /** {@code PublishVersion} without checks: the function's current state as a new version. */
  public synchronized String publishFunctionVersion(String region, String name) {
    Function f = function(region, name, "test");
    f.versions.add(new FunctionVersion(f.codeSha256, f.layers));
    return String.valueOf(f.versions.size());
  }

  /** Points an alias at a version, routing some traffic to {@code additionalVersion} (or null). */
  public synchronized void routeAlias(
      String region, String name, String alias, String version, String additionalVersion) {
    function(region, name, "test").aliases.put(alias, new Alias(version, additionalVersion));
  }

  public synchronized String aliasVersion(String region, String name, String alias) {
    Alias a = function(region, name, "test").aliases.get(alias);
    return a == null ? null : a.version();
  }

  public synchronized boolean objectExists(String region, String bucket, String key) {
    return objects.containsKey(region + " " + bucket + "/" + key);
  }

  /** Every call so far, as {@code "Operation region subject"}. */
  public synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  /** The calls of one operation. */
  public synchronized List<String> calls(String operation) {
    return calls.stream().filter(c -> c.startsWith(operation + " ")).toList();
  }

  /** The settings of every {@link #open}, in order. */
  public synchronized List<AwsSettings> opened() {
    return List.copyOf(opened);
  }

  /** How often a session was closed. */
  public synchronized int closed() {
    return closed;
  }

  /** The next call of {@code operation} fails with {@code kind} and AWS's {@code message}. */
  public synchronized InMemoryAws failNext(
      String operation, AwsCallException.Kind kind, String message) {
    failures
        .computeIfAbsent(operation, o -> new ArrayDeque<>())
        .add(new AwsCallException(operation, "(injected)", "(any)", message, kind, null));
    return this;
  }

  // ---- AwsPorts and AwsSession -----------------------------------------------------------

  @Override
  public synchronized AwsSession open(AwsSettings settings) {
    opened.add(settings);
    return this;
  }

  @Override
  public synchronized Optional<String> defaultRegion(String profile) {
    return Optional.ofNullable(defaultRegion);
  }

  @Override
  public LayerVersionReader layerVersions() {
    return this;
  }

  @Override
  public FunctionReader functions() {
    return this;
  }

  @Override
  public LayerPublisher layerPublisher() {
    return this;
  }

  @Override
  public FunctionDeployer functionDeployer() {
    return this;
  }

  @Override
  public ObjectStore objects() {
    return this;
  }

  @Override
  public synchronized void close() {
    closed++;
  }

  // ---- LayerVersionReader ----------------------------------------------------------------

  @Override
  public synchronized Optional<LayerVersionInfo> getLayerVersion(
      String region, String layerName, long version) {
    String name = bareName(layerName);
    call("GetLayerVersion", region, name + ":" + version, layer(name) + " version " + version);
    Version v = layers.getOrDefault(region + " " + name, new TreeMap<>()).get(version);
    return Optional.ofNullable(v).map(Version::info);
  }

  @Override
  public synchronized List<LayerVersionInfo> listLayerVersions(String region, String layerName) {
    call("ListLayerVersions", region, layerName, layer(layerName));
    // Newest first, without CodeSha256 and CodeSize, as Lambda lists them.
    return layers
        .getOrDefault(region + " " + layerName, new TreeMap<>())
        .descendingMap()
        .values()
        .stream()
        .map(Version::info)
        .map(i -> new LayerVersionInfo(i.layerVersionArn(), i.version(), i.description(), null, 0))
        .toList();
  }

  // ---- LayerPublisher --------------------------------------------------------------------

  @Override
  public synchronized LayerVersionInfo publishLayerVersion(
      String region, LayerVersionRequest request) {
    call("PublishLayerVersion", region, request.layerName(), layer(request.layerName()));
    String[] content = content(region, request.code());
    return addLayerVersion(
        region, request.layerName(), request.description(), content[0], Long.parseLong(content[1]));
  }

  @Override
  public synchronized List<Grant> grants(String region, String layerName, long version) {
    call(
        "GetLayerVersionPolicy",
        region,
        layerName + ":" + version,
        layer(layerName) + " version " + version);
    Version v = layers.getOrDefault(region + " " + layerName, new TreeMap<>()).get(version);
    return v == null
        ? List.of()
        : v.grants().entrySet().stream().map(e -> new Grant(e.getKey(), e.getValue())).toList();
  }

  @Override
  public synchronized void removePermission(
      String region, String layerName, long version, String statementId) {
    call(
        "RemoveLayerVersionPermission",
        region,
        layerName + ":" + version + " " + statementId,
        layer(layerName) + " version " + version);
    Version v = layers.getOrDefault(region + " " + layerName, new TreeMap<>()).get(version);
    if (v != null) {
      v.grants().remove(statementId);
    }
  }

  @Override
  public synchronized void addPermission(
      String region, String layerName, long version, String statementId, Share share) {
    call(
        "AddLayerVersionPermission",
        region,
        layerName + ":" + version,
        layer(layerName) + " version " + version);
    Version v = layers.getOrDefault(region + " " + layerName, new TreeMap<>()).get(version);
    if (v != null) {
      v.grants().put(statementId, share);
    }
  }

  @Override
  public synchronized void deleteLayerVersion(String region, String layerName, long version) {
    call(
        "DeleteLayerVersion",
        region,
        layerName + ":" + version,
        layer(layerName) + " version " + version);
    TreeMap<Long, Version> versions = layers.get(region + " " + layerName);
    if (versions != null) {
      versions.remove(version);
    }
  }

  // ---- FunctionReader --------------------------------------------------------------------

  @Override
  public synchronized FunctionState getFunction(String region, String function) {
    call("GetFunctionConfiguration", region, function, "function '" + function + "'");
    Function f = function(region, function, "GetFunctionConfiguration");
    return new FunctionState(
        "arn:aws:lambda:" + region + ":" + ACCOUNT + ":function:" + function,
        f.codeSha256,
        f.codeSize,
        f.layers.stream().map(arn -> new LayerRef(arn, 0)).toList(),
        "Successful",
        null,
        f.runtime,
        f.snapStart);
  }

  @Override
  public synchronized List<LayerUse> functionReferences(String region, String function) {
    call("GetFunctionConfiguration", region, function, "function '" + function + "'");
    Function f = function(region, function, "GetFunctionConfiguration");
    String subject = "function '" + function + "'";
    List<LayerUse> uses = new ArrayList<>();
    f.layers.forEach(arn -> uses.add(new LayerUse(arn, subject + " $LATEST")));
    Map<String, List<String>> versions = new LinkedHashMap<>();
    f.aliases.forEach(
        (name, alias) -> {
          versions.computeIfAbsent(alias.version(), v -> new ArrayList<>()).add(name);
          if (alias.additionalVersion() != null) {
            versions.computeIfAbsent(alias.additionalVersion(), v -> new ArrayList<>()).add(name);
          }
        });
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
          f.versions
              .get(Integer.parseInt(version) - 1)
              .layers()
              .forEach(arn -> uses.add(new LayerUse(arn, users)));
        });
    return uses;
  }

  @Override
  public synchronized List<LayerUse> layerVersionUsers(String region, String layerVersionArn) {
    call("ListFunctions", region, "", "the functions of the region");
    List<LayerUse> uses = new ArrayList<>();
    functions.forEach(
        (key, f) -> {
          if (!key.startsWith(region + " ")) {
            return;
          }
          String name = key.substring(region.length() + 1);
          if (f.layers.contains(layerVersionArn)) {
            uses.add(new LayerUse(layerVersionArn, "function '" + name + "' $LATEST"));
          }
          for (int v = 0; v < f.versions.size(); v++) {
            if (f.versions.get(v).layers().contains(layerVersionArn)) {
              uses.add(new LayerUse(layerVersionArn, "function '" + name + "' " + (v + 1)));
            }
          }
        });
    return uses;
  }

  // ---- FunctionDeployer ------------------------------------------------------------------

  @Override
  public synchronized void updateCode(String region, String function, Code code) {
    call("UpdateFunctionCode", region, function, "function '" + function + "'");
    String[] content = content(region, code);
    Function f = function(region, function, "UpdateFunctionCode");
    f.codeSha256 = content[0];
    f.codeSize = Long.parseLong(content[1]);
  }

  @Override
  public synchronized void updateLayers(
      String region, String function, List<String> layerVersionArns) {
    call("UpdateFunctionConfiguration", region, function, "function '" + function + "'");
    function(region, function, "UpdateFunctionConfiguration").layers =
        List.copyOf(layerVersionArns);
  }

  @Override
  public synchronized String publishVersion(
      String region, String function, String codeSha256, String description) {
    call("PublishVersion", region, function, "function '" + function + "'");
    Function f = function(region, function, "PublishVersion");
    if (!f.codeSha256.equals(codeSha256)) {
      throw new AwsCallException(
          "PublishVersion",
          "function '" + function + "'",
          region,
          "CodeSha256 does not match",
          AwsCallException.Kind.OTHER,
          null);
    }
    return publishFunctionVersion(region, function);
  }

  @Override
  public synchronized void updateSnapStart(String region, String function, boolean on) {
    call("UpdateFunctionConfiguration", region, function, "function '" + function + "'");
    function(region, function, "UpdateFunctionConfiguration").snapStart =
        on ? "PublishedVersions" : "None";
  }

  @Override
  public synchronized void awaitVersionActive(
      String region,
      String function,
      String version,
      java.time.Duration timeout,
      java.time.Duration pollInterval) {
    // Versions are Active at once in memory: SnapStart's optimization takes no time here.
    call(
        "GetFunctionConfiguration",
        region,
        function + ":" + version,
        "function '" + function + "'");
  }

  /** The function's SnapStart {@code ApplyOn}. */
  public synchronized String snapStartApplyOn(String region, String name) {
    return function(region, name, "test").snapStart;
  }

  /** Sets the function's runtime id. */
  public synchronized void setFunctionRuntime(String region, String name, String runtime) {
    function(region, name, "test").runtime = runtime;
  }

  @Override
  public synchronized void pointAlias(
      String region, String function, String alias, String version) {
    call(
        "UpdateAlias",
        region,
        function + ":" + alias,
        "function '" + function + "' alias '" + alias + "'");
    routeAlias(region, function, alias, version, null);
  }

  // ---- ObjectStore -----------------------------------------------------------------------

  @Override
  public synchronized boolean exists(String region, String bucket, String key) {
    call("HeadObject", region, bucket + "/" + key, "s3://" + bucket + "/" + key);
    return objectExists(region, bucket, key);
  }

  @Override
  public synchronized void put(String region, String bucket, String key, Path file, long size) {
    call("PutObject", region, bucket + "/" + key, "s3://" + bucket + "/" + key);
    objects.put(region + " " + bucket + "/" + key, codeSha256(file) + " " + size);
  }

  // ---- internals -------------------------------------------------------------------------

  private static String layer(String name) {
    return "layer '" + name + "'";
  }

  public static String layerArn(String region, String name) {
    return "arn:aws:lambda:" + region + ":" + ACCOUNT + ":layer:" + name;
  }

  /** A layer's name, also when given as its ARN without version (another account's layer). */
  private static String bareName(String nameOrArn) {
    return nameOrArn.startsWith("arn:")
        ? nameOrArn.substring(nameOrArn.lastIndexOf(':') + 1)
        : nameOrArn;
  }

  /**
   * Records a call as {@code "Operation region key"}; a failure names {@code subject} as the SDK
   * does.
   */
  private void call(String operation, String region, String key, String subject) {
    calls.add(operation + " " + region + " " + key);
    Deque<AwsCallException> queued = failures.get(operation);
    AwsCallException failure = queued == null ? null : queued.poll();
    if (failure != null) {
      throw new AwsCallException(
          operation, subject, region, failure.awsMessage(), failure.kind(), null);
    }
  }

  private Function function(String region, String name, String operation) {
    Function f = functions.get(region + " " + name);
    if (f == null) {
      throw new AwsCallException(
          operation,
          "function '" + name + "'",
          region,
          "Function not found: arn:aws:lambda:" + region + ":" + ACCOUNT + ":function:" + name,
          AwsCallException.Kind.NOT_FOUND,
          null);
    }
    return f;
  }

  /** {CodeSha256, size} of a zip sent inline or put into S3 before. */
  private String[] content(String region, Code code) {
    if (code instanceof Code.S3 s3) {
      String object = objects.get(region + " " + s3.bucket() + "/" + s3.key());
      if (object == null) {
        throw new AwsCallException(
            "GetObject",
            "s3://" + s3.bucket() + "/" + s3.key(),
            region,
            "The specified key does not exist.",
            AwsCallException.Kind.NOT_FOUND,
            null);
      }
      return object.split(" ");
    }
    Path zip = ((Code.Inline) code).zip();
    try {
      return new String[] {codeSha256(zip), String.valueOf(Files.size(zip))};
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String codeSha256(Path file) {
    try {
      return Hashes.toBase64(Hashes.sha256Hex(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
