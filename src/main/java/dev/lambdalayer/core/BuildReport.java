package dev.lambdalayer.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes {@code build.json}: per zip its file, sizes, hashes and libraries, for other tools. */
public final class BuildReport {

  private BuildReport() {}

  public static void write(PackagingRequest request, PackagingResult result, Path target)
      throws IOException {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("reportVersion", 1);
    root.put("project", request.graph().project().toString());
    root.put("outputTimestamp", request.timestamp().toString());
    root.put("layerTimestamp", PackagingRequest.LAYER_TIMESTAMP.toString());
    root.put("runtimes", request.runtimes());
    root.put("architectures", request.architectures());
    root.put("layers", result.layers().stream().map(z -> zip(z, request, "java/lib/")).toList());
    root.put("function", zip(result.function(), request, "lib/"));
    root.put(
        "sharedLayers",
        result.sharedLayerZips().stream().map(z -> zip(z, request, "java/lib/")).toList());
    // The order Lambda merges the layers in, shared ones included, for lambda:classpath.
    root.put(
        "classPathLayers",
        ClassPathInput.of(request, result).layers().stream()
            .map(
                layer -> {
                  Map<String, Object> entry = new LinkedHashMap<>();
                  entry.put("name", layer.name());
                  entry.put("file", relative(request.outputDirectory(), layer.file()));
                  return entry;
                })
            .toList());
    root.put(
        "runtimeProvided",
        result.plan().runtimeProvided().stream().map(a -> library(a, request, "")).toList());
    root.put("fatZipBytes", result.fatZipBytes());
    root.put("warnings", result.warnings());
    AtomicFiles.write(target, Json.write(root).getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, Object> zip(BuiltZip built, PackagingRequest request, String dir) {
    Map<String, Object> zip = new LinkedHashMap<>();
    zip.put("name", built.name());
    zip.put("file", relative(request.outputDirectory(), built.zip().file()));
    zip.put("jars", built.libraries().size());
    zip.put("files", built.zip().fileCount());
    zip.put("zippedBytes", built.zip().zippedBytes());
    zip.put("unzippedBytes", built.zip().unzippedBytes());
    zip.put("sha256", built.zip().sha256());
    zip.put("codeSha256", built.zip().codeSha256());
    zip.put("needsS3", built.needsS3());
    zip.put("libraries", built.libraries().stream().map(a -> library(a, request, dir)).toList());
    return zip;
  }

  private static Map<String, Object> library(
      ResolvedArtifact artifact, PackagingRequest request, String dir) {
    Map<String, Object> library = new LinkedHashMap<>();
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
    List<String> path = artifact.via().stream().map(Coordinates::toString).toList();
    library.put("via", path);
    return library;
  }

  private static String relative(Path base, Path file) {
    return base.toAbsolutePath().relativize(file.toAbsolutePath()).toString().replace('\\', '/');
  }
}
