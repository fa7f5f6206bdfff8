package dev.lambdalayer.maven;

import dev.lambdalayer.core.lock.LayerDescriptorCodec;
import dev.lambdalayer.core.lock.TrustedAccounts;
import dev.lambdalayer.core.model.Coordinates;
import dev.lambdalayer.core.model.FileDigestCache;
import dev.lambdalayer.core.model.InvalidConfigurationException;
import dev.lambdalayer.core.model.Lockfile;
import dev.lambdalayer.core.model.Setting;
import dev.lambdalayer.core.model.Violation;
import dev.lambdalayer.core.plan.LayerDescriptor;
import dev.lambdalayer.core.plan.SharedLayer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * Loads the layers of {@code <sharedLayers>}: each layer project's descriptor from the Maven
 * repositories, and the jars it holds from the local repository, for the class-path check.
 */
final class SharedLayerLoader {

  private final RuntimeGraphResolver resolver;
  private final MavenSession session;
  private final MavenProject project;
  private final Log log;

  SharedLayerLoader(
      RuntimeGraphResolver resolver, MavenSession session, MavenProject project, Log log) {
    this.resolver = resolver;
    this.session = session;
    this.project = project;
    this.log = log;
  }

  /** One shared layer per reference ({@code groupId:artifactId:version} of a layer project). */
  List<SharedLayer> load(List<String> references, TrustedAccounts trusted, FileDigestCache digests)
      throws MojoExecutionException, IOException {
    List<SharedLayer> out = new ArrayList<>();
    for (String reference : references) {
      String[] parts = reference.split(":");
      if (parts.length != 3 || Arrays.stream(parts).anyMatch(String::isBlank)) {
        throw new InvalidConfigurationException(
            new Violation(
                Setting.SHARED_LAYERS,
                reference,
                "is not groupId:artifactId:version",
                "name the layer project as groupId:artifactId:version, e.g."
                    + " com.acme:platform-layer:1.4.0"));
      }
      SharedLayerBuildOrder.check(session, project, reference, parts);
      Coordinates at =
          new Coordinates(
              parts[0], parts[1], parts[2], LayerDescriptor.CLASSIFIER, LayerDescriptor.TYPE);
      Path file =
          resolver.resolveArtifact(
              session,
              project,
              at,
              "the descriptor of shared layer " + reference,
              "Build and install (or deploy) the layer project first: mvn lambda:layer install in"
                  + " it (with <layerProject>true</layerProject>), and check "
                  + SettingNames.of(Setting.SHARED_LAYERS)
                  + ".");
      LayerDescriptor descriptor = LayerDescriptorCodec.read(file, reference);
      trusted.check(descriptor, reference);
      out.add(new SharedLayer(reference, descriptor, jars(reference, descriptor, digests)));
    }
    return out;
  }

  /**
   * The layer's jars found in the local repository, leaving out a jar whose bytes are not the ones
   * the layer holds: the check would then prove something about another jar.
   */
  private Map<Coordinates, Path> jars(
      String reference, LayerDescriptor descriptor, FileDigestCache digests)
      throws MojoExecutionException, IOException {
    List<Coordinates> wanted =
        descriptor.libraries().stream().map(Lockfile.Library::coordinates).toList();
    Map<Coordinates, Path> jars = new LinkedHashMap<>();
    for (Map.Entry<Coordinates, Path> jar :
        resolver.resolveAvailable(session, project, wanted).entrySet()) {
      String expected =
          descriptor.libraries().stream()
              .filter(l -> l.coordinates().equals(jar.getKey()))
              .map(Lockfile.Library::sha256)
              .findFirst()
              .orElse(null);
      if (expected != null && !expected.equals(digests.digest(jar.getValue()).sha256())) {
        log.warn(
            "Shared layer "
                + reference
                + ": "
                + jar.getKey()
                + " in the local repository is not the jar the layer holds (SHA-256"
                + " differs); the class-path check leaves it out.");
        continue;
      }
      jars.put(jar.getKey(), jar.getValue());
    }
    return jars;
  }
}
