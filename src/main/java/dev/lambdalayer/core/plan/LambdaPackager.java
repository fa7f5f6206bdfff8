package dev.lambdalayer.core.plan;

import dev.lambdalayer.core.model.Coordinates;
import dev.lambdalayer.core.model.FileDigestCache;
import dev.lambdalayer.core.model.InputChangedException;
import dev.lambdalayer.core.model.InvalidConfigurationException;
import dev.lambdalayer.core.model.LambdaLimits;
import dev.lambdalayer.core.model.LambdaRuntime;
import dev.lambdalayer.core.model.Lockfile;
import dev.lambdalayer.core.model.ResolvedArtifact;
import dev.lambdalayer.core.model.Setting;
import dev.lambdalayer.core.model.Violation;
import dev.lambdalayer.core.zip.ZipInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Turns a dependency graph into layer zips ({@code java/lib/*.jar}) and a slim function zip
 * (classes at the root, remaining jars under {@code lib/}), checking Lambda's limits first and
 * keeping zips whose inputs did not change.
 */
public final class LambdaPackager {

  /** Where Lambda's Java runtime looks for a layer's jars (extracted under /opt). */
  public static final String LAYER_DIRECTORY = "java/lib/";

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
    try {
      return buildZips(request);
    } catch (InputChangedException e) {
      // Forget the stale digest, or every rerun would trust it and fail the same way.
      digests.forget(e.file());
      digests.save();
      throw e;
    }
  }

  private PackagingResult buildZips(PackagingRequest request) throws IOException {
    PreparedPackage prepared = prepare(request);
    LayerPlan plan = prepared.plan();
    List<PlannedLayer> layers = prepared.layers();
    List<List<ZipInput>> layerInputs = prepared.layerInputs();
    List<ZipInput> functionInputs = prepared.functionInputs();
    List<String> warnings = new ArrayList<>(prepared.warnings());

    Path out = request.outputDirectory();
    Files.createDirectories(out);
    LeftoverZips.removeInterruptedWrites(out);
    ZipStep layerStep = new ZipStep(out, PackagingRequest.LAYER_TIMESTAMP, request.reactorCache());
    List<BuiltZip> builtLayers = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      PlannedLayer layer = layers.get(i);
      BuiltZip built =
          layerStep.write(
              "layer-" + layer.name(),
              layer.name(),
              layerInputs.get(i),
              layer.libraries(),
              sha -> layer.name() + "-" + sha.substring(0, 12) + ".zip");
      builtLayers.add(built);
    }
    String functionFile = request.functionName() + "-function.zip";
    BuiltZip function =
        new ZipStep(out, request.timestamp())
            .write(
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
    List<BuiltZip> written = new ArrayList<>(builtLayers);
    written.add(function);
    LeftoverZips.removeAllBut(out, written);
    List<BuiltZip> shared = sharedLayerZips(request, prepared, warnings);
    LeftoverZips.removeAllBut(out.resolve("shared"), shared);
    digests.save();
    return new PackagingResult(plan, builtLayers, function, warnings, prepared.skews(), shared);
  }

  /**
   * Builds the layer of a layer project: its one layer zip and no function zip ({@link
   * PackagingResult#function()} is null).
   *
   * @throws InvalidConfigurationException when the project makes no layer or more than one
   */
  public PackagingResult buildLayerProject(PackagingRequest request) throws IOException {
    PreparedPackage prepared = prepare(request);
    if (prepared.layers().size() != 1) {
      throw new InvalidConfigurationException(
          new Violation(
              Setting.LAYER_PROJECT,
              "true",
              prepared.layers().isEmpty()
                  ? "the layer project has no library to put into its layer"
                  : "a layer project makes exactly one layer, but its rules make "
                      + prepared.layers().size(),
              prepared.layers().isEmpty()
                  ? "add the layer's libraries as dependencies of the layer project"
                  : "configure at most one layer, or none (every dependency then goes into the"
                      + " layer)",
              prepared.layers().isEmpty() ? Setting.DEPENDENCIES : Setting.LAYERS));
    }
    Path out = request.outputDirectory();
    Files.createDirectories(out);
    LeftoverZips.removeInterruptedWrites(out);
    PlannedLayer layer = prepared.layers().get(0);
    BuiltZip built =
        new ZipStep(out, PackagingRequest.LAYER_TIMESTAMP, request.reactorCache())
            .write(
                "layer-" + layer.name(),
                layer.name(),
                prepared.layerInputs().get(0),
                layer.libraries(),
                sha -> layer.name() + "-" + sha.substring(0, 12) + ".zip");
    LeftoverZips.removeAllBut(out, List.of(built));
    List<String> warnings = new ArrayList<>(prepared.warnings());
    if (!prepared.plan().functionLibraries().isEmpty()) {
      warnings.add(
          "The layer project leaves out "
              + prepared.plan().functionLibraries().stream()
                  .map(a -> a.coordinates().toString())
                  .toList()
              + ": a layer project has no function for them.");
    }
    if (built.needsS3()) {
      warnings.add(tooLargeForDirectUpload("Layer '" + built.name() + "'", built));
    }
    digests.save();
    return new PackagingResult(
        prepared.plan(), List.of(built), null, warnings, List.of(), List.of());
  }

  /**
   * Rebuilds each shared layer from its resolved jars, so the class-path check sees what {@code
   * /opt} will hold. Libraries skewed against the function are left out: the function's own copy
   * shadows them, and counting both would report every skew a second time as a version conflict.
   */
  private List<BuiltZip> sharedLayerZips(
      PackagingRequest request, PreparedPackage prepared, List<String> warnings)
      throws IOException {
    if (request.shared().isEmpty()) {
      return List.of();
    }
    java.util.Set<Coordinates> skewed = new java.util.HashSet<>();
    prepared.skews().forEach(s -> skewed.add(s.inLayer()));
    ZipStep step =
        new ZipStep(request.outputDirectory().resolve("shared"), PackagingRequest.LAYER_TIMESTAMP);
    Files.createDirectories(request.outputDirectory().resolve("shared"));
    List<BuiltZip> zips = new ArrayList<>();
    for (SharedLayer layer : request.shared().layers()) {
      List<ZipInput> inputs = new ArrayList<>();
      List<ResolvedArtifact> libraries = new ArrayList<>();
      int missing = 0;
      for (Lockfile.Library library : layer.descriptor().libraries()) {
        Path jar = layer.jars().get(library.coordinates());
        if (jar == null) {
          missing++;
          continue;
        }
        if (skewed.contains(library.coordinates())) {
          continue;
        }
        ResolvedArtifact artifact =
            new ResolvedArtifact(
                library.coordinates(), jar, digests.digest(jar), "compile", List.of(), false);
        libraries.add(artifact);
        inputs.add(layerInput(artifact));
      }
      if (missing > 0) {
        warnings.add(
            String.format(
                Locale.ROOT,
                "Shared layer %s: %d of %d libraries could not be resolved, so the class-path"
                    + " check does not see them.",
                layer.reference(),
                missing,
                layer.descriptor().libraries().size()));
      }
      zips.add(
          step.write(
              "shared-" + layer.name(),
              layer.name(),
              inputs,
              libraries,
              sha -> layer.name() + "-shared.zip"));
    }
    return zips;
  }

  /**
   * Plans and checks without writing anything: what each zip would hold. A {@code null} classes
   * directory leaves the project's classes out (the lockfile and the audit do not need them).
   *
   * @throws InvalidConfigurationException when a setting or the plan breaks a Lambda limit
   */
  public PreparedPackage prepare(PackagingRequest request) throws IOException {
    // Without rules the one layer is named by <layerName>, which Lambda must accept just as well.
    List<String> names =
        request.rules().isEmpty()
            ? java.util.Collections.singletonList(request.defaultLayerName())
            : request.rules().stream().map(LayerRule::name).toList();
    List<Violation> violations =
        new ArrayList<>(
            LambdaLimits.checkSettings(names, request.runtimes(), request.architectures()));
    for (LayerRule rule : request.rules()) {
      if (rule.includes().isEmpty()) {
        violations.add(
            new Violation(
                Setting.LAYER_INCLUDES,
                String.valueOf(rule.name()),
                "the layer includes nothing, so it can take no library",
                "add at least one groupId:artifactId pattern to this layer's includes"));
      }
    }
    List<String> otherLayers = new ArrayList<>(names);
    request.shared().layers().forEach(l -> otherLayers.add(l.name()));
    violations.addAll(ReactorLayerPlacement.checkSettings(request.reactorLayer(), otherLayers));
    throwIfAny(violations);

    SharedLayerSlimming.Slimmed slimmed =
        SharedLayerSlimming.slim(request.graph(), request.shared().layers());
    List<String> warnings =
        new ArrayList<>(
            LambdaRuntime.deprecationWarnings(request.runtimes(), request.runtimeCheckDate()));
    ReactorLayerPlacement reactor =
        ReactorLayerPlacement.place(request.reactorLayer(), slimmed, request.shared(), warnings);
    LayerPlan plan =
        reactor.prepend(
            pinToFunction(
                LayerPlanner.of(
                        request.rules(), request.runtimeProvided(), request.defaultLayerName())
                    .plan(reactor.remainingGraph()),
                slimmed.skews()));
    if (!slimmed.skews().isEmpty() && request.shared().failOnSkew()) {
      for (VersionSkew skew : slimmed.skews()) {
        violations.add(
            new Violation(
                Setting.FAIL_ON_SKEW,
                skew.wanted().coordinates().toString(),
                "version skew against a shared layer: " + skew.message(),
                "align the version with the shared layer's, or set it to false to accept the"
                    + " function's own copy"));
      }
      throwIfAny(violations);
    }
    slimmed.skews().forEach(s -> warnings.add("Version skew: " + s.message()));
    List<PlannedLayer> layers = new ArrayList<>();
    for (PlannedLayer layer : plan.layers()) {
      if (!layer.libraries().isEmpty()) {
        layers.add(layer);
      } else if (!request.rules().isEmpty() && !reactor.isReactorLayer(layer)) {
        warnings.add(
            emptyLayerWarning(layer.name(), request.rules(), plan, reactor::isReactorLayer));
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
    violations.addAll(
        LambdaLimits.checkPlan(
            layers.size() + request.shared().layers().size(),
            unzipped + request.shared().unzippedBytes()));
    throwIfAny(violations);
    return new PreparedPackage(
        plan, layers, layerInputs, functionInputs, warnings, slimmed.skews());
  }

  /**
   * Says which earlier layer took the libraries an empty layer's rule matches: "matched no library"
   * alone sends the user looking for a typo in a pattern that is right.
   */
  static String emptyLayerWarning(
      String name,
      List<LayerRule> rules,
      LayerPlan plan,
      java.util.function.Predicate<PlannedLayer> isReactorLayer) {
    String plain = "Layer '" + name + "' matched no library and is left out";
    LayerRule rule = rules.stream().filter(r -> name.equals(r.name())).findFirst().orElse(null);
    if (rule == null) {
      return plain + ".";
    }
    for (PlannedLayer other : plan.layers()) {
      List<String> taken =
          other.libraries().stream()
              .map(ResolvedArtifact::coordinates)
              .filter(rule::includes)
              .map(Coordinates::toString)
              .sorted()
              .toList();
      if (!other.name().equals(name) && !taken.isEmpty()) {
        String shown =
            taken.size() > 3
                ? String.join(", ", taken.subList(0, 3)) + " and " + (taken.size() - 3) + " more"
                : String.join(", ", taken);
        if (isReactorLayer.test(other)) {
          return plain
              + ": "
              + shown
              + " went to the reactor layer '"
              + other.name()
              + "', which takes the libraries the function modules share before any rule.";
        }
        return plain
            + ": "
            + shown
            + " went to layer '"
            + other.name()
            + "', whose rule comes first (a library goes to the first rule that matches it)."
            + " Move the rule for '"
            + name
            + "' above '"
            + other.name()
            + "', or exclude the library there.";
      }
    }
    return plain + ".";
  }

  /**
   * Keeps skewed libraries in the function: in {@code /var/task/lib} they shadow the shared layer's
   * version, whereas in another layer both versions would sit in {@code /opt/java/lib} and the one
   * whose file name sorts first would win, class by class.
   */
  private static LayerPlan pinToFunction(LayerPlan plan, List<VersionSkew> skews) {
    if (skews.isEmpty()) {
      return plan;
    }
    java.util.Set<Coordinates> pinned = new java.util.HashSet<>();
    skews.forEach(s -> pinned.add(s.wanted().coordinates()));
    List<PlannedLayer> layers = new ArrayList<>();
    List<ResolvedArtifact> function = new ArrayList<>(plan.functionLibraries());
    for (PlannedLayer layer : plan.layers()) {
      List<ResolvedArtifact> kept = new ArrayList<>();
      for (ResolvedArtifact a : layer.libraries()) {
        (pinned.contains(a.coordinates()) ? function : kept).add(a);
      }
      layers.add(new PlannedLayer(layer.name(), kept));
    }
    return new LayerPlan(layers, function, plan.runtimeProvided());
  }

  /** A library's entry in a layer zip. */
  static ZipInput layerInput(ResolvedArtifact artifact) {
    return libraryInput(LAYER_DIRECTORY, artifact);
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
    List<Path> all;
    try (Stream<Path> walk = Files.walk(classes)) {
      all = walk.sorted().toList();
    }
    // Links are checked, never silently followed or skipped: a link to a file outside would
    // package that file (a system file, a key), and a skipped one leaves a class out unseen.
    Path root = classes.toRealPath();
    List<Path> files = new ArrayList<>();
    List<Violation> violations = new ArrayList<>();
    for (Path path : all) {
      if (Files.isSymbolicLink(path)) {
        String problem = linkProblem(path, root);
        if (problem == null) {
          files.add(path);
        } else {
          violations.add(
              new Violation(
                  Setting.CLASSES_DIRECTORY,
                  classes.relativize(path).toString().replace('\\', '/'),
                  problem,
                  "copy the file into the classes directory instead of linking it, or remove"
                      + " the link"));
        }
      } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
        files.add(path);
      }
    }
    throwIfAny(violations);
    for (Path file : files) {
      String name =
          classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
      inputs.add(new ZipInput(name, file, digests.digest(file), isExecutable(file)));
    }
    return inputs;
  }

  /** Why the link at {@code path} cannot be packaged; null when it names a file inside. */
  private static String linkProblem(Path path, Path root) throws IOException {
    Path real;
    try {
      real = path.toRealPath();
    } catch (IOException e) {
      return "is a symbolic link to "
          + Files.readSymbolicLink(path)
          + " that leads nowhere (a loop of links, or a missing target)";
    }
    if (!real.startsWith(root)) {
      return "is a symbolic link to " + real + ", outside the classes directory";
    }
    if (Files.isDirectory(real)) {
      return "is a symbolic link to the directory " + real + ", whose files would not be packaged";
    }
    return null;
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
