package dev.lambdalayer.core;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns a dependency graph into layer zips ({@code java/lib/*.jar}) and a slim function zip
 * (classes at the root, remaining jars under {@code lib/}), checking Lambda's limits first and
 * keeping zips whose inputs did not change.
 */
public final class LambdaPackager {

  /** Where Lambda's Java runtime looks for a layer's jars (extracted under /opt). */
  static final String LAYER_DIRECTORY = "java/lib/";

  private final FileDigestCache digests;

  public LambdaPackager(FileDigestCache digests) {
    this.digests = digests;
  }

  /**
   * Plans, checks and writes.
   *
   * @throws InvalidConfigurationException when a setting or the plan breaks a Lambda limit
   */
  public PackagingResult build(PackagingRequest request) throws IOException {
    PreparedPackage prepared = prepare(request);
    LayerPlan plan = prepared.plan();
    List<PlannedLayer> layers = prepared.layers();
    List<List<ZipInput>> layerInputs = prepared.layerInputs();
    List<ZipInput> functionInputs = prepared.functionInputs();
    List<String> warnings = new ArrayList<>(prepared.warnings());

    Path out = request.outputDirectory();
    Files.createDirectories(out);
    ZipStep step =
        new ZipStep(out, new ReproducibleZipWriter(request.timestamp()), request.timestamp());
    List<BuiltZip> builtLayers = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      PlannedLayer layer = layers.get(i);
      BuiltZip built =
          step.write(
              "layer-" + layer.name(),
              layer.name(),
              layerInputs.get(i),
              layer.libraries(),
              sha -> layer.name() + "-" + sha.substring(0, 12) + ".zip");
      deleteStaleVersions(out, layer.name(), built.zip().file());
      builtLayers.add(built);
    }
    String functionFile = request.functionName() + "-function.zip";
    BuiltZip function =
        step.write(
            "function-" + request.functionName(),
            request.functionName(),
            functionInputs,
            plan.functionLibraries(),
            sha -> functionFile);

    for (BuiltZip zip : builtLayers) {
      if (zip.needsS3()) {
        warnings.add(tooLargeForDirectUpload("Layer '" + zip.name() + "'", zip));
      }
    }
    if (function.needsS3()) {
      warnings.add(tooLargeForDirectUpload("The function zip", function));
    }
    digests.save();
    return new PackagingResult(plan, builtLayers, function, warnings);
  }

  /**
   * Plans and checks without writing anything: what each zip would hold. A {@code null} classes
   * directory leaves the project's classes out (the lockfile and the audit do not need them).
   *
   * @throws InvalidConfigurationException when a setting or the plan breaks a Lambda limit
   */
  public PreparedPackage prepare(PackagingRequest request) throws IOException {
    List<String> names = request.rules().stream().map(LayerRule::name).toList();
    List<Violation> violations =
        new ArrayList<>(
            LambdaLimits.checkSettings(names, request.runtimes(), request.architectures()));
    for (LayerRule rule : request.rules()) {
      if (rule.includes().isEmpty()) {
        violations.add(
            new Violation(
                Setting.LAYER_INCLUDES,
                String.valueOf(rule.name()),
                "the layer has no <include>, so it can take no library",
                "add at least one <include>groupId:artifactId</include> to this <layer>"));
      }
    }
    throwIfAny(violations);

    LayerPlan plan =
        LayerPlanner.of(request.rules(), request.runtimeProvided(), request.defaultLayerName())
            .plan(request.graph());
    List<String> warnings = new ArrayList<>();
    List<PlannedLayer> layers = new ArrayList<>();
    for (PlannedLayer layer : plan.layers()) {
      if (!layer.libraries().isEmpty()) {
        layers.add(layer);
      } else if (!request.rules().isEmpty()) {
        warnings.add("Layer '" + layer.name() + "' matched no library and is left out.");
      }
    }

    List<ZipInput> functionInputs = classInputs(request.classesDirectory());
    plan.functionLibraries().forEach(a -> functionInputs.add(libraryInput("lib/", a)));
    List<List<ZipInput>> layerInputs =
        layers.stream()
            .map(l -> l.libraries().stream().map(LambdaPackager::layerInput).toList())
            .toList();
    long unzipped =
        Stream.concat(functionInputs.stream(), layerInputs.stream().flatMap(List::stream))
            .mapToLong(in -> in.digest().size())
            .sum();
    violations.addAll(LambdaLimits.checkPlan(layers.size(), unzipped));
    throwIfAny(violations);
    return new PreparedPackage(plan, layers, layerInputs, functionInputs, warnings);
  }

  /** A library's entry in a layer zip. */
  static ZipInput layerInput(ResolvedArtifact artifact) {
    return libraryInput(LAYER_DIRECTORY, artifact);
  }

  /** Older content versions of a layer would otherwise pile up in the build directory. */
  private static void deleteStaleVersions(Path out, String layerName, Path current)
      throws IOException {
    Pattern version = Pattern.compile(Pattern.quote(layerName) + "-[0-9a-f]{12}\\.zip");
    try (DirectoryStream<Path> files = Files.newDirectoryStream(out, layerName + "-*.zip")) {
      for (Path file : files) {
        if (version.matcher(file.getFileName().toString()).matches() && !file.equals(current)) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  private static ZipInput libraryInput(String directory, ResolvedArtifact artifact) {
    return new ZipInput(
        directory + artifact.coordinates().fileName(), artifact.file(), artifact.digest(), false);
  }

  private List<ZipInput> classInputs(Path classes) throws IOException {
    List<ZipInput> inputs = new ArrayList<>();
    if (classes == null || !Files.isDirectory(classes)) {
      return inputs;
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(classes)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path file : files) {
      String name =
          classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
      inputs.add(new ZipInput(name, file, digests.digest(file), isExecutable(file)));
    }
    return inputs;
  }

  /** Only the owner's execute bit counts: it survives any umask, unlike group and other bits. */
  private static boolean isExecutable(Path file) throws IOException {
    PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    return posix != null
        && posix.readAttributes().permissions().contains(PosixFilePermission.OWNER_EXECUTE);
  }

  private static String tooLargeForDirectUpload(String what, BuiltZip zip) {
    return String.format(
        Locale.ROOT,
        "%s is %,d bytes zipped, over Lambda's %,d-byte limit for direct upload: publishing it"
            + " needs an S3 bucket in the target region.",
        what,
        zip.zip().zippedBytes(),
        LambdaLimits.MAX_DIRECT_UPLOAD_BYTES);
  }

  private static void throwIfAny(List<Violation> violations) {
    if (!violations.isEmpty()) {
      throw new InvalidConfigurationException(violations);
    }
  }
}
