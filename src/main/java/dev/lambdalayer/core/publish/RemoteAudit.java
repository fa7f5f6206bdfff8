package dev.lambdalayer.core.publish;

import dev.lambdalayer.core.classpath.BuildReportReader;
import dev.lambdalayer.core.lock.AuditReport;
import dev.lambdalayer.core.lock.AuditReport.Check;
import dev.lambdalayer.core.lock.AuditReport.Finding;
import dev.lambdalayer.core.lock.AuditReport.Kind;
import dev.lambdalayer.core.lock.AuditReport.Severity;
import dev.lambdalayer.core.lock.AuditReport.Subject;
import dev.lambdalayer.core.model.Arns;
import dev.lambdalayer.core.model.Hashes;
import dev.lambdalayer.core.model.Lockfile;
import dev.lambdalayer.core.plan.LayerDescriptor;
import dev.lambdalayer.core.plan.SharedLayer;
import dev.lambdalayer.core.plan.SharedLayerSettings;
import dev.lambdalayer.core.port.AwsCallException;
import dev.lambdalayer.core.port.FunctionReader;
import dev.lambdalayer.core.port.LayerVersionInfo;
import dev.lambdalayer.core.port.LayerVersionReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Compares the lockfile with what AWS holds: every locked {@code published} layer version against
 * {@code GetLayerVersion} ({@link Check#REMOTE_LAYERS}), and a deployed function's layer list and
 * code against the lockfile and the function zip just built ({@link Check#REMOTE_FUNCTION}).
 *
 * <p>A layer version that no longer exists is an {@link Severity#ERROR}: a function that references
 * it can no longer be deployed or updated. Other differences are {@link Severity#DRIFT}. An AWS
 * failure other than "not found" becomes an error finding that names the operation, so the report
 * is still written; missing credentials or region are thrown, as every other call would fail too.
 */
public final class RemoteAudit {

  /**
   * A function to compare.
   *
   * @param function its name or ARN
   * @param regions where it is deployed
   * @param codeSha256 the base64 {@code CodeSha256} of the function zip built for it, or null when
   *     none was built (the code is then not compared)
   * @param zipName the zip's name, for messages; null with {@code codeSha256}
   */
  public record FunctionTarget(
      String function, List<String> regions, String codeSha256, String zipName) {

    public FunctionTarget {
      regions = List.copyOf(regions);
    }

    /**
     * A target whose code is compared with the function zip that {@code buildJson} names, when the
     * build wrote one; else the code is not compared.
     */
    public static FunctionTarget fromBuild(String function, List<String> regions, Path buildJson)
        throws IOException {
      if (!Files.isRegularFile(buildJson)) {
        return new FunctionTarget(function, regions, null, null);
      }
      Path zip = BuildReportReader.read(buildJson).functionZip();
      if (!Files.isRegularFile(zip)) {
        return new FunctionTarget(function, regions, null, null);
      }
      MessageDigest digest = Hashes.sha256();
      try (InputStream in = new DigestInputStream(Files.newInputStream(zip), digest)) {
        in.transferTo(OutputStream.nullOutputStream());
      }
      return new FunctionTarget(
          function,
          regions,
          Base64.getEncoder().encodeToString(digest.digest()),
          zip.getFileName().toString());
    }
  }

  private final LayerVersionReader layers;
  private final FunctionReader functions;
  private final List<Subject> subjects = new ArrayList<>();
  private final List<Finding> findings = new ArrayList<>();

  /**
   * Read-only ports only: an audit must not be able to change what it audits.
   *
   * @param functions may be null when no function is compared
   */
  public RemoteAudit(LayerVersionReader layers, FunctionReader functions) {
    this.layers = layers;
    this.functions = functions;
  }

  /** {@code local} with the remote checks and findings added. */
  public AuditReport audit(AuditReport local, Lockfile locked, FunctionTarget function) {
    return audit(local, locked, function, List.of());
  }

  /**
   * {@code local} with the remote checks and findings added, the shared layers' versions included
   * ({@link Check#REMOTE_SHARED_LAYERS}).
   *
   * @param shared the shared layers' versions, as their descriptors name them (see {@link
   *     #sharedLayerVersions})
   */
  public AuditReport audit(
      AuditReport local,
      Lockfile locked,
      FunctionTarget function,
      List<AttachedLayerVerifier.AttachedLayer> shared) {
    checkShared(shared);
    for (Lockfile.Layer layer : locked.layers()) {
      subjects.add(new Subject(Kind.LAYER, layer.name(), List.of(Check.REMOTE_LAYERS)));
      for (Lockfile.Published published : layer.published()) {
        checkLayerVersion(layer, published);
      }
    }
    if (function != null) {
      subjects.add(new Subject(Kind.FUNCTION, function.function(), List.of(Check.REMOTE_FUNCTION)));
      for (String region : function.regions()) {
        checkFunction(locked, function, region);
      }
    }
    return local.with(subjects, findings);
  }

  /**
   * The versions the shared layers' descriptors name, in {@code regions} (all of them when none is
   * given), each expected to hold what its descriptor records.
   */
  public static List<AttachedLayerVerifier.AttachedLayer> sharedLayerVersions(
      SharedLayerSettings shared, List<String> regions) {
    List<AttachedLayerVerifier.AttachedLayer> out = new ArrayList<>();
    for (SharedLayer layer : shared.layers()) {
      LayerDescriptor d = layer.descriptor();
      for (Lockfile.Published p : d.published()) {
        if (regions.isEmpty() || regions.contains(p.region())) {
          out.add(
              new AttachedLayerVerifier.AttachedLayer(
                  d.name(),
                  p.region(),
                  p.layerVersionArn(),
                  d.codeSha256(),
                  AttachedLayerVerifier.Origin.SHARED,
                  "the descriptor of shared layer " + layer.reference()));
        }
      }
    }
    return out;
  }

  /** A missing version is an error (nothing can be deployed with it), other content drift. */
  private void checkShared(List<AttachedLayerVerifier.AttachedLayer> shared) {
    AttachedLayerVerifier verifier = new AttachedLayerVerifier(layers);
    java.util.Set<String> names = new java.util.LinkedHashSet<>();
    for (AttachedLayerVerifier.AttachedLayer layer : shared) {
      if (names.add(layer.layerName())) {
        subjects.add(
            new Subject(Kind.LAYER, layer.layerName(), List.of(Check.REMOTE_SHARED_LAYERS)));
      }
      List<AttachedLayerVerifier.Mismatch> mismatches;
      try {
        mismatches = verifier.verify(List.of(layer));
      } catch (AwsCallException e) {
        failed(Check.REMOTE_SHARED_LAYERS, Kind.LAYER, layer.layerName(), e);
        continue;
      }
      for (AttachedLayerVerifier.Mismatch m : mismatches) {
        findings.add(
            new Finding(
                Check.REMOTE_SHARED_LAYERS,
                Kind.LAYER,
                layer.layerName(),
                m.missing() ? Severity.ERROR : Severity.DRIFT,
                m.message()));
      }
    }
  }

  private void checkLayerVersion(Lockfile.Layer layer, Lockfile.Published published) {
    String where =
        "version "
            + published.version()
            + " of layer '"
            + layer.name()
            + "' in "
            + published.region()
            + " ("
            + published.layerVersionArn()
            + ")";
    // By ARN, not name: a version published in another account is looked up where it lives.
    String layerRef =
        published.layerVersionArn() == null || published.layerVersionArn().isBlank()
            ? layer.name()
            : Arns.withoutVersion(published.layerVersionArn());
    Optional<LayerVersionInfo> remote;
    try {
      remote = layers.getLayerVersion(published.region(), layerRef, published.version());
    } catch (AwsCallException e) {
      failed(Check.REMOTE_LAYERS, Kind.LAYER, layer.name(), e);
      return;
    }
    if (remote.isEmpty()) {
      findings.add(
          new Finding(
              Check.REMOTE_LAYERS,
              Kind.LAYER,
              layer.name(),
              Severity.ERROR,
              where
                  + " no longer exists (GetLayerVersion: not found): a function that references"
                  + " it can no longer be deployed or updated"));
      return;
    }
    String expected = published.codeSha256() != null ? published.codeSha256() : layer.codeSha256();
    String actual = remote.get().codeSha256();
    if (expected != null && !expected.equals(actual)) {
      drift(
          Check.REMOTE_LAYERS,
          Kind.LAYER,
          layer.name(),
          where
              + " has CodeSha256 "
              + actual
              + ", the lockfile records "
              + expected
              + ": the version holds other content than the locked one");
    }
  }

  private void checkFunction(Lockfile locked, FunctionTarget target, String region) {
    String name = target.function();
    FunctionReader.FunctionState state;
    try {
      state = functions.getFunction(region, name);
    } catch (AwsCallException e) {
      if (e.kind() == AwsCallException.Kind.NOT_FOUND) {
        findings.add(
            new Finding(
                Check.REMOTE_FUNCTION,
                Kind.FUNCTION,
                name,
                Severity.ERROR,
                "function '" + name + "' does not exist in " + region));
      } else {
        failed(Check.REMOTE_FUNCTION, Kind.FUNCTION, name, e);
      }
      return;
    }
    String account = Arns.account(state.functionArn() == null ? "" : state.functionArn());
    // The function's layers by layer ARN (without version), to find each locked layer in place.
    Map<String, String> referenced = new LinkedHashMap<>();
    for (String arn : state.layerArns()) {
      referenced.put(Arns.withoutVersion(arn), arn);
    }
    // The locked layers the function references, in lockfile order, by layer ARN (no version).
    Map<String, String> lockedOrder = new LinkedHashMap<>();
    for (Lockfile.Layer layer : locked.layers()) {
      Optional<Lockfile.Published> record =
          layer.published().stream()
              .filter(p -> p.region().equals(region))
              .filter(p -> account.isEmpty() || p.account().equals(account))
              .findFirst()
              .or(
                  () ->
                      layer.published().stream()
                          .filter(p -> p.region().equals(region))
                          .findFirst());
      if (record.isEmpty()) {
        drift(
            Check.REMOTE_FUNCTION,
            Kind.FUNCTION,
            name,
            region
                + ": layer '"
                + layer.name()
                + "' has no published version in "
                + region
                + " in the lockfile, so the function cannot reference a locked one (publish it"
                + " first)");
        continue;
      }
      String lockedArn = record.get().layerVersionArn();
      String actual = referenced.get(Arns.withoutVersion(lockedArn));
      if (actual != null) {
        lockedOrder.put(Arns.withoutVersion(lockedArn), layer.name());
      }
      if (actual == null) {
        drift(
            Check.REMOTE_FUNCTION,
            Kind.FUNCTION,
            name,
            region
                + ": the function does not reference layer '"
                + layer.name()
                + "' (locked: "
                + lockedArn
                + ")");
      } else if (!actual.equals(lockedArn)) {
        drift(
            Check.REMOTE_FUNCTION,
            Kind.FUNCTION,
            name,
            region
                + ": the function references "
                + actual
                + ", the lockfile records "
                + lockedArn
                + " for layer '"
                + layer.name()
                + "'");
      }
    }
    checkOrder(name, region, lockedOrder, referenced.keySet());
    if (target.codeSha256() != null && !target.codeSha256().equals(state.codeSha256())) {
      drift(
          Check.REMOTE_FUNCTION,
          Kind.FUNCTION,
          name,
          region
              + ": the function's CodeSha256 is "
              + state.codeSha256()
              + ", the function zip "
              + target.zipName()
              + " built now has "
              + target.codeSha256()
              + ": the deployed code is not this build's");
    }
  }

  /**
   * Lambda extracts the layers into one {@code /opt} in the order of the function's list, so a
   * later layer overwrites an earlier one's files: the same layers in another order are another
   * class path. Only the locked layers' relative order counts; layers this project does not lock
   * may sit anywhere.
   *
   * @param locked the locked layers the function references, layer ARN to name, in lockfile order
   * @param functionLayers the function's layer ARNs (no version), in the function's order
   */
  private void checkOrder(
      String function,
      String region,
      Map<String, String> locked,
      Collection<String> functionLayers) {
    List<String> expected = new ArrayList<>(locked.values());
    List<String> actual =
        functionLayers.stream().filter(locked::containsKey).map(locked::get).toList();
    if (!expected.equals(actual)) {
      drift(
          Check.REMOTE_FUNCTION,
          Kind.FUNCTION,
          function,
          region
              + ": the function's layers are in the order "
              + quoted(actual)
              + ", the lockfile's order is "
              + quoted(expected)
              + ": Lambda extracts later layers over earlier ones, so files both hold come from"
              + " another layer than tested; publish the function again to restore the order");
    }
  }

  private static String quoted(List<String> names) {
    return names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
  }

  private void failed(Check check, Kind kind, String subject, AwsCallException e) {
    if (e.kind() == AwsCallException.Kind.CREDENTIALS || e.kind() == AwsCallException.Kind.REGION) {
      throw e;
    }
    findings.add(
        new Finding(
            check, kind, subject, Severity.ERROR, "could not be checked: " + e.getMessage()));
  }

  private void drift(Check check, Kind kind, String subject, String message) {
    findings.add(new Finding(check, kind, subject, Severity.DRIFT, message));
  }
}
