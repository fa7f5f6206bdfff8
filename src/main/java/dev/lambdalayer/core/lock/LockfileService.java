package dev.lambdalayer.core.lock;

import dev.lambdalayer.core.model.AtomicFiles;
import dev.lambdalayer.core.model.Coordinates;
import dev.lambdalayer.core.model.FileDigestCache;
import dev.lambdalayer.core.model.Lockfile;
import dev.lambdalayer.core.model.LockfileException;
import dev.lambdalayer.core.plan.LambdaPackager;
import dev.lambdalayer.core.plan.LayerPlan;
import dev.lambdalayer.core.plan.PackagingRequest;
import dev.lambdalayer.core.plan.PackagingResult;
import dev.lambdalayer.core.plan.PlannedLayer;
import dev.lambdalayer.core.plan.PreparedPackage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the lockfile from the current graph ({@link #lock}) and compares the current graph with it
 * ({@link #audit}, {@link #check}). Neither writes a zip.
 */
public final class LockfileService {

  /** The outcome of {@link #lock}. */
  public record LockResult(
      Lockfile lockfile, boolean created, boolean changed, Optional<AuditReport> changes) {}

  /**
   * The outcome of {@link #audit}: the report, how each layer hash was learnt, and the plan's
   * warnings (version skew, for one), which are not drift from the lockfile but CI should see.
   */
  public record AuditResult(
      AuditReport report,
      Map<LayerContentHasher.Source, Integer> hashSources,
      List<String> warnings) {}

  private final FileDigestCache digests;

  public LockfileService(FileDigestCache digests) {
    this.digests = digests;
  }

  /**
   * Creates or refreshes {@code lockfileFile}; writes it only when its bytes change.
   *
   * @throws LockfileException when the existing file cannot be read: it is never overwritten
   */
  public LockResult lock(PackagingRequest request, Path lockfileFile, String lockfileName)
      throws IOException {
    Optional<Lockfile> previous = LockfileCodec.read(lockfileFile);
    Current current = current(request, new LambdaPackager(digests).prepare(request), previous);
    String text = LockfileCodec.write(current.lockfile());
    boolean changed =
        previous.isEmpty()
            || !Files.isRegularFile(lockfileFile)
            || !text.equals(Files.readString(lockfileFile, StandardCharsets.UTF_8));
    if (changed) {
      AtomicFiles.write(lockfileFile, text.getBytes(StandardCharsets.UTF_8));
    }
    Optional<AuditReport> changes =
        previous.map(p -> DriftAudit.compare(lockfileName, p, current.lockfile(), current.files()));
    digests.save();
    return new LockResult(current.lockfile(), previous.isEmpty(), changed, changes);
  }

  /**
   * Compares the current graph with {@code lockfileFile}.
   *
   * @param missingAdvice the finding's text when there is no lockfile
   * @throws LockfileException when the lockfile cannot be read
   */
  public AuditResult audit(
      PackagingRequest request, Path lockfileFile, String lockfileName, String missingAdvice)
      throws IOException {
    Optional<Lockfile> locked = LockfileCodec.read(lockfileFile);
    PreparedPackage prepared = new LambdaPackager(digests).prepare(request);
    if (locked.isEmpty()) {
      return new AuditResult(
          AuditReport.lockfileProblem(lockfileName, missingAdvice), Map.of(), prepared.warnings());
    }
    Current current = current(request, prepared, locked);
    digests.save();
    return new AuditResult(
        DriftAudit.compare(lockfileName, locked.get(), current.lockfile(), current.files()),
        current.sources(),
        prepared.warnings());
  }

  /**
   * Compares zips just built with {@code lockfileFile}, if there is one: the cheap check {@code
   * lambda:layer} runs, as the hashes are known already.
   *
   * @throws LockfileException when the lockfile cannot be read
   */
  public static Optional<AuditReport> check(
      PackagingRequest request, PackagingResult built, Path lockfileFile, String lockfileName)
      throws IOException {
    Optional<Lockfile> locked = LockfileCodec.read(lockfileFile);
    return locked.map(l -> compare(lockfileName, l, current(request, built, locked), built));
  }

  /**
   * The lockfile that describes zips just built, keeping the {@code published} records of layers
   * whose content did not change since {@code locked}.
   */
  public static Lockfile current(
      PackagingRequest request, PackagingResult built, Optional<Lockfile> locked) {
    Map<String, String> sha256 = new LinkedHashMap<>();
    built.layers().forEach(layer -> sha256.put(layer.name(), layer.zip().sha256()));
    List<PlannedLayer> layers =
        built.layers().stream().map(b -> new PlannedLayer(b.name(), b.libraries())).toList();
    PreparedPackage prepared =
        new PreparedPackage(built.plan(), layers, List.of(), List.of(), List.of());
    return LockfileBuilder.build(request, prepared, sha256, locked);
  }

  /** Drift of zips just built ({@code current}, from {@link #current}) from {@code locked}. */
  public static AuditReport compare(
      String lockfileName, Lockfile locked, Lockfile current, PackagingResult built) {
    return DriftAudit.compare(lockfileName, locked, current, files(built.plan()));
  }

  private record Current(
      Lockfile lockfile,
      Map<Coordinates, Path> files,
      Map<LayerContentHasher.Source, Integer> sources) {}

  private static Current current(
      PackagingRequest request, PreparedPackage prepared, Optional<Lockfile> locked)
      throws IOException {
    LayerContentHasher hasher =
        new LayerContentHasher(PackagingRequest.LAYER_TIMESTAMP, request.outputDirectory());
    Map<String, String> sha256 = new HashMap<>();
    Map<LayerContentHasher.Source, Integer> sources =
        new EnumMap<>(LayerContentHasher.Source.class);
    for (int i = 0; i < prepared.layers().size(); i++) {
      String name = prepared.layers().get(i).name();
      LayerContentHasher.Hashed hashed = hasher.hash(name, prepared.layerInputs().get(i), locked);
      sha256.put(name, hashed.sha256());
      sources.merge(hashed.source(), 1, Integer::sum);
    }
    return new Current(
        LockfileBuilder.build(request, prepared, sha256, locked), files(prepared.plan()), sources);
  }

  private static Map<Coordinates, Path> files(LayerPlan plan) {
    Map<Coordinates, Path> files = new HashMap<>();
    plan.layers().forEach(l -> l.libraries().forEach(a -> files.put(a.coordinates(), a.file())));
    plan.functionLibraries().forEach(a -> files.put(a.coordinates(), a.file()));
    return files;
  }
}
