package dev.lambdalayer.core.job;

import dev.lambdalayer.core.classpath.ClassPathCheck;
import dev.lambdalayer.core.classpath.ClassPathInput;
import dev.lambdalayer.core.classpath.ClassPathReport;
import dev.lambdalayer.core.classpath.ClassPathSettings;
import dev.lambdalayer.core.lock.AuditReport;
import dev.lambdalayer.core.lock.LayerDescriptorCodec;
import dev.lambdalayer.core.lock.LockfileCodec;
import dev.lambdalayer.core.lock.LockfileService;
import dev.lambdalayer.core.model.FileDigestCache;
import dev.lambdalayer.core.plan.BuildReport;
import dev.lambdalayer.core.plan.LambdaPackager;
import dev.lambdalayer.core.plan.LayerDescriptor;
import dev.lambdalayer.core.plan.PackagingRequest;
import dev.lambdalayer.core.plan.PackagingResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The core of {@code lambda:layer}: packages the zips, writes {@code build.json} (or, for a layer
 * project, the layer descriptor), compares the zips with the lockfile, and runs the class-path
 * check. The caller renders the outcome; drift is reported, never fatal here (that is {@code
 * lambda:audit}'s job), and a lockfile that cannot be read fails.
 */
public final class LayerJob {

  /**
   * What to do.
   *
   * @param lockfile the committed lockfile to compare with; it need not exist
   * @param lockfileName the lockfile as the user knows it, for messages
   * @param classPath the class-path check's settings; null skips the check
   * @param layerProject the coordinates {@code groupId:artifactId:version} of a layer project,
   *     whose one layer and descriptor are built instead of a function; null for a function project
   * @param descriptorFile where a layer project's descriptor is written
   */
  public record Request(
      PackagingRequest packaging,
      Path lockfile,
      String lockfileName,
      ClassPathSettings classPath,
      String layerProject,
      Path descriptorFile) {}

  /**
   * What was done.
   *
   * @param drift the lockfile comparison, empty without a lockfile
   * @param classPath the class-path report, null when skipped or for a layer project
   * @param descriptor a layer project's descriptor, null for a function project
   * @param packagingNanos the time spent planning and writing the zips and reports
   */
  public record Outcome(
      PackagingResult result,
      Optional<AuditReport> drift,
      ClassPathReport classPath,
      LayerDescriptor descriptor,
      long packagingNanos) {}

  private final FileDigestCache digests;

  public LayerJob(FileDigestCache digests) {
    this.digests = digests;
  }

  public Outcome run(Request request) throws IOException {
    long start = System.nanoTime();
    PackagingRequest packaging = request.packaging();
    LambdaPackager packager = new LambdaPackager(digests);
    if (request.layerProject() != null) {
      PackagingResult result = packager.buildLayerProject(packaging);
      LayerDescriptor descriptor =
          writeDescriptor(
              request.layerProject(),
              packaging,
              result,
              request.lockfile(),
              request.descriptorFile());
      return new Outcome(
          result, drift(request, result), null, descriptor, System.nanoTime() - start);
    }
    PackagingResult result = packager.build(packaging);
    BuildReport.write(packaging, result, packaging.outputDirectory().resolve("build.json"));
    long packaged = System.nanoTime() - start;
    Optional<AuditReport> drift = drift(request, result);
    ClassPathReport classPath = null;
    if (request.classPath() != null) {
      classPath = ClassPathCheck.run(ClassPathInput.of(packaging, result), request.classPath());
      classPath.write(packaging.outputDirectory().resolve("classpath.json"));
    }
    return new Outcome(result, drift, classPath, null, packaged);
  }

  /**
   * Writes a layer project's descriptor with the published versions the lockfile records for the
   * layer's content, so any later {@code lambda:layer} run (e.g. in {@code install}) keeps them.
   */
  public static LayerDescriptor writeDescriptor(
      String layerProject,
      PackagingRequest packaging,
      PackagingResult result,
      Path lockfile,
      Path descriptorFile)
      throws IOException {
    LayerDescriptor descriptor =
        LayerDescriptor.of(
            layerProject,
            result.layers().get(0),
            packaging.runtimes(),
            packaging.architectures(),
            LockfileCodec.read(lockfile));
    LayerDescriptorCodec.write(descriptor, descriptorFile);
    return descriptor;
  }

  private static Optional<AuditReport> drift(Request request, PackagingResult result)
      throws IOException {
    Optional<AuditReport> report =
        LockfileService.check(
            request.packaging(), result, request.lockfile(), request.lockfileName());
    return report.filter(r -> !r.clean());
  }
}
