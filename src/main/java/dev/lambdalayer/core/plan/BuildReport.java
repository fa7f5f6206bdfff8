package dev.lambdalayer.core.plan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdalayer.core.json.JsonFormat;
import dev.lambdalayer.core.model.AtomicFiles;
import dev.lambdalayer.core.model.Coordinates;
import dev.lambdalayer.core.model.ResolvedArtifact;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Writes {@code build.json}: per zip its file, sizes, hashes and libraries, for other tools. */
public final class BuildReport {

  private BuildReport() {}

  public static void write(PackagingRequest request, PackagingResult result, Path target)
      throws IOException {
    ObjectNode root = JsonFormat.object();
    root.put("reportVersion", 1);
    root.put("project", request.graph().project().toString());
    root.put("outputTimestamp", request.timestamp().toString());
    root.put("layerTimestamp", PackagingRequest.LAYER_TIMESTAMP.toString());
    root.set("runtimes", JsonFormat.strings(request.runtimes()));
    root.set("architectures", JsonFormat.strings(request.architectures()));
    ArrayNode layers = root.putArray("layers");
    result.layers().forEach(z -> layers.add(zip(z, request, "java/lib/")));
    root.set("function", zip(result.function(), request, "lib/"));
    ArrayNode shared = root.putArray("sharedLayers");
    result.sharedLayerZips().forEach(z -> shared.add(zip(z, request, "java/lib/")));
    // The order Lambda merges the layers in, shared ones included, for lambda:classpath.
    ArrayNode classPathLayers = root.putArray("classPathLayers");
    for (BuiltZip layer : result.layersInMergeOrder(request.shared().first())) {
      ObjectNode entry = classPathLayers.addObject();
      entry.put("name", result.layerLabel(layer));
      entry.put("file", relative(request.outputDirectory(), layer.zip().file()));
    }
    ArrayNode provided = root.putArray("runtimeProvided");
    result.plan().runtimeProvided().forEach(a -> provided.add(library(a, request, "")));
    root.put("fatZipBytes", result.fatZipBytes());
    root.set("warnings", JsonFormat.strings(result.warnings()));
    AtomicFiles.write(target, JsonFormat.write(root).getBytes(StandardCharsets.UTF_8));
  }

  private static ObjectNode zip(BuiltZip built, PackagingRequest request, String dir) {
    ObjectNode zip = JsonFormat.object();
    zip.put("name", built.name());
    zip.put("file", relative(request.outputDirectory(), built.zip().file()));
    zip.put("jars", built.libraries().size());
    zip.put("files", built.zip().fileCount());
    zip.put("zippedBytes", built.zip().zippedBytes());
    zip.put("unzippedBytes", built.zip().unzippedBytes());
    zip.put("sha256", built.zip().sha256());
    zip.put("codeSha256", built.zip().codeSha256());
    zip.put("needsS3", built.needsS3());
    ArrayNode libraries = zip.putArray("libraries");
    built.libraries().forEach(a -> libraries.add(library(a, request, dir)));
    return zip;
  }

  private static ObjectNode library(
      ResolvedArtifact artifact, PackagingRequest request, String dir) {
    ObjectNode library = JsonFormat.object();
    Coordinates c = artifact.coordinates();
    library.put("groupId", c.groupId());
    library.put("artifactId", c.artifactId());
    library.put("version", c.version());
    if (!c.classifier().isEmpty()) {
      library.put("classifier", c.classifier());
    }
    if (!dir.isEmpty()) {
      library.put("entry", dir + c.fileName());
    }
    library.put("scope", artifact.scope());
    library.put("size", artifact.size());
    library.put("sha256", artifact.sha256());
    library.set(
        "via", JsonFormat.strings(artifact.via().stream().map(Coordinates::toString).toList()));
    return library;
  }

  private static String relative(Path base, Path file) {
    return base.toAbsolutePath().relativize(file.toAbsolutePath()).toString().replace('\\', '/');
  }
}
