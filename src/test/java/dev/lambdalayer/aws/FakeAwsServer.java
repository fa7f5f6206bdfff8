package dev.lambdalayer.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A local stand-in for AWS Lambda and S3 on 127.0.0.1, speaking their REST wire protocols closely
 * enough for the real SDK clients: per-region state (the region is read from the request's
 * signature scope), layer versions that only ever increase, paged lists, Lambda's checks on names,
 * sizes and in-progress updates, and injectable faults. It counts calls and uploaded bytes.
 *
 * <p>The integration tests' hook scripts use it from another class loader, so its admin methods
 * take and return JDK types only.
 */
public final class FakeAwsServer implements AutoCloseable {

  public static final String ACCOUNT = "123456789012";

  private static final long MAX_ZIP_FILE = 50L * 1024 * 1024;
  private static final long MAX_UNZIPPED = 262_144_000L;
  private static final Pattern LAYER_NAME = Pattern.compile("[a-zA-Z0-9-_]{1,140}");
  private static final Pattern CREDENTIAL_SCOPE =
      Pattern.compile("Credential=([^/,]+)/\\d{8}/([a-z0-9-]+)/([a-z0-9-]+)/aws4_request");
  private static final Pattern LAYER_VERSION =
      Pattern.compile("/2018-10-31/layers/([^/]+)/versions/(\\d+)(/policy(?:/([^/]+))?)?");
  private static final Pattern LAYER_VERSION_ARN =
      Pattern.compile(
          "arn:(aws[a-zA-Z-]*)?:lambda:[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:\\d{12}:layer:"
              + "[a-zA-Z0-9-_]+:[0-9]+");
  private static final Pattern LAYER_VERSIONS =
      Pattern.compile("/2018-10-31/layers/([^/]+)/versions");
  private static final Pattern FUNCTIONS = Pattern.compile("/2015-03-31/functions/?");
  private static final Pattern FUNCTION =
      Pattern.compile(
          "/2015-03-31/functions/([^/]+)(/code|/configuration|/versions|/aliases)?(/[^/]+)?");

  /** Where the fake serves zips, as Lambda's presigned S3 code locations do. */
  private static final String CODE_PATH = "/_code/";

  /** Plain Jackson, as a JSON service uses it: the plugin's own layout is no concern of AWS. */
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<String, RegionState> regions = new ConcurrentHashMap<>();
  private final List<Fault> faults = new CopyOnWriteArrayList<>();
  private final List<Trigger> triggers = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicLong> callsByOperation = new ConcurrentHashMap<>();
  private final AtomicLong calls = new AtomicLong();
  private final AtomicLong bytesUploaded = new AtomicLong();
  private final List<String> requestLog = new CopyOnWriteArrayList<>();
  private final List<String> accessKeyIds = new CopyOnWriteArrayList<>();
  private final List<String> assumedRoles = new CopyOnWriteArrayList<>();
  private volatile int pageSize = 2;
  private volatile int updatePolls = 1;
  private volatile String failNextUpdateReason;
  private volatile long latencyMillis;
  private final AtomicInteger twinPublishes = new AtomicInteger();
  private volatile java.util.concurrent.CountDownLatch publishRace;
  private volatile int snapStartPolls = 2;
  private final AtomicInteger aliasMovesToPendingVersions = new AtomicInteger();

  private FakeAwsServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "fake-aws");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  public static FakeAwsServer start() throws IOException {
    return new FakeAwsServer();
  }

  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  // ---------------------------------------------------------------- admin (tests and hooks)

  public void createBucket(String region, String bucket) {
    region(region).buckets.add(bucket);
  }

  public void createFunction(String region, String name) {
    Fn fn = new Fn(name);
    fn.codeSha256 = base64Sha256(new byte[0]);
    region(region).functions.put(name, fn);
  }

  /** Publishes a layer version directly, for a layer this plugin does not manage. */
  public String createLayerVersion(String region, String name, byte[] zip) {
    return region(region).publish(name, zip, "made by hand", List.of(), List.of(), null).arn;
  }

  public void deleteLayerVersion(String region, String name, long version) {
    region(region).layerVersions(name).remove(version);
  }

  public int layerVersionCount(String region, String name) {
    return region(region).layerVersions(name).size();
  }

  public List<String> layerVersionArns(String region, String name) {
    return region(region).layerVersions(name).values().stream().map(v -> v.arn).toList();
  }

  /** The {@code CodeSha256} of a layer version; null when it does not exist. */
  public String layerVersionCodeSha256(String region, String name, long version) {
    LayerVersion v = region(region).layerVersions(name).get(version);
    return v == null ? null : v.codeSha256;
  }

  /**
   * Gives an existing layer version other content (a hook for tests: a descriptor or lockfile that
   * names a version whose bytes are not the ones it records).
   */
  public void replaceLayerContent(String region, String name, long version, byte[] zip) {
    LayerVersion v = region(region).layerVersions(name).get(version);
    if (v == null) {
      throw new IllegalArgumentException("no version " + version + " of layer " + name);
    }
    v.codeSha256 = base64Sha256(zip);
    v.codeSize = zip.length;
    Long unzipped = unzippedSize(zip);
    v.unzipped = unzipped == null ? zip.length : unzipped;
  }

  /** Grants {@code principal} (an account id or {@code *}) use of a version, as by hand. */
  public void grantLayerVersion(
      String region, String name, long version, String statementId, String principal) {
    LayerVersion v = region(region).layerVersions(name).get(version);
    Map<String, Object> statement = new LinkedHashMap<>();
    statement.put("Sid", statementId);
    statement.put("Effect", "Allow");
    statement.put(
        "Principal",
        principal.equals("*") ? "*" : Map.of("AWS", "arn:aws:iam::" + principal + ":root"));
    statement.put("Action", "lambda:GetLayerVersion");
    statement.put("Resource", v.arn);
    v.statements.put(statementId, statement);
  }

  public List<String> layerPolicySids(String region, String name, long version) {
    LayerVersion v = region(region).layerVersions(name).get(version);
    return v == null ? List.of() : List.copyOf(v.statements.keySet());
  }

  public List<String> functionLayers(String region, String name) {
    return List.copyOf(region(region).functions.get(name).layers);
  }

  public String functionCodeSha256(String region, String name) {
    return region(region).functions.get(name).codeSha256;
  }

  public String aliasVersion(String region, String function, String alias) {
    return region(region).functions.get(function).aliases.get(alias);
  }

  public int functionVersionCount(String region, String function) {
    return region(region).functions.get(function).versions.size();
  }

  /** Sets the layer list of {@code $LATEST}, as {@code UpdateFunctionConfiguration} would. */
  public void setFunctionLayers(String region, String function, List<String> layerVersionArns) {
    Fn fn = region(region).functions.get(function);
    synchronized (fn) {
      fn.layers = List.copyOf(layerVersionArns);
    }
  }

  /** {@code PublishVersion} of {@code $LATEST} as it is now; returns the version number. */
  public String publishFunctionVersion(String region, String function) {
    Fn fn = region(region).functions.get(function);
    synchronized (fn) {
      fn.publishVersion();
      return String.valueOf(fn.versions.size());
    }
  }

  /**
   * Points {@code alias} at {@code version}, routing {@code weight} of the traffic to {@code
   * additionalVersion} (null for none), as {@code CreateAlias}/{@code UpdateAlias} would.
   */
  public void pointAlias(
      String region,
      String function,
      String alias,
      String version,
      String additionalVersion,
      double weight) {
    Fn fn = region(region).functions.get(function);
    synchronized (fn) {
      fn.aliases.put(alias, version);
      if (additionalVersion == null) {
        fn.routing.remove(alias);
      } else {
        fn.routing.put(alias, Map.of(additionalVersion, weight));
      }
    }
  }

  /** The version numbers of a layer that exist, in increasing order. */
  public List<Long> layerVersionNumbers(String region, String name) {
    return region(region).layerVersions(name).keySet().stream().sorted().toList();
  }

  public boolean objectExists(String region, String bucket, String key) {
    return region(region).objects.containsKey(bucket + "/" + key);
  }

  public long calls() {
    return calls.get();
  }

  public long bytesUploaded() {
    return bytesUploaded.get();
  }

  public Map<String, Long> callsByOperation() {
    Map<String, Long> out = new TreeMap<>();
    callsByOperation.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  /** The access key id that signed each request, in order. */
  public List<String> accessKeyIds() {
    return List.copyOf(accessKeyIds);
  }

  /** The role ARNs {@code AssumeRole} was called for, in order. */
  public List<String> assumedRoles() {
    return List.copyOf(assumedRoles);
  }

  /** The access key id of the temporary credentials {@code AssumeRole} hands out for a role. */
  public static String assumedAccessKeyId(String roleArn) {
    return "ASIAASSUMED" + roleArn.split(":")[4];
  }

  /** One line per request: {@code region operation status}. */
  public List<String> requestLog() {
    return List.copyOf(requestLog);
  }

  public void resetCounters() {
    calls.set(0);
    bytesUploaded.set(0);
    callsByOperation.clear();
    requestLog.clear();
  }

  /**
   * The next {@code times} calls of {@code operation} (or {@code *}) fail with {@code kind}: {@code
   * 429}, {@code 500}, {@code drop} (connection closed without an answer), {@code conflict}
   * (ResourceConflictException), {@code slow} (answered after two seconds) or {@code empty} (a
   * success whose JSON body is {@code {}}, as a truncated or malformed answer parses) or {@code
   * lost} ({@code PublishLayerVersion} only: the version is created, then the connection is closed
   * without an answer, so the SDK retries a call that had succeeded).
   */
  public void failNext(String operation, String kind, int times) {
    faults.add(new Fault(operation, kind, new AtomicInteger(times)));
  }

  /** Forgets the faults not yet served. */
  public void clearFaults() {
    faults.clear();
  }

  /**
   * Runs {@code action} just before the {@code nth} call (counting from 1) of {@code operation} is
   * served: a change made "behind the plugin's back" between two builds of one IT, for example
   * {@code deleteLayerVersion} before an audit asks for the version.
   */
  public void beforeCall(String operation, int nth, Runnable action) {
    triggers.add(new Trigger(operation, nth, action));
  }

  /** How many reads of a function show {@code InProgress} after each update. */
  public void setUpdatePolls(int polls) {
    this.updatePolls = polls;
  }

  /** The next function update ends {@code Failed} with this reason. */
  public void failNextUpdate(String reason) {
    this.failNextUpdateReason = reason;
  }

  public void setPageSize(int pageSize) {
    this.pageSize = pageSize;
  }

  /** Added to every answer, as a network round trip would be. */
  public void setLatencyMillis(long latencyMillis) {
    this.latencyMillis = latencyMillis;
  }

  /**
   * The next {@code times} {@code PublishLayerVersion} calls are each preceded by an identical one
   * from "another publisher": a concurrent CI job publishing the same content between this
   * publisher's look-up and its publish.
   */
  public void concurrentPublisherBeforeNext(int times) {
    twinPublishes.set(times);
  }

  /**
   * The next {@code publishers} {@code PublishLayerVersion} calls wait for one another (up to 10 s)
   * before any is served, so publishers that looked the content up at about the same time all
   * publish it.
   */
  public void raceNextPublishes(int publishers) {
    publishRace = new java.util.concurrent.CountDownLatch(publishers);
  }

  /** How many reads of a version published with SnapStart show it {@code Pending}. */
  public void setSnapStartPolls(int polls) {
    this.snapStartPolls = polls;
  }

  /** How often an alias was pointed at a version still {@code Pending} (SnapStart optimizing). */
  public int aliasMovesToPendingVersions() {
    return aliasMovesToPendingVersions.get();
  }

  /** The function's {@code SnapStart.ApplyOn}: {@code None} or {@code PublishedVersions}. */
  public String snapStartApplyOn(String region, String function) {
    return region(region).functions.get(function).snapStart;
  }

  /** Sets a function's runtime id ({@code java21} by default). */
  public void setFunctionRuntime(String region, String function, String runtime) {
    region(region).functions.get(function).runtime = runtime;
  }

  /** {@code State} of a published version as a read would show it now, without counting a read. */
  public String functionVersionState(String region, String function, String version) {
    Fn fn = region(region).functions.get(function);
    return fn.versionPending.getOrDefault(Integer.parseInt(version), 0) > 0 ? "Pending" : "Active";
  }

  // ---------------------------------------------------------------- dispatch

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      URI uri = exchange.getRequestURI();
      String path = uri.getRawPath();
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (path.startsWith(CODE_PATH)) {
        // A presigned code location: authorized by its query string, not by a signed header.
        serveCode(exchange, path);
        return;
      }
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      Matcher scope = auth == null ? null : CREDENTIAL_SCOPE.matcher(auth);
      if (scope == null || !scope.find()) {
        send(exchange, 403, "MissingAuthenticationTokenException", "Missing Authentication Token");
        return;
      }
      accessKeyIds.add(scope.group(1));
      String regionName = scope.group(2);
      String service = scope.group(3);
      Request request = new Request(exchange, regionName, path, query(uri), body);
      request.operation = operation(service, exchange.getRequestMethod(), path, request.query);
      calls.incrementAndGet();
      long nth =
          callsByOperation
              .computeIfAbsent(request.operation, k -> new AtomicLong())
              .incrementAndGet();
      for (Trigger trigger : triggers) {
        if (trigger.operation.equals(request.operation) && trigger.nth == nth) {
          trigger.action.run();
        }
      }
      if (latencyMillis > 0) {
        Thread.sleep(latencyMillis);
      }
      Fault fault = takeFault(request.operation);
      if (fault != null && fault.kind.equals("lost")) {
        requestLog.add(regionName + " " + request.operation + " fault:lost");
        request.loseAnswer = true;
        fault = null;
      }
      if (request.operation.equals("PublishLayerVersion") && publishRace != null) {
        java.util.concurrent.CountDownLatch race = publishRace;
        race.countDown();
        race.await(10, java.util.concurrent.TimeUnit.SECONDS);
      }
      if (fault != null) {
        requestLog.add(regionName + " " + request.operation + " fault:" + fault.kind);
        switch (fault.kind) {
          case "drop" -> {
            return; // closing the exchange before any header drops the connection
          }
          case "slow" -> Thread.sleep(2000);
          case "429" -> {
            send(exchange, 429, "TooManyRequestsException", "Rate exceeded");
            return;
          }
          case "500" -> {
            send(exchange, 500, "ServiceException", "Internal failure (injected)");
            return;
          }
          case "conflict" -> {
            send(
                exchange,
                409,
                "ResourceConflictException",
                "The operation cannot be performed at this time. An update is in progress.");
            return;
          }
          case "empty" -> {
            sendJson(exchange, 201, Map.of());
            return;
          }
          default -> throw new IllegalStateException(fault.kind);
        }
      }
      int status;
      if (service.equals("sts")) {
        status = sts(request);
      } else if (service.equals("s3")) {
        status = s3(request);
      } else if (path.startsWith("/2018-10-31/layers")) {
        status = layers(request);
      } else if (path.startsWith("/2015-03-31/functions")) {
        status = functions(request);
      } else {
        status = send(exchange, 404, "UnknownOperationException", "no route " + path);
      }
      requestLog.add(regionName + " " + request.operation + " " + status);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      e.printStackTrace();
      send(exchange, 500, "ServiceException", "fake server bug: " + e);
    }
  }

  private Fault takeFault(String operation) {
    for (Fault fault : faults) {
      if ((fault.operation.equals("*") || fault.operation.equals(operation))
          && fault.remaining.getAndDecrement() > 0) {
        return fault;
      }
    }
    return null;
  }

  private static String operation(
      String service, String method, String path, Map<String, String> query) {
    if (service.equals("sts")) {
      return "AssumeRole"; // the only STS action the plugin calls
    }
    if (service.equals("s3")) {
      if (query.containsKey("uploads")) {
        return "CreateMultipartUpload";
      }
      if (query.containsKey("partNumber")) {
        return "UploadPart";
      }
      if (query.containsKey("uploadId")) {
        return method.equals("DELETE") ? "AbortMultipartUpload" : "CompleteMultipartUpload";
      }
      return switch (method) {
        case "HEAD" -> "HeadObject";
        case "PUT" -> "PutObject";
        case "GET" -> "GetObject";
        default -> "S3" + method;
      };
    }
    Matcher m;
    if ((m = LAYER_VERSION.matcher(path)).matches()) {
      if (m.group(3) != null) {
        return switch (method) {
          case "GET" -> "GetLayerVersionPolicy";
          case "DELETE" -> "RemoveLayerVersionPermission";
          default -> "AddLayerVersionPermission";
        };
      }
      return method.equals("DELETE") ? "DeleteLayerVersion" : "GetLayerVersion";
    }
    if (LAYER_VERSIONS.matcher(path).matches()) {
      return method.equals("GET") ? "ListLayerVersions" : "PublishLayerVersion";
    }
    if (FUNCTIONS.matcher(path).matches()) {
      return method.equals("GET") ? "ListFunctions" : "CreateFunction";
    }
    if (path.equals("/2018-10-31/layers")) {
      return "LayerVersion".equals(query.get("find")) ? "GetLayerVersionByArn" : "ListLayers";
    }
    if ((m = FUNCTION.matcher(path)).matches()) {
      String sub = m.group(2);
      if (sub == null) {
        return "GetFunction";
      }
      return switch (sub) {
        case "/code" -> "UpdateFunctionCode";
        case "/configuration" ->
            method.equals("GET") ? "GetFunctionConfiguration" : "UpdateFunctionConfiguration";
        case "/versions" -> "PublishVersion";
        default ->
            method.equals("POST")
                ? "CreateAlias"
                : method.equals("PUT")
                    ? "UpdateAlias"
                    : m.group(3) == null ? "ListAliases" : "GetAlias";
      };
    }
    return method + " " + path;
  }

  // ---------------------------------------------------------------- Lambda layers

  private int layers(Request r) throws IOException {
    RegionState region = region(r.region);
    if (r.operation.equals("GetLayerVersionByArn")) {
      return layerVersionByArn(r, region);
    }
    Matcher m;
    if ((m = LAYER_VERSION.matcher(r.path)).matches()) {
      String name = layerName(decode(m.group(1)));
      long version = Long.parseLong(m.group(2));
      if (r.operation.equals("DeleteLayerVersion")) {
        // Like Lambda: deleting a version that does not exist (any more) succeeds.
        region.layerVersions(name).remove(version);
        r.exchange.sendResponseHeaders(204, -1);
        return 204;
      }
      LayerVersion v = region.layerVersions(name).get(version);
      if (v == null) {
        return send(
            r.exchange,
            404,
            "ResourceNotFoundException",
            "The resource you requested does not exist.");
      }
      if (m.group(3) != null) {
        return switch (r.operation) {
          case "GetLayerVersionPolicy" -> policy(r, v);
          case "RemoveLayerVersionPermission" -> removePermission(r, v, decode(m.group(4)));
          default -> addPermission(r, v);
        };
      }
      Map<String, Object> out = v.describe(true);
      @SuppressWarnings("unchecked")
      Map<String, Object> content = (Map<String, Object>) out.get("Content");
      content.put("Location", codeLocation(r.region, v.codeSha256));
      return sendJson(r.exchange, 200, out);
    }
    m = LAYER_VERSIONS.matcher(r.path);
    if (!m.matches()) {
      return send(r.exchange, 404, "UnknownOperationException", r.path);
    }
    String name = layerName(decode(m.group(1)));
    if (!LAYER_NAME.matcher(name).matches()) {
      return send(
          r.exchange,
          400,
          "InvalidParameterValueException",
          "1 validation error detected: Value '"
              + name
              + "' at 'layerName' failed to satisfy"
              + " constraint: Member must satisfy regular expression pattern");
    }
    if (r.operation.equals("ListLayerVersions")) {
      List<LayerVersion> all = new ArrayList<>(region.layerVersions(name).values());
      all.sort((a, b) -> Long.compare(b.version, a.version));
      long marker =
          r.query.containsKey("Marker") ? Long.parseLong(r.query.get("Marker")) : Long.MAX_VALUE;
      int max =
          Math.min(
              pageSize,
              r.query.containsKey("MaxItems") ? Integer.parseInt(r.query.get("MaxItems")) : 50);
      List<Object> page = new ArrayList<>();
      Long next = null;
      for (LayerVersion v : all) {
        if (v.version >= marker) {
          continue;
        }
        if (page.size() == max) {
          next = v.version + 1;
          break;
        }
        page.add(v.describe(false));
      }
      Map<String, Object> out = new LinkedHashMap<>();
      if (next != null) {
        out.put("NextMarker", String.valueOf(next));
      }
      out.put("LayerVersions", page);
      return sendJson(r.exchange, 200, out);
    }
    // PublishLayerVersion
    Map<String, Object> in = json(r.bodyText());
    String description = (String) in.getOrDefault("Description", "");
    if (description.length() > 256) {
      return send(
          r.exchange, 400, "InvalidParameterValueException", "Description over 256 characters");
    }
    String license = (String) in.get("LicenseInfo");
    if (license != null && license.length() > 512) {
      return send(
          r.exchange, 400, "InvalidParameterValueException", "LicenseInfo over 512 characters");
    }
    @SuppressWarnings("unchecked")
    List<String> runtimes = (List<String>) in.getOrDefault("CompatibleRuntimes", List.of());
    @SuppressWarnings("unchecked")
    List<String> architectures =
        (List<String>) in.getOrDefault("CompatibleArchitectures", List.of());
    if (runtimes.size() > 15 || architectures.size() > 2) {
      return send(r.exchange, 400, "InvalidParameterValueException", "too many runtimes");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> content = (Map<String, Object>) in.get("Content");
    byte[] zip = code(r, content);
    if (zip == null) {
      return r.status;
    }
    Long unzipped = unzippedSize(zip);
    if (unzipped == null) {
      return send(
          r.exchange, 400, "InvalidParameterValueException", "Could not unzip uploaded file.");
    }
    if (twinPublishes.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      region.publish(name, zip, description, runtimes, architectures, license);
    }
    LayerVersion v = region.publish(name, zip, description, runtimes, architectures, license);
    if (r.loseAnswer) {
      return 0; // closing the exchange before any header: the version exists, the answer is lost
    }
    return sendJson(r.exchange, 201, v.describe(true));
  }

  /** {@code GET /2018-10-31/layers?find=LayerVersion&Arn=...}: the version the ARN names. */
  private int layerVersionByArn(Request r, RegionState region) throws IOException {
    String arn = r.query.get("Arn");
    if (arn == null || !LAYER_VERSION_ARN.matcher(arn).matches()) {
      return send(
          r.exchange,
          400,
          "InvalidParameterValueException",
          "1 validation error detected: Value '"
              + arn
              + "' at 'arn' failed to satisfy constraint: Member must satisfy regular expression"
              + " pattern");
    }
    LayerVersion v = region.layerByArn(arn);
    if (v == null) {
      return send(
          r.exchange,
          404,
          "ResourceNotFoundException",
          "The resource you requested does not exist.");
    }
    return sendJson(r.exchange, 200, v.describe(true));
  }

  /** The zip of a Content or code request: inline (counted as uploaded) or from the fake S3. */
  private byte[] code(Request r, Map<String, Object> content) throws IOException {
    if (content == null) {
      r.status = send(r.exchange, 400, "InvalidParameterValueException", "no Content");
      return null;
    }
    if (content.get("ZipFile") != null) {
      byte[] zip = Base64.getDecoder().decode((String) content.get("ZipFile"));
      bytesUploaded.addAndGet(zip.length);
      if (zip.length > MAX_ZIP_FILE) {
        r.status =
            send(
                r.exchange,
                413,
                "RequestEntityTooLargeException",
                "Request must be smaller than 52428800 bytes for the operation");
        return null;
      }
      return zip;
    }
    String bucket = (String) content.get("S3Bucket");
    String key = (String) content.get("S3Key");
    byte[] object = region(r.region).objects.get(bucket + "/" + key);
    if (object == null) {
      r.status =
          send(
              r.exchange,
              400,
              "InvalidParameterValueException",
              "Error occurred while GetObject. S3 Error Code: NoSuchKey. S3 Error Message: The"
                  + " specified key does not exist.");
      return null;
    }
    return object;
  }

  private int policy(Request r, LayerVersion v) throws IOException {
    if (v.statements.isEmpty()) {
      return send(r.exchange, 404, "ResourceNotFoundException", "No policy is associated");
    }
    Map<String, Object> policy = new LinkedHashMap<>();
    policy.put("Version", "2012-10-17");
    policy.put("Id", "default");
    policy.put("Statement", new ArrayList<>(v.statements.values()));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("Policy", JSON.writeValueAsString(policy));
    out.put("RevisionId", "rev-" + v.statements.size());
    return sendJson(r.exchange, 200, out);
  }

  /** {@code DELETE .../policy/{StatementId}}: 204, or 404 for a statement id that is not there. */
  private int removePermission(Request r, LayerVersion v, String sid) throws IOException {
    synchronized (v) {
      if (v.statements.remove(sid) == null) {
        return send(
            r.exchange,
            404,
            "ResourceNotFoundException",
            "The resource you requested does not exist.");
      }
    }
    r.exchange.sendResponseHeaders(204, -1);
    return 204;
  }

  private int addPermission(Request r, LayerVersion v) throws IOException {
    Map<String, Object> in = json(r.bodyText());
    String sid = (String) in.get("StatementId");
    String principal = (String) in.get("Principal");
    String organization = (String) in.get("OrganizationId");
    if (sid == null || !sid.matches("[a-zA-Z0-9-_]{1,100}")) {
      return send(r.exchange, 400, "InvalidParameterValueException", "bad StatementId");
    }
    if (!"lambda:GetLayerVersion".equals(in.get("Action"))) {
      return send(r.exchange, 400, "InvalidParameterValueException", "bad Action");
    }
    if (principal == null
        || !(principal.equals("*") || principal.matches("\\d{12}"))
        || (organization != null && !principal.equals("*"))) {
      return send(r.exchange, 400, "InvalidParameterValueException", "bad Principal");
    }
    synchronized (v) {
      if (v.statements.containsKey(sid)) {
        return send(
            r.exchange,
            409,
            "ResourceConflictException",
            "The statement id ("
                + sid
                + ") provided already exists. Please provide a new"
                + " statement id, or remove the existing statement.");
      }
      Map<String, Object> statement = new LinkedHashMap<>();
      statement.put("Sid", sid);
      statement.put("Effect", "Allow");
      // IAM writes an account back as its root principal; everyone stays "*".
      statement.put(
          "Principal",
          principal.equals("*") ? "*" : Map.of("AWS", "arn:aws:iam::" + principal + ":root"));
      statement.put("Action", "lambda:GetLayerVersion");
      statement.put("Resource", v.arn);
      if (organization != null) {
        statement.put(
            "Condition", Map.of("StringEquals", Map.of("aws:PrincipalOrgID", organization)));
      }
      v.statements.put(sid, statement);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("Statement", JSON.writeValueAsString(statement));
      out.put("RevisionId", "rev-" + v.statements.size());
      return sendJson(r.exchange, 201, out);
    }
  }

  // ---------------------------------------------------------------- Lambda functions

  private int functions(Request r) throws IOException {
    RegionState region = region(r.region);
    if (FUNCTIONS.matcher(r.path).matches()) {
      return listFunctions(r, region);
    }
    Matcher m = FUNCTION.matcher(r.path);
    if (!m.matches()) {
      return send(r.exchange, 404, "UnknownOperationException", r.path);
    }
    String name = decode(m.group(1));
    if (name.contains(":function:")) {
      name = name.substring(name.indexOf(":function:") + 10).split(":")[0];
    }
    Fn fn = region.functions.get(name);
    if (fn == null) {
      return send(
          r.exchange,
          404,
          "ResourceNotFoundException",
          "Function not found: " + functionArn(r.region, name));
    }
    synchronized (fn) {
      switch (r.operation) {
        case "GetFunction" -> {
          fn.observe(this);
          String qualifier = r.query.get("Qualifier");
          Map<String, Object> configuration = fn.configuration(r.region);
          if (qualifier != null && !qualifier.equals("$LATEST")) {
            String version = fn.aliases.getOrDefault(qualifier, qualifier);
            if (!version.matches("\\d+") || Integer.parseInt(version) > fn.versions.size()) {
              return send(
                  r.exchange,
                  404,
                  "ResourceNotFoundException",
                  "Function not found: " + functionArn(r.region, name) + ":" + qualifier);
            }
            configuration = fn.versionConfiguration(r.region, version);
          }
          Map<String, Object> code = new LinkedHashMap<>();
          code.put("RepositoryType", "S3");
          code.put("Location", codeLocation(r.region, (String) configuration.get("CodeSha256")));
          return sendJson(r.exchange, 200, Map.of("Configuration", configuration, "Code", code));
        }
        case "GetFunctionConfiguration" -> {
          fn.observe(this);
          String qualifier = r.query.get("Qualifier");
          if (qualifier == null || qualifier.equals("$LATEST")) {
            return sendJson(r.exchange, 200, fn.configuration(r.region));
          }
          String version = fn.aliases.getOrDefault(qualifier, qualifier);
          if (!version.matches("\\d+") || Integer.parseInt(version) > fn.versions.size()) {
            return send(
                r.exchange,
                404,
                "ResourceNotFoundException",
                "Function not found: " + functionArn(r.region, name) + ":" + qualifier);
          }
          Map<String, Object> configuration = fn.versionConfiguration(r.region, version);
          fn.versionPending.computeIfPresent(
              Integer.parseInt(version), (k, left) -> Math.max(0, left - 1));
          return sendJson(r.exchange, 200, configuration);
        }
        case "ListAliases" -> {
          List<String> names = new ArrayList<>(new java.util.TreeSet<>(fn.aliases.keySet()));
          int from = r.query.containsKey("Marker") ? Integer.parseInt(r.query.get("Marker")) : 0;
          int max =
              Math.min(
                  pageSize,
                  r.query.containsKey("MaxItems") ? Integer.parseInt(r.query.get("MaxItems")) : 50);
          List<Object> page = new ArrayList<>();
          for (int i = from; i < names.size() && i < from + max; i++) {
            page.add(fn.alias(r.region, names.get(i)));
          }
          Map<String, Object> out = new LinkedHashMap<>();
          if (from + max < names.size()) {
            out.put("NextMarker", String.valueOf(from + max));
          }
          out.put("Aliases", page);
          return sendJson(r.exchange, 200, out);
        }
        case "UpdateFunctionCode", "UpdateFunctionConfiguration" -> {
          if ("InProgress".equals(fn.status)) {
            return send(
                r.exchange,
                409,
                "ResourceConflictException",
                "The operation cannot be performed at this time. An update is in progress for"
                    + " resource: "
                    + functionArn(r.region, name));
          }
          Map<String, Object> in = json(r.bodyText());
          byte[] zip = null;
          List<String> layers = fn.layers;
          if (r.operation.equals("UpdateFunctionCode")) {
            zip = code(r, in);
            if (zip == null) {
              return r.status;
            }
            if (unzippedSize(zip) == null) {
              return send(
                  r.exchange,
                  400,
                  "InvalidParameterValueException",
                  "Could not unzip uploaded file.");
            }
          } else if (in.containsKey("Layers")) {
            @SuppressWarnings("unchecked")
            List<String> requested = (List<String>) in.get("Layers");
            if (requested.size() > 5) {
              return send(
                  r.exchange,
                  400,
                  "InvalidParameterValueException",
                  "Cannot reference more than 5 layers.");
            }
            for (String arn : requested) {
              if (region.layerByArn(arn) == null) {
                return send(
                    r.exchange,
                    400,
                    "InvalidParameterValueException",
                    "Layer version " + arn + " does not exist.");
              }
            }
            layers = List.copyOf(requested);
          }
          String snapStart = fn.snapStart;
          if (r.operation.equals("UpdateFunctionConfiguration") && in.get("SnapStart") != null) {
            @SuppressWarnings("unchecked")
            Map<String, Object> requested = (Map<String, Object>) in.get("SnapStart");
            snapStart = String.valueOf(requested.get("ApplyOn"));
            if (!snapStart.equals("PublishedVersions") && !snapStart.equals("None")) {
              return send(
                  r.exchange,
                  400,
                  "ValidationException",
                  "1 validation error detected: Value '"
                      + snapStart
                      + "' at 'snapStart.applyOn' failed to satisfy constraint: Member must"
                      + " satisfy enum value set: [PublishedVersions, None]");
            }
            if (snapStart.equals("PublishedVersions") && fn.runtime.startsWith("java8")) {
              return send(
                  r.exchange,
                  400,
                  "InvalidParameterValueException",
                  "SnapStart is not supported for runtime " + fn.runtime + ".");
            }
          }
          long functionBytes = zip != null ? unzippedSize(zip) : fn.unzipped;
          long total = functionBytes;
          for (String arn : layers) {
            total += region.layerByArn(arn).unzipped;
          }
          if (total > MAX_UNZIPPED) {
            return send(
                r.exchange,
                400,
                "InvalidParameterValueException",
                "Function code combined with layers exceeds the maximum allowed size of"
                    + " 262144000 bytes. The actual size is "
                    + total
                    + " bytes.");
          }
          if (zip != null) {
            fn.codeSha256 = base64Sha256(zip);
            region.code.put(fn.codeSha256, zip);
            fn.codeSize = zip.length;
            fn.unzipped = functionBytes;
          }
          fn.layers = layers;
          fn.snapStart = snapStart;
          fn.status = "InProgress";
          fn.statusReason = null;
          fn.pendingPolls = updatePolls;
          fn.revision++;
          return sendJson(r.exchange, 200, fn.configuration(r.region));
        }
        case "PublishVersion" -> {
          if ("InProgress".equals(fn.status)) {
            return send(r.exchange, 409, "ResourceConflictException", "An update is in progress");
          }
          Map<String, Object> in = json(r.bodyText());
          Object expected = in.get("CodeSha256");
          if (expected != null && !expected.equals(fn.codeSha256)) {
            return send(
                r.exchange,
                400,
                "InvalidParameterValueException",
                "CodeSha256 (" + expected + ") is different from current CodeSha256 in $LATEST");
          }
          // Like Lambda: nothing changed since the last version, so that version is returned.
          int before = fn.versions.size();
          fn.publishVersion();
          if (fn.versions.size() > before && fn.snapStart.equals("PublishedVersions")) {
            fn.versionPending.put(fn.versions.size(), snapStartPolls);
          }
          return sendJson(
              r.exchange,
              201,
              fn.versionConfiguration(r.region, String.valueOf(fn.versions.size())));
        }
        default -> {
          String alias = m.group(3) == null ? null : decode(m.group(3).substring(1));
          Map<String, Object> in = r.body.length == 0 ? Map.of() : json(r.bodyText());
          if (r.operation.equals("CreateAlias")) {
            alias = (String) in.get("Name");
            if (fn.aliases.containsKey(alias)) {
              return send(r.exchange, 409, "ResourceConflictException", "Alias already exists");
            }
          } else if (!fn.aliases.containsKey(alias)) {
            return send(r.exchange, 404, "ResourceNotFoundException", "Alias not found");
          }
          if (!r.operation.equals("GetAlias")) {
            String version = (String) in.get("FunctionVersion");
            if (version == null || Integer.parseInt(version) > fn.versions.size()) {
              return send(r.exchange, 400, "InvalidParameterValueException", "no such version");
            }
            if (fn.versionPending.getOrDefault(Integer.parseInt(version), 0) > 0) {
              aliasMovesToPendingVersions.incrementAndGet();
            }
            fn.aliases.put(alias, version);
            @SuppressWarnings("unchecked")
            Map<String, Object> routing = (Map<String, Object>) in.get("RoutingConfig");
            fn.routing.remove(alias);
            if (routing != null && routing.get("AdditionalVersionWeights") instanceof Map<?, ?> w) {
              Map<String, Double> weights = new LinkedHashMap<>();
              w.forEach((k, v) -> weights.put((String) k, ((Number) v).doubleValue()));
              fn.routing.put(alias, weights);
            }
          }
          return sendJson(
              r.exchange, r.operation.equals("CreateAlias") ? 201 : 200, fn.alias(r.region, alias));
        }
      }
    }
  }

  /**
   * {@code ListFunctions}: {@code $LATEST} of every function, and with {@code FunctionVersion=ALL}
   * every published version too, paged like Lambda (Marker, MaxItems, NextMarker).
   */
  private int listFunctions(Request r, RegionState region) throws IOException {
    boolean all = "ALL".equals(r.query.get("FunctionVersion"));
    List<Map<String, Object>> configurations = new ArrayList<>();
    for (String name : new java.util.TreeSet<>(region.functions.keySet())) {
      Fn fn = region.functions.get(name);
      synchronized (fn) {
        configurations.add(fn.configuration(r.region));
        if (all) {
          for (int v = 1; v <= fn.versions.size(); v++) {
            configurations.add(fn.versionConfiguration(r.region, String.valueOf(v)));
          }
        }
      }
    }
    int from = r.query.containsKey("Marker") ? Integer.parseInt(r.query.get("Marker")) : 0;
    int max =
        Math.min(
            pageSize,
            r.query.containsKey("MaxItems") ? Integer.parseInt(r.query.get("MaxItems")) : 50);
    Map<String, Object> out = new LinkedHashMap<>();
    if (from + max < configurations.size()) {
      out.put("NextMarker", String.valueOf(from + max));
    }
    out.put(
        "Functions",
        configurations.subList(
            Math.min(from, configurations.size()), Math.min(from + max, configurations.size())));
    return sendJson(r.exchange, 200, out);
  }

  // ---------------------------------------------------------------- S3

  private int s3(Request r) throws IOException {
    RegionState region = region(r.region);
    String path = decode(r.path.substring(1));
    int slash = path.indexOf('/');
    String bucket = slash < 0 ? path : path.substring(0, slash);
    String key = slash < 0 ? "" : path.substring(slash + 1);
    if (!region.buckets.contains(bucket)) {
      return s3Error(r, 404, "NoSuchBucket", "The specified bucket does not exist");
    }
    String id = bucket + "/" + key;
    HttpExchange ex = r.exchange;
    switch (r.operation) {
      case "HeadObject" -> {
        byte[] object = region.objects.get(id);
        if (object == null) {
          ex.sendResponseHeaders(404, -1);
          return 404;
        }
        ex.getResponseHeaders().add("ETag", "\"" + md5(object) + "\"");
        ex.sendResponseHeaders(200, -1);
        return 200;
      }
      case "PutObject" -> {
        byte[] data = payload(r);
        bytesUploaded.addAndGet(data.length);
        region.objects.put(id, data);
        ex.getResponseHeaders().add("ETag", "\"" + md5(data) + "\"");
        ex.sendResponseHeaders(200, -1);
        return 200;
      }
      case "CreateMultipartUpload" -> {
        String uploadId = "upload-" + region.uploadIds.incrementAndGet();
        region.uploads.put(uploadId, new TreeMap<>());
        return sendXml(
            r,
            200,
            "<InitiateMultipartUploadResult><Bucket>"
                + bucket
                + "</Bucket><Key>"
                + key
                + "</Key><UploadId>"
                + uploadId
                + "</UploadId></InitiateMultipartUploadResult>");
      }
      case "UploadPart" -> {
        Map<Integer, byte[]> parts = region.uploads.get(r.query.get("uploadId"));
        if (parts == null) {
          return s3Error(r, 404, "NoSuchUpload", "The specified upload does not exist.");
        }
        byte[] data = payload(r);
        bytesUploaded.addAndGet(data.length);
        parts.put(Integer.parseInt(r.query.get("partNumber")), data);
        ex.getResponseHeaders().add("ETag", "\"" + md5(data) + "\"");
        ex.sendResponseHeaders(200, -1);
        return 200;
      }
      case "CompleteMultipartUpload" -> {
        Map<Integer, byte[]> parts = region.uploads.remove(r.query.get("uploadId"));
        if (parts == null) {
          return s3Error(r, 404, "NoSuchUpload", "The specified upload does not exist.");
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts.values()) {
          all.write(part);
        }
        byte[] object = all.toByteArray();
        region.objects.put(id, object);
        return sendXml(
            r,
            200,
            "<CompleteMultipartUploadResult><Bucket>"
                + bucket
                + "</Bucket><Key>"
                + key
                + "</Key><ETag>\""
                + md5(object)
                + "-"
                + parts.size()
                + "\"</ETag></CompleteMultipartUploadResult>");
      }
      case "AbortMultipartUpload" -> {
        region.uploads.remove(r.query.get("uploadId"));
        ex.sendResponseHeaders(204, -1);
        return 204;
      }
      default -> {
        return s3Error(r, 405, "MethodNotAllowed", r.operation);
      }
    }
  }

  /** The object bytes of a PUT, decoding the SDK's {@code aws-chunked} streaming encoding. */
  private static byte[] payload(Request r) throws IOException {
    String sha = r.exchange.getRequestHeaders().getFirst("x-amz-content-sha256");
    String encoding = r.exchange.getRequestHeaders().getFirst("Content-Encoding");
    boolean chunked =
        (sha != null && sha.startsWith("STREAMING-"))
            || (encoding != null && encoding.contains("aws-chunked"));
    if (!chunked) {
      return r.body;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    InputStream in = new ByteArrayInputStream(r.body);
    while (true) {
      String header = line(in);
      int size = Integer.parseInt(header.split(";")[0].trim(), 16);
      if (size == 0) {
        break;
      }
      out.write(in.readNBytes(size));
      line(in);
    }
    return out.toByteArray();
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder out = new StringBuilder();
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        break;
      }
      if (c != '\r') {
        out.append((char) c);
      }
    }
    return out.toString();
  }

  private int s3Error(Request r, int status, String code, String message) throws IOException {
    return sendXml(
        r, status, "<Error><Code>" + code + "</Code><Message>" + message + "</Message></Error>");
  }

  private int sendXml(Request r, int status, String xml) throws IOException {
    byte[] bytes =
        ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + xml).getBytes(StandardCharsets.UTF_8);
    r.exchange.getResponseHeaders().add("Content-Type", "application/xml");
    r.exchange.sendResponseHeaders(status, bytes.length);
    r.exchange.getResponseBody().write(bytes);
    return status;
  }

  // ---------------------------------------------------------------- STS

  private static final Pattern ROLE_ARN = Pattern.compile("arn:aws:iam::(\\d{12}):role/.+");

  /**
   * {@code AssumeRole} in STS's query protocol: a form-encoded POST, answered in XML with temporary
   * credentials whose access key id names the role's account.
   */
  private int sts(Request r) throws IOException {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : r.bodyText().split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
      }
    }
    String roleArn = form.get("RoleArn");
    String session = form.get("RoleSessionName");
    if (!"AssumeRole".equals(form.get("Action"))
        || roleArn == null
        || !ROLE_ARN.matcher(roleArn).matches()
        || session == null
        || !session.matches("[\\w+=,.@-]{2,64}")) {
      return sendXml(
          r,
          400,
          "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender"
              + "</Type><Code>ValidationError</Code><Message>invalid AssumeRole request</Message>"
              + "</Error><RequestId>req-sts</RequestId></ErrorResponse>");
    }
    assumedRoles.add(roleArn);
    String account = roleArn.split(":")[4];
    String role = roleArn.substring(roleArn.indexOf(":role/") + 6);
    return sendXml(
        r,
        200,
        "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult>"
            + "<Credentials><AccessKeyId>"
            + assumedAccessKeyId(roleArn)
            + "</AccessKeyId><SecretAccessKey>assumedSecretNeverToBeLogged0123456789"
            + "</SecretAccessKey><SessionToken>assumedSessionTokenNeverToBeLogged</SessionToken>"
            + "<Expiration>"
            + Instant.now().plusSeconds(3600).toString()
            + "</Expiration></Credentials><AssumedRoleUser><AssumedRoleId>AROAFAKE:"
            + session
            + "</AssumedRoleId><Arn>arn:aws:sts::"
            + account
            + ":assumed-role/"
            + role
            + "/"
            + session
            + "</Arn></AssumedRoleUser></AssumeRoleResult><ResponseMetadata><RequestId>req-sts"
            + "</RequestId></ResponseMetadata></AssumeRoleResponse>");
  }

  // ---------------------------------------------------------------- code locations

  /**
   * A presigned-style URL of a zip on this server: like Lambda's S3 location it needs no
   * Authorization header and carries its signature in the query (which must never be logged).
   */
  private String codeLocation(String region, String codeSha256) {
    String id =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(Base64.getDecoder().decode(codeSha256));
    return endpoint()
        + CODE_PATH
        + region
        + "/"
        + id
        + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=600&X-Amz-Signature="
        + PRESIGNED_SIGNATURE;
  }

  /** The signature of every code location: tests assert it never reaches a log. */
  public static final String PRESIGNED_SIGNATURE = "presignedSignatureNeverToBeLogged0123";

  private void serveCode(HttpExchange exchange, String path) throws IOException {
    String[] parts = path.substring(CODE_PATH.length()).split("/");
    calls.incrementAndGet();
    callsByOperation.computeIfAbsent("DownloadCode", k -> new AtomicLong()).incrementAndGet();
    byte[] zip = null;
    if (parts.length == 2) {
      String codeSha256 =
          Base64.getEncoder().encodeToString(Base64.getUrlDecoder().decode(parts[1]));
      zip = region(parts[0]).code.get(codeSha256);
    }
    String query = exchange.getRequestURI().getRawQuery();
    if (zip == null || query == null || !query.contains("X-Amz-Signature=" + PRESIGNED_SIGNATURE)) {
      requestLog.add((parts.length > 0 ? parts[0] : "?") + " DownloadCode 403");
      byte[] denied =
          "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>"
              .getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(403, denied.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(denied);
      }
      return;
    }
    requestLog.add(parts[0] + " DownloadCode 200");
    exchange.getResponseHeaders().add("Content-Type", "application/zip");
    exchange.sendResponseHeaders(200, zip.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(zip);
    }
  }

  // ---------------------------------------------------------------- helpers

  private static int send(HttpExchange exchange, int status, String type, String message)
      throws IOException {
    exchange.getResponseHeaders().add("X-Amzn-ErrorType", type);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("Type", status >= 500 ? "Service" : "User");
    body.put("Message", message);
    return sendJson(exchange, status, body);
  }

  /** A request body as maps, lists, strings, numbers and booleans; an empty body is {}. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(String text) throws JsonProcessingException {
    return text.isBlank() ? new LinkedHashMap<>() : JSON.readValue(text, LinkedHashMap.class);
  }

  private static int sendJson(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.getResponseHeaders().add("x-amzn-RequestId", "req-" + System.nanoTime());
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
    return status;
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> out = new LinkedHashMap<>();
    String raw = uri.getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      out.put(
          decode(eq < 0 ? pair : pair.substring(0, eq)),
          eq < 0 ? "" : decode(pair.substring(eq + 1)));
    }
    return out;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static String layerName(String nameOrArn) {
    int at = nameOrArn.indexOf(":layer:");
    return at < 0 ? nameOrArn : nameOrArn.substring(at + 7).split(":")[0];
  }

  private static String functionArn(String region, String name) {
    return "arn:aws:lambda:" + region + ":" + ACCOUNT + ":function:" + name;
  }

  private static Long unzippedSize(byte[] zip) {
    long total = 0;
    int entries = 0;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        entries++;
        total += in.transferTo(OutputStream.nullOutputStream());
      }
    } catch (IOException e) {
      return null;
    }
    return entries == 0 && zip.length > 22 ? null : total;
  }

  static String base64Sha256(byte[] bytes) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String md5(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private RegionState region(String name) {
    return regions.computeIfAbsent(name, RegionState::new);
  }

  private record Fault(String operation, String kind, AtomicInteger remaining) {}

  private record Trigger(String operation, int nth, Runnable action) {}

  private static final class Request {
    final HttpExchange exchange;
    final String region;
    final String path;
    final Map<String, String> query;
    final byte[] body;
    String operation;
    int status;
    boolean loseAnswer;

    Request(
        HttpExchange exchange, String region, String path, Map<String, String> query, byte[] body) {
      this.exchange = exchange;
      this.region = region;
      this.path = path;
      this.query = query;
      this.body = body;
    }

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private static final class RegionState {
    final String name;
    final Map<String, Map<Long, LayerVersion>> layers = new ConcurrentHashMap<>();
    final Map<String, AtomicLong> nextVersion = new ConcurrentHashMap<>();
    final Map<String, Fn> functions = new ConcurrentHashMap<>();
    final java.util.Set<String> buckets = ConcurrentHashMap.newKeySet();
    final Map<String, byte[]> objects = new ConcurrentHashMap<>();

    /** Every zip uploaded as layer content or function code, by its CodeSha256. */
    final Map<String, byte[]> code = new ConcurrentHashMap<>();

    final Map<String, Map<Integer, byte[]>> uploads = new ConcurrentHashMap<>();
    final AtomicInteger uploadIds = new AtomicInteger();

    RegionState(String name) {
      this.name = name;
    }

    Map<Long, LayerVersion> layerVersions(String layer) {
      return layers.computeIfAbsent(layer, k -> new ConcurrentHashMap<>());
    }

    LayerVersion publish(
        String layer,
        byte[] zip,
        String description,
        List<String> runtimes,
        List<String> architectures,
        String license) {
      long version = nextVersion.computeIfAbsent(layer, k -> new AtomicLong()).incrementAndGet();
      LayerVersion v = new LayerVersion();
      v.layerArn = "arn:aws:lambda:" + name + ":" + ACCOUNT + ":layer:" + layer;
      v.arn = v.layerArn + ":" + version;
      v.version = version;
      v.description = description;
      v.runtimes = runtimes;
      v.architectures = architectures;
      v.license = license;
      v.codeSha256 = base64Sha256(zip);
      code.put(v.codeSha256, zip);
      v.codeSize = zip.length;
      Long unzipped = unzippedSize(zip);
      v.unzipped = unzipped == null ? zip.length : unzipped;
      layerVersions(layer).put(version, v);
      return v;
    }

    LayerVersion layerByArn(String arn) {
      int at = arn.lastIndexOf(':');
      String layer = layerName(arn.substring(0, at));
      if (!arn.startsWith("arn:aws:lambda:" + name + ":")) {
        return null;
      }
      return layerVersions(layer).get(Long.parseLong(arn.substring(at + 1)));
    }
  }

  private static final class LayerVersion {
    String layerArn;
    String arn;
    long version;
    String description;
    List<String> runtimes;
    List<String> architectures;
    String license;
    String codeSha256;
    long codeSize;
    long unzipped;
    final String created = Instant.now().toString().replace("Z", "+0000");
    final Map<String, Object> statements = new ConcurrentHashMap<>();

    Map<String, Object> describe(boolean full) {
      Map<String, Object> out = new LinkedHashMap<>();
      if (full) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("Location", "https://example.invalid/" + version);
        content.put("CodeSha256", codeSha256);
        content.put("CodeSize", codeSize);
        out.put("Content", content);
        out.put("LayerArn", layerArn);
      }
      out.put("LayerVersionArn", arn);
      out.put("Version", version);
      out.put("Description", description);
      out.put("CreatedDate", created);
      out.put("CompatibleRuntimes", runtimes);
      if (license != null) {
        out.put("LicenseInfo", license);
      }
      out.put("CompatibleArchitectures", architectures);
      return out;
    }
  }

  /** A published function version: its code and its own layer list, frozen. */
  private record FnVersion(
      String codeSha256, long codeSize, List<String> layers, String snapStart) {}

  private static final class Fn {
    final String name;
    String codeSha256;
    long codeSize;
    long unzipped;
    List<String> layers = List.of();
    String runtime = "java21";
    String snapStart = "None";

    /** Per published version number, the reads left before SnapStart's optimization ends. */
    final Map<Integer, Integer> versionPending = new ConcurrentHashMap<>();

    String status = "Successful";
    String statusReason;
    int pendingPolls;
    int revision;
    final List<FnVersion> versions = new ArrayList<>();
    final Map<String, String> aliases = new ConcurrentHashMap<>();
    final Map<String, Map<String, Double>> routing = new ConcurrentHashMap<>();

    Fn(String name) {
      this.name = name;
    }

    void observe(FakeAwsServer server) {
      if ("InProgress".equals(status)) {
        if (pendingPolls > 0) {
          pendingPolls--;
        } else if (server.failNextUpdateReason != null) {
          status = "Failed";
          statusReason = server.failNextUpdateReason;
          server.failNextUpdateReason = null;
        } else {
          status = "Successful";
        }
      }
    }

    /** Like Lambda: nothing changed since the last version, so no new version is made. */
    void publishVersion() {
      FnVersion snapshot = new FnVersion(codeSha256, codeSize, layers, snapStart);
      if (versions.isEmpty() || !versions.get(versions.size() - 1).equals(snapshot)) {
        versions.add(snapshot);
      }
    }

    Map<String, Object> versionConfiguration(String region, String version) {
      FnVersion v = versions.get(Integer.parseInt(version) - 1);
      Map<String, Object> out = configuration(region);
      out.put("FunctionArn", functionArn(region, name) + ":" + version);
      out.put("CodeSha256", v.codeSha256());
      out.put("CodeSize", v.codeSize());
      List<Object> layerList = new ArrayList<>();
      for (String arn : v.layers()) {
        layerList.add(Map.of("Arn", arn));
      }
      out.put("Layers", layerList);
      out.put("LastUpdateStatus", "Successful");
      out.remove("LastUpdateStatusReason");
      out.put("Version", version);
      boolean pending = versionPending.getOrDefault(Integer.parseInt(version), 0) > 0;
      out.put("SnapStart", snapStart(v.snapStart(), pending ? "Off" : "On"));
      if (pending) {
        out.put("State", "Pending");
        out.put("StateReason", "Lambda is optimizing this version with SnapStart.");
        out.put("StateReasonCode", "Creating");
      }
      return out;
    }

    static Map<String, Object> snapStart(String applyOn, String optimized) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("ApplyOn", applyOn);
      out.put("OptimizationStatus", applyOn.equals("PublishedVersions") ? optimized : "Off");
      return out;
    }

    Map<String, Object> alias(String region, String alias) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("AliasArn", functionArn(region, name) + ":" + alias);
      out.put("Name", alias);
      out.put("FunctionVersion", aliases.get(alias));
      Map<String, Double> weights = routing.get(alias);
      if (weights != null) {
        out.put("RoutingConfig", Map.of("AdditionalVersionWeights", weights));
      }
      return out;
    }

    Map<String, Object> configuration(String region) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("FunctionName", name);
      out.put("FunctionArn", functionArn(region, name));
      out.put("Runtime", runtime);
      out.put("CodeSha256", codeSha256);
      out.put("CodeSize", codeSize);
      List<Object> layerList = new ArrayList<>();
      for (String arn : layers) {
        layerList.add(Map.of("Arn", arn));
      }
      out.put("Layers", layerList);
      out.put("State", "Active");
      // $LATEST is never optimized: SnapStart applies to published versions only.
      out.put("SnapStart", snapStart(snapStart, "Off"));
      out.put("LastUpdateStatus", status);
      if (statusReason != null) {
        out.put("LastUpdateStatusReason", statusReason);
      }
      out.put("Version", "$LATEST");
      out.put("RevisionId", "rev-" + revision);
      return out;
    }
  }
}
