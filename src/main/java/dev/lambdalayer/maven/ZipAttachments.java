package dev.lambdalayer.maven;

import dev.lambdalayer.core.plan.BuiltZip;
import dev.lambdalayer.core.plan.LayerDescriptor;
import dev.lambdalayer.core.plan.PackagingResult;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Hands the zips {@code lambda:layer} wrote to the rest of the build: project properties ({@code
 * lambda.layer.<name>.sha256}, {@code .codeSha256}, {@code .file}; {@code lambda.function.*}) for
 * later plugins, and attached artifacts (with {@code <attach>}) for {@code install} and {@code
 * deploy}.
 */
final class ZipAttachments {

  private final MavenProject project;
  private final MavenProjectHelper helper;
  private final boolean attach;

  ZipAttachments(MavenProject project, MavenProjectHelper helper, boolean attach) {
    this.project = project;
    this.helper = helper;
    this.attach = attach;
  }

  /** A function project: every layer zip and the function zip. */
  void function(PackagingResult result) {
    result.layers().forEach(this::layer);
    BuiltZip function = result.function();
    put("lambda.function.", function);
    if (attach) {
      helper.attachArtifact(project, "zip", "lambda-function", function.zip().file().toFile());
    }
  }

  /**
   * A layer project: its one layer zip and its descriptor, so that {@code install} and {@code
   * deploy} carry the descriptor to the functions that use the layer.
   */
  void layerProject(PackagingResult result, Path descriptorFile) {
    layer(result.layers().get(0));
    project.getProperties().setProperty("lambda.layer.descriptor", descriptorFile.toString());
    if (attach) {
      helper.attachArtifact(
          project, LayerDescriptor.TYPE, LayerDescriptor.CLASSIFIER, descriptorFile.toFile());
    }
  }

  private void layer(BuiltZip layer) {
    put("lambda.layer." + layer.name() + ".", layer);
    if (attach) {
      helper.attachArtifact(
          project, "zip", "lambda-layer-" + layer.name(), layer.zip().file().toFile());
    }
  }

  private void put(String prefix, BuiltZip zip) {
    Properties properties = project.getProperties();
    properties.setProperty(prefix + "sha256", zip.zip().sha256());
    properties.setProperty(prefix + "codeSha256", zip.zip().codeSha256());
    properties.setProperty(prefix + "file", zip.zip().file().toString());
  }
}
