package dev.lambdalayer.core.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdalayer.core.classpath.ClassPathInput;
import dev.lambdalayer.core.compare.CompareReport.Change;
import dev.lambdalayer.core.compare.CompareReport.FileChange;
import dev.lambdalayer.core.compare.CompareReport.LibraryChange;
import dev.lambdalayer.core.model.Coordinates;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real jars and zips: a shaded jar or an assembly zip against a function zip and a layer. */
class FatJarComparisonTest {

  private static final String SPI = "META-INF/services/com.spi.HttpService";
  private static final String INTERCEPTORS =
      "software/amazon/awssdk/global/handlers/execution.interceptors";
  private static final Coordinates A = Coordinates.of("org.a", "a", "1.0");
  private static final Coordinates B = Coordinates.of("org.b", "b", "2.0");
  private static final IntendedChanges INTENDED =
      new IntendedChanges("com.example:my-function", Set.of("com.amazonaws:aws-lambda-java-core"));

  @TempDir Path temp;

  private static Map<String, byte[]> files(String... nameThenContent) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (int i = 0; i < nameThenContent.length; i += 2) {
      files.put(nameThenContent[i], nameThenContent[i + 1].getBytes(StandardCharsets.UTF_8));
    }
    return files;
  }

  private static String pom(Coordinates c) {
    return "groupId=" + c.groupId() + "\nartifactId=" + c.artifactId() + "\nversion=" + c.version();
  }

  private static String pomPath(Coordinates c) {
    return "META-INF/maven/" + c.groupId() + "/" + c.artifactId() + "/pom.properties";
  }

  private static Map<String, byte[]> libraryA() {
    return files(
        "org/a/A.class",
        "A",
        "org/a/Shared.class",
        "shared from a",
        SPI,
        "# the A client\norg.a.AHttp\n",
        INTERCEPTORS,
        "org.a.Interceptor\n",
        pomPath(A),
        pom(A));
  }

  private static Map<String, byte[]> libraryB(Coordinates b) {
    return files(
        "org/b/B.class",
        "B",
        "org/a/Shared.class",
        "shared from b",
        SPI,
        "org.b.BHttp\n",
        INTERCEPTORS,
        "org.b.XRay\n",
        pomPath(b),
        pom(b));
  }

  private static byte[] zipBytes(Map<String, byte[]> files, boolean stored) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        ZipEntry entry = new ZipEntry(file.getKey());
        if (stored) {
          CRC32 crc = new CRC32();
          crc.update(file.getValue());
          entry.setMethod(ZipEntry.STORED);
          entry.setSize(file.getValue().length);
          entry.setCrc(crc.getValue());
        }
        out.putNextEntry(entry);
        out.write(file.getValue());
        out.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private Path write(String name, Map<String, byte[]> files, boolean stored) throws IOException {
    Path file = temp.resolve(name);
    Files.write(file, zipBytes(files, stored));
    return file;
  }

  /** The plugin's split: the function's classes and a in the function zip, b in a layer. */
  private ClassPathInput newZips() throws IOException {
    Map<String, byte[]> function = files("com/example/Handler.class", "handler");
    function.put("lib/" + A.fileName(), zipBytes(libraryA(), false));
    Map<String, byte[]> layer = new LinkedHashMap<>();
    layer.put("java/lib/" + B.fileName(), zipBytes(libraryB(B), false));
    return new ClassPathInput(
        write("function.zip", function, false),
        List.of(new ClassPathInput.LayerZip("libs", write("libs.zip", layer, true))),
        Map.of(A.fileName(), A, B.fileName(), B),
        List.of("java21"));
  }

  @Test
  void aShadedJarShowsTheServiceFileTheWinnersAndTheLibrariesThatChange() throws Exception {
    Coordinates oldB = Coordinates.of("org.b", "b", "1.5");
    Coordinates core = Coordinates.of("com.amazonaws", "aws-lambda-java-core", "1.2.3");
    Coordinates project = Coordinates.of("com.example", "my-function", "1.0");
    // What shade wrote: one copy of each service file and resource, b's copy of Shared, a relocated
    // package, and the runtime's own library.
    Map<String, byte[]> shaded =
        files(
            "META-INF/MANIFEST.MF",
            "Manifest-Version: 1.0\n",
            "com/example/Handler.class",
            "handler",
            "org/a/A.class",
            "A",
            "org/b/B.class",
            "B",
            "org/a/Shared.class",
            "shared from b",
            "shaded/org/c/C.class",
            "C",
            "com/amazonaws/services/lambda/runtime/Context.class",
            "Context",
            SPI,
            "org.a.AHttp\n",
            INTERCEPTORS,
            "org.a.Interceptor\n",
            pomPath(A),
            pom(A),
            pomPath(oldB),
            pom(oldB),
            pomPath(core),
            pom(core),
            pomPath(project),
            pom(project));
    Path jar = write("app.jar", shaded, false);

    CompareReport report = FatJarComparison.compare(jar, "target/app.jar", newZips(), INTENDED);

    assertThat(report.oldClassPath()).containsExactly("/var/task");
    assertThat(report.newClassPath())
        .containsExactly(
            "/var/task", "/var/task/lib/" + A.fileName(), "/opt/java/lib/" + B.fileName());
    assertThat(report.libraries())
        .containsExactly(
            new LibraryChange(
                Change.REMOVED,
                "com.amazonaws:aws-lambda-java-core",
                "1.2.3",
                null,
                "provided by the Lambda runtime (left out on purpose)"),
            new LibraryChange(Change.CHANGED, "org.b:b", "1.5", "2.0", null));
    // The runtime's own Context loads in both: counted, not compared.
    assertThat(report.runtimeClasses()).isEqualTo(1);
    assertThat(report.classes())
        .containsExactly(
            new FileChange(
                Change.CHANGED,
                "org/a/Shared.class",
                "/var/task",
                "/var/task/lib/" + A.fileName(),
                "org.a:a"),
            new FileChange(
                Change.REMOVED, "shaded/org/c/C.class", "/var/task", null, "package shaded.org.c"));
    assertThat(report.services()).hasSize(1);
    CompareReport.ServiceChange service = report.services().get(0);
    assertThat(service.service()).isEqualTo("com.spi.HttpService");
    assertThat(service.oldProviders()).containsExactly("org.a.AHttp");
    assertThat(service.newProviders()).containsExactly("org.a.AHttp", "org.b.BHttp");
    assertThat(service.added()).containsExactly("org.b.BHttp");
    assertThat(service.newCopies())
        .containsExactly("/var/task/lib/" + A.fileName(), "/opt/java/lib/" + B.fileName());
    assertThat(report.mergedResources()).hasSize(1);
    assertThat(report.mergedResources().get(0).resource()).isEqualTo(INTERCEPTORS);
    assertThat(report.mergedResources().get(0).added()).containsExactly("org.b.XRay");
    assertThat(report.mergedResources().get(0).newCopies()).hasSize(2);
    assertThat(report.summary())
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("libraries: 0 added, 1 removed (1 on purpose), 1 at another version"))
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("classes: 1 only in the old artifact, 0 only in the new zips, 1")
                    .contains("1 classes in the Lambda runtime's packages not compared"));
    assertThat(report.warnings())
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("META-INF/services/com.spi.HttpService")
                    .contains("[org.a.AHttp] become [org.a.AHttp, org.b.BHttp]"));
  }

  @Test
  void anAssemblyZipOfTheSameLibrariesShowsNoDifference() throws Exception {
    // The zip layout Lambda documents: classes at the root, libraries in lib/ (by file name).
    Map<String, byte[]> assembly = files("com/example/Handler.class", "handler");
    assembly.put("lib/a-1.0.jar", zipBytes(libraryA(), false));
    assembly.put("lib/b-2.0.jar", zipBytes(libraryB(B), true));
    Path zip = write("app.zip", assembly, false);

    CompareReport report = FatJarComparison.compare(zip, "app.zip", newZips(), INTENDED);

    assertThat(report.oldClassPath())
        .containsExactly("/var/task", "/var/task/lib/a-1.0.jar", "/var/task/lib/b-2.0.jar");
    assertThat(report.libraries()).isEmpty();
    assertThat(report.classes()).isEmpty();
    assertThat(report.resources()).isEmpty();
    assertThat(report.services()).isEmpty();
    assertThat(report.mergedResources()).isEmpty();
  }

  @Test
  void anAssemblyZipWhoseJarOrderDiffersShowsTheNewWinner() throws Exception {
    // b's jar sorts first in the old zip, so b's Shared won there; in the new split a's wins.
    Map<String, byte[]> assembly = files("com/example/Handler.class", "handler");
    assembly.put("lib/a-1.0.jar", zipBytes(libraryA(), false));
    assembly.put("lib/0-b-2.0.jar", zipBytes(libraryB(B), false));
    Path zip = write("app.zip", assembly, false);

    CompareReport report = FatJarComparison.compare(zip, "app.zip", newZips(), INTENDED);

    assertThat(report.classes())
        .containsExactly(
            new FileChange(
                Change.CHANGED,
                "org/a/Shared.class",
                "/var/task/lib/0-b-2.0.jar",
                "/var/task/lib/" + A.fileName(),
                "org.a:a"));
    // The same providers in another order: ServiceLoader's order changes, so it is listed.
    assertThat(report.services()).hasSize(1);
    assertThat(report.services().get(0).added()).isEmpty();
    assertThat(report.services().get(0).removed()).isEmpty();
    assertThat(report.mergedResources()).isEmpty();
  }

  @Test
  void aJarWithoutPomPropertiesWhoseClassesTheShadedJarHoldsIsNotAdded() throws Exception {
    // reactive-streams carries no pom.properties: the shaded jar holds its classes unnamed.
    Map<String, byte[]> shaded = files("com/example/Handler.class", "handler");
    shaded.putAll(libraryA());
    shaded.put("org/b/B.class", "B".getBytes(StandardCharsets.UTF_8));
    shaded.put("META-INF/LICENSE.txt", "a's licence".getBytes(StandardCharsets.UTF_8));
    Map<String, byte[]> unnamedB = libraryB(B);
    unnamedB.remove(pomPath(B));
    unnamedB.put("META-INF/LICENSE.txt", "b's licence".getBytes(StandardCharsets.UTF_8));
    Map<String, byte[]> function = files("com/example/Handler.class", "handler");
    function.put("lib/" + A.fileName(), zipBytes(libraryA(), false));
    function.put("lib/unnamed-b.jar", zipBytes(unnamedB, false));
    ClassPathInput input =
        new ClassPathInput(
            write("function.zip", function, false), List.of(), Map.of(), List.of("java21"));

    CompareReport report =
        FatJarComparison.compare(write("app.jar", shaded, false), "app.jar", input, INTENDED);

    assertThat(report.libraries()).isEmpty();
    assertThat(report.resources()).isEmpty();
    assertThat(report.classes()).isEmpty();
  }

  @Test
  void aJarWhoseClassesTheOldArtifactLacksIsAdded() throws Exception {
    Path jar = write("app.jar", files("com/example/Handler.class", "handler"), false);

    CompareReport report = FatJarComparison.compare(jar, "app.jar", newZips(), INTENDED);

    assertThat(report.libraries())
        .containsExactly(
            new LibraryChange(Change.ADDED, "org.a:a", null, "1.0", null),
            new LibraryChange(Change.ADDED, "org.b:b", null, "2.0", null));
    assertThat(report.classGroups())
        .extracting(CompareReport.GroupCount::group)
        .containsExactlyInAnyOrder("org.a:a", "org.b:b");
  }

  @Test
  void aResourceShadeAppendedIntoOneCopyIsNoDifferenceButADroppedOneIs() throws Exception {
    // Shade's AppendingTransformer: one file with both libraries' lines; the layers keep two.
    Map<String, byte[]> shaded = files("com/example/Handler.class", "handler");
    shaded.putAll(libraryA());
    shaded.putAll(libraryB(B));
    shaded.put(INTERCEPTORS, "org.a.Interceptor\norg.b.XRay\n".getBytes(StandardCharsets.UTF_8));
    shaded.put(SPI, "org.a.AHttp\norg.b.BHttp\n".getBytes(StandardCharsets.UTF_8));
    shaded.put(
        "META-INF/spring.factories", "org.Foo=org.a.Gone\n".getBytes(StandardCharsets.UTF_8));

    CompareReport report =
        FatJarComparison.compare(write("app.jar", shaded, false), "app.jar", newZips(), INTENDED);

    assertThat(report.services()).isEmpty();
    assertThat(report.mergedResources()).hasSize(1);
    CompareReport.MergedResourceChange spring = report.mergedResources().get(0);
    assertThat(spring.resource()).isEqualTo("META-INF/spring.factories");
    assertThat(spring.removed()).containsExactly("org.Foo=org.a.Gone");
    assertThat(spring.newCopies()).isEmpty();
  }

  @Test
  void layersMergeIntoOneOptWhereALaterLayersJarOfTheSameNameWins() throws Exception {
    Map<String, byte[]> first = new LinkedHashMap<>();
    first.put("java/lib/" + B.fileName(), zipBytes(libraryB(B), true));
    first.put("java/lib/z.jar", zipBytes(files("z/Z.class", "first"), true));
    Map<String, byte[]> second = new LinkedHashMap<>();
    second.put("java/lib/z.jar", zipBytes(files("z/Z.class", "second"), true));
    Map<String, byte[]> function = files("com/example/Handler.class", "handler");
    function.put("lib/" + A.fileName(), zipBytes(libraryA(), false));
    ClassPathInput input =
        new ClassPathInput(
            write("function.zip", function, false),
            List.of(
                new ClassPathInput.LayerZip("one", write("one.zip", first, true)),
                new ClassPathInput.LayerZip("two", write("two.zip", second, false))),
            Map.of(A.fileName(), A, B.fileName(), B),
            List.of("java21"));
    Map<String, byte[]> shaded = files("z/Z.class", "first");

    CompareReport report =
        FatJarComparison.compare(write("app.jar", shaded, false), "app.jar", input, INTENDED);

    assertThat(report.newClassPath())
        .containsExactly(
            "/var/task",
            "/var/task/lib/" + A.fileName(),
            "/opt/java/lib/" + B.fileName(),
            "/opt/java/lib/z.jar");
    assertThat(report.classes())
        .filteredOn(c -> c.name().equals("z/Z.class"))
        .containsExactly(
            new FileChange(
                Change.CHANGED, "z/Z.class", "/var/task", "/opt/java/lib/z.jar", "z.jar"));
  }

  @Test
  void compareJsonHoldsTheCountsAndTheDetail() throws Exception {
    Path jar =
        write(
            "app.jar",
            files("com/example/Handler.class", "old handler", "only/Old.class", "x"),
            false);
    CompareReport report = FatJarComparison.compare(jar, "app.jar", newZips(), INTENDED);
    Path json = temp.resolve("compare.json");

    report.write(json);

    String text = Files.readString(json);
    assertThat(text)
        .contains("\"classesChanged\": 1")
        .contains("\"classesOnlyOld\": 1")
        .contains("\"name\": \"com/example/Handler.class\"")
        .contains("\"library\": \"function\"")
        .contains("\"serviceFilesChanged\": 1")
        .endsWith("}\n");
  }

  @Test
  void aFileThatIsNoZipIsRefusedByName() throws Exception {
    Path notAZip = temp.resolve("app.jar");
    Files.writeString(notAZip, "this is a text file, not a jar");

    assertThatThrownBy(() -> FatJarComparison.compare(notAZip, "app.jar", newZips(), INTENDED))
        .isInstanceOf(NotAnArchiveException.class)
        .hasMessageContaining(notAZip + " is not a zip or jar");
  }

  @Test
  void intendedChangesComeFromBuildJson() throws Exception {
    Path buildJson = temp.resolve("build.json");
    Files.writeString(
        buildJson,
        "{\"project\": \"com.example:my-function:1.0\", \"runtimeProvided\": [{\"groupId\":"
            + " \"com.amazonaws\", \"artifactId\": \"aws-lambda-java-core\", \"version\":"
            + " \"1.2.3\"}]}");

    IntendedChanges intended = IntendedChanges.read(buildJson);

    assertThat(intended.project()).isEqualTo("com.example:my-function");
    assertThat(intended.runtimeProvided()).containsExactly("com.amazonaws:aws-lambda-java-core");
  }
}
