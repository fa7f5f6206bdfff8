package dev.lambdalayer.maven;

import dev.lambdalayer.core.lock.AuditReport;
import dev.lambdalayer.core.lock.LockfileService;
import dev.lambdalayer.core.model.FileDigestCache;
import dev.lambdalayer.core.model.Lockfile;
import dev.lambdalayer.core.model.Plural;
import dev.lambdalayer.core.plan.PackagingRequest;
import java.io.IOException;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Writes the lockfile ({@code lambda-layers.lock.json} next to the pom) from the current dependency
 * graph and layer rules: per layer its libraries with their SHA-256 and size, the layer's content
 * hash (SHA-256 hex and Lambda's base64 {@code CodeSha256}), runtimes and architectures, and the
 * function's libraries. Refreshing keeps the {@code published} records of every layer whose content
 * did not change. No zip is written.
 *
 * <p>Run it to accept an intended change that {@code lambda:audit} reports, then commit the file. A
 * lockfile that cannot be read is never overwritten: restore it, or delete it first.
 *
 * @since 0.1.0
 */
@Mojo(name = "lock", threadSafe = true, requiresDependencyResolution = ResolutionScope.RUNTIME)
public class LockMojo extends AbstractPackagingMojo {

  @Inject
  public LockMojo(RuntimeGraphResolver resolver) {
    super(resolver);
  }

  @Override
  protected void doExecute() throws MojoExecutionException, IOException {
    long start = System.nanoTime();
    // Hash every jar afresh: the lockfile records what the files hold now, not what a cache says.
    FileDigestCache digests = FileDigestCache.load(null);
    PackagingRequest request = packagingRequest(digests, null);
    LockfileService.LockResult result =
        new LockfileService(digests).lock(request, lockfile.toPath(), lockfileName());
    Lockfile written = result.lockfile();
    String counts =
        Plural.of(written.layers().size(), "layer", "layers")
            + ", "
            + Plural.of(
                written.layers().stream().mapToInt(l -> l.libraries().size()).sum(),
                "layer library",
                "layer libraries")
            + ", "
            + Plural.of(
                written.function().libraries().size(), "function library", "function libraries");
    if (result.created()) {
      getLog().info("Wrote " + lockfileName() + ": " + counts + ". Commit it.");
    } else if (!result.changed()) {
      getLog().info(lockfileName() + " is up to date: " + counts + ".");
    } else {
      getLog().info("Updated " + lockfileName() + ": " + counts + ". Commit it. Changes:");
      result
          .changes()
          .map(AuditReport::findings)
          .ifPresent(
              findings ->
                  findings.forEach(
                      f -> {
                        String line = "  " + f.kind().id() + " " + f.subject() + ": " + f.message();
                        // New bytes under locked coordinates: accepted now, but never silently.
                        if (f.check() == AuditReport.Check.INTEGRITY) {
                          getLog().warn(line);
                        } else {
                          getLog().info(line);
                        }
                      }));
    }
    written.layers().forEach(l -> getLog().info("  layer " + l.name() + "  sha256 " + l.sha256()));
    getLog().debug("lambda:lock took " + (System.nanoTime() - start) / 1_000_000 + " ms");
  }
}
