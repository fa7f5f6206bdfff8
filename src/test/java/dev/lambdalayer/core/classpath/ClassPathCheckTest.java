package dev.lambdalayer.core.classpath;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalayer.core.model.ClassPattern;
import dev.lambdalayer.core.model.Coordinates;
import dev.lambdalayer.core.model.Setting;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

class ClassPathCheckTest {

  private static final String CONTEXT = "Lcom/amazonaws/services/lambda/runtime/Context;";

  @TempDir Path dir;

  @Test
  void reportsMissingClassWithTheChainThatReachesIt() throws IOException {
    Path function =
        zip(
            "function.zip",
            Map.of(
                "com/example/Handler.class",
                handler("com/example/Handler", "com/example/Service"),
                "lib/a.jar",
                jar(
                    Map.of(
                        "com/example/Service.class",
                        uses("com/example/Service", "org/gone/Lib")))));

    ClassPathReport report = check(function, List.of(), "com.example.Handler::handle");

    assertThat(report.handlerProblem()).isNull();
    assertThat(report.missing())
        .containsExactly(
            new ClassPathReport.MissingClass(
                "org.gone.Lib",
                List.of("com.example.Handler", "com.example.Service", "org.gone.Lib")));
    assertThat(report.reachable()).isEqualTo(2);
    assertThat(report.hasErrors()).isTrue();
  }

  /** Issue 13 item 15: a function of one class was summed up as "1 classes". */
  @Test
  void theSummaryCountsOneClassInTheSingular() throws IOException {
    Path function =
        zip(
            "function.zip",
            Map.of(
                "com/example/Handler.class", handler("com/example/Handler", "java/lang/String")));

    String withoutHandler = check(function, List.of(), null).summary();
    String withHandler = check(function, List.of(), "com.example.Handler::handle").summary();

    assertThat(withoutHandler)
        .contains("1 class reachable from the function's 1 class;")
        .doesNotContain("classes");
    assertThat(withHandler).contains("; 1 class reachable from com.example.Handler::handle;");
  }

  @Test
  void aMissingClassThatMavenHasInALeftOutLibraryBlamesThePlacementNotTheScopes()
      throws IOException {
    Path function =
        zip(
            "function.zip",
            Map.of(
                "com/example/Handler.class",
                handler("com/example/Handler", "org/provided/Lib", "org/gone/Other")));
    Path leftOutJar = dir.resolve("provided-lib-1.0.jar");
    Files.write(leftOutJar, jar(Map.of("org/provided/Lib.class", uses("org/provided/Lib"))));
    ClassPathInput.LeftOut leftOut =
        new ClassPathInput.LeftOut(
            Coordinates.of("org.provided", "lib", "1.0"),
            leftOutJar,
            ClassPathInput.Reason.RUNTIME_PROVIDED);

    ClassPathReport report =
        ClassPathCheck.run(
            new ClassPathInput(function, List.of(), Map.of(), List.of("java17"), List.of(leftOut)),
            new ClassPathSettings("com.example.Handler::handle", List.of(), List.of()));

    assertThat(report.missing())
        .extracting(
            ClassPathReport.MissingClass::className, ClassPathReport.MissingClass::leftOutIn)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("org.gone.Other", null),
            org.assertj.core.groups.Tuple.tuple("org.provided.Lib", leftOut));
    assertThat(report.missingOnlyByPlacement()).isFalse();
    assertThat(report.errors())
        .anySatisfy(
            e ->
                assertThat(e)
                    .startsWith("Missing class org.provided.Lib ")
                    .contains("Maven's runtime class path has it in org.provided:lib:1.0")
                    .contains("a runtimeProvided pattern matches it")
                    .contains("the placement is at fault, not the project's scopes"))
        .anySatisfy(
            e -> assertThat(e).startsWith("Missing class org.gone.Other ").doesNotContain("Maven"));
  }

  @Test
  void jdkAndLambdaRuntimeClassesAreProvidedAndKnownOptionalOnesAllowed() throws IOException {
    Path function =
        zip(
            "function.zip",
            Map.of(
                "com/example/Handler.class",
                handler(
                    "com/example/Handler",
                    "java/util/concurrent/ConcurrentHashMap",
                    "com/amazonaws/services/lambda/runtime/LambdaLogger",
                    "org/slf4j/impl/StaticLoggerBinder")));

    ClassPathReport report = check(function, List.of(), "com.example.Handler::handle");

    assertThat(report.missing()).isEmpty();
    assertThat(report.allowedMissing())
        .extracting(ClassPathReport.MissingClass::className)
        .containsExactly("org.slf4j.impl.StaticLoggerBinder");
  }

  @Test
  void classInAJdkPackageThatTheJdkLacksIsMissing() throws IOException {
    Path function =
        zip(
            "function.zip",
            Map.of(
                "com/example/Handler.class",
                handler("com/example/Handler", "java/util/NoSuchThing")));

    assertThat(check(function, List.of(), "com.example.Handler::handle").missing())
        .extracting(ClassPathReport.MissingClass::className)
        .containsExactly("java.util.NoSuchThing");
  }

  @Test
  void shadowedClassesFollowLambdaOrderAndTwoVersionsOfOneLibraryConflict() throws IOException {
    Path function =
        zip("function.zip", Map.of("com/example/Handler.class", handler("com/example/Handler")));
    byte[] dup = uses("org/dup/Thing");
    Path layer1 =
        zip(
            "one.zip",
            Map.of(
                "java/lib/b-lib-2.0.jar",
                    jar(withPom("g", "lib", "2.0", "org/dup/Thing.class", dup)),
                "java/lib/a-other-1.0.jar", jar(Map.of("org/dup/Thing.class", dup))));
    Path layer2 =
        zip(
            "two.zip",
            Map.of(
                "java/lib/c-lib-1.0.jar",
                jar(withPom("g", "lib", "1.0", "x/Y.class", uses("x/Y")))));

    ClassPathReport report =
        check(function, List.of(layer("one", layer1), layer("two", layer2)), null);

    assertThat(report.classPath())
        .extracting(ClassPathEntry::location)
        .containsExactly(
            "/var/task",
            "/opt/java/lib/a-other-1.0.jar",
            "/opt/java/lib/b-lib-2.0.jar",
            "/opt/java/lib/c-lib-1.0.jar");
    assertThat(report.warnings()).hasSize(1);
    ClassPathReport.Shadowing shadowing = report.warnings().get(0);
    assertThat(shadowing.winner()).isEqualTo("/opt/java/lib/a-other-1.0.jar (layer one)");
    assertThat(shadowing.shadowed())
        .extracting(ClassPathEntry::location)
        .containsExactly("/opt/java/lib/b-lib-2.0.jar");
    assertThat(shadowing.classes()).containsExactly("org.dup.Thing");
    assertThat(report.versionConflicts())
        .singleElement()
        .satisfies(c -> assertThat(c.library()).isEqualTo("g:lib"));
    // Without a handler, every class of the function is a root.
    assertThat(report.roots()).isEqualTo(1);
  }

  @Test
  void allowedDuplicatesAreNotReported() throws IOException {
    Path function =
        zip(
            "function.zip",
            Map.of(
                "com/example/Handler.class", handler("com/example/Handler"),
                "lib/a.jar", jar(Map.of("org/dup/Thing.class", uses("org/dup/Thing"))),
                "lib/b.jar", jar(Map.of("org/dup/Thing.class", uses("org/dup/Thing")))));
    ClassPathReport report =
        ClassPathCheck.run(
            new ClassPathInput(function, List.of(), Map.of(), List.of("java17")),
            new ClassPathSettings(
                null,
                List.of(ClassPattern.parse("org.dup.**", Setting.ALLOWED_DUPLICATES)),
                List.of()));
    assertThat(report.shadowed()).isEmpty();
  }

  @Test
  void laterLayerReplacesAJarOfTheSameName() throws IOException {
    Path function =
        zip("function.zip", Map.of("com/example/Handler.class", handler("com/example/Handler")));
    Path one = zip("one.zip", Map.of("java/lib/x.jar", jar(Map.of("a/Old.class", uses("a/Old")))));
    Path two = zip("two.zip", Map.of("java/lib/x.jar", jar(Map.of("a/New.class", uses("a/New")))));

    ClassPathReport report = check(function, List.of(layer("one", one), layer("two", two)), null);

    assertThat(report.classPath())
        .extracting(ClassPathEntry::zip)
        .containsExactly("function", "layer two");
    assertThat(report.replacedJars())
        .containsExactly("/opt/java/lib/x.jar of layer one replaced by layer two's");
  }

  @Test
  void compressedJarsInsideAZipAreReadToo() throws IOException {
    Path function =
        zip(
            "function.zip",
            Map.of(
                "com/example/Handler.class", handler("com/example/Handler", "com/lib/Used"),
                "lib/lib.jar", jar(Map.of("com/lib/Used.class", uses("com/lib/Used")))),
            ZipEntry.DEFLATED);
    ClassPathReport report = check(function, List.of(), "com.example.Handler::handle");
    assertThat(report.missing()).isEmpty();
    assertThat(report.reachable()).isEqualTo(2);
  }

  @Test
  void handlerProblemsFollowLambdaRules() throws IOException {
    Path function =
        zip(
            "function.zip",
            Map.of(
                "com/example/Handler.class", handler("com/example/Handler"),
                "com/example/Impl.class", requestHandler("com/example/Impl")));

    assertThat(check(function, List.of(), "com.example.Handler::handle").handlerProblem()).isNull();
    assertThat(check(function, List.of(), "com.example.Impl").handlerProblem()).isNull();
    assertThat(check(function, List.of(), "com.example.Handler").handlerProblem())
        .contains("implements neither RequestHandler nor RequestStreamHandler");
    assertThat(check(function, List.of(), "com.example.Handler::nope").handlerProblem())
        .contains("has no public method named 'nope'")
        .contains("handle");
    assertThat(check(function, List.of(), "com.example.Handler::tooMany").handlerProblem())
        .contains("has parameters Lambda can pass");
    assertThat(check(function, List.of(), "com.example.Handlr::handle").handlerProblem())
        .contains("is not in the function zip nor in any layer")
        .contains("Did you mean com.example.Handler?");
    assertThat(check(function, List.of(), "not a handler!").handlerProblem())
        .contains("not a Java handler");
  }

  @Test
  void classesCompiledForANewerJavaThanTheRuntimeAreErrors() throws IOException {
    Path function =
        zip(
            "function.zip",
            Map.of("com/example/Handler.class", handler(Opcodes.V21, "com/example/Handler")));
    ClassPathReport report =
        ClassPathCheck.run(
            new ClassPathInput(function, List.of(), Map.of(), List.of("java21", "java17")),
            new ClassPathSettings("com.example.Handler::handle", List.of(), List.of()));
    assertThat(report.runtime()).isEqualTo("java17");
    assertThat(report.tooNew())
        .singleElement()
        .satisfies(t -> assertThat(t.javaVersion()).isEqualTo(21));
  }

  @Test
  void reportIsWrittenAsJson() throws IOException {
    Path function =
        zip(
            "function.zip",
            Map.of("com/example/Handler.class", handler("com/example/Handler", "org/gone/X")));
    Path json = dir.resolve("classpath.json");
    check(function, List.of(), "com.example.Handler::handle").write(json);
    assertThat(Files.readString(json))
        .contains("\"jdkClasses\": \"JDK classes of Java 17\"")
        .contains("\"runningJdk\": false")
        .contains("\"class\": \"org.gone.X\"")
        .contains("\"chain\": [")
        .contains("\"errors\": 1");
  }

  // ---- fixtures ---------------------------------------------------------------------------

  private ClassPathReport check(Path function, List<ClassPathInput.LayerZip> layers, String handler)
      throws IOException {
    return ClassPathCheck.run(
        new ClassPathInput(function, layers, Map.of(), List.of("java17")),
        new ClassPathSettings(handler, List.of(), List.of()));
  }

  @Test
  void serviceFilesInSeveralPlacesAreListedInClassPathOrderAndTheirProvidersFollowed()
      throws IOException {
    Path function =
        zip(
            "function.zip",
            Map.of(
                "com/example/Handler.class",
                handler("com/example/Handler", "com/example/spi/Greeter"),
                "lib/a.jar",
                jar(
                    Map.of(
                        "com/example/spi/Greeter.class",
                        uses("com/example/spi/Greeter"),
                        "com/example/a/AGreeter.class",
                        subclass("com/example/a/AGreeter", "org/gone/Base"),
                        "META-INF/services/com.example.spi.Greeter",
                        "# comment\ncom.example.a.AGreeter # the first\n".getBytes()))));
    Path layer =
        zip(
            "layer.zip",
            Map.of(
                "java/lib/b.jar",
                jar(
                    Map.of(
                        "META-INF/services/com.example.spi.Greeter",
                        "com.example.b.Vanished\n".getBytes()))));

    ClassPathReport report =
        check(function, List.of(layer("deps", layer)), "com.example.Handler::handle");

    assertThat(report.resources().services())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.service()).isEqualTo("com.example.spi.Greeter");
              assertThat(f.copies())
                  .extracting(c -> c.entry().location(), ClassPathReport.ServiceCopy::providers)
                  .containsExactly(
                      org.assertj.core.groups.Tuple.tuple(
                          "/var/task/lib/a.jar", List.of("com.example.a.AGreeter")),
                      org.assertj.core.groups.Tuple.tuple(
                          "/opt/java/lib/b.jar", List.of("com.example.b.Vanished")));
            });
    assertThat(report.missing())
        .extracting(ClassPathReport.MissingClass::chain)
        .containsExactly(
            List.of(
                "com.example.Handler",
                "com.example.spi.Greeter",
                "com.example.a.AGreeter",
                "org.gone.Base"));
    assertThat(report.resources().missingProviders())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.provider()).isEqualTo("com.example.b.Vanished");
              assertThat(p.serviceFile().location()).isEqualTo("/opt/java/lib/b.jar");
            });
    assertThat(report.findings())
        .containsExactly(
            ClassPathReport.Finding.MISSING_CLASS,
            ClassPathReport.Finding.SERVICE_PROVIDER_MISSING);
    assertThat(report.errors())
        .anySatisfy(
            e ->
                assertThat(e)
                    .startsWith("Missing service provider com.example.b.Vanished, named in")
                    .contains("ServiceConfigurationError"));
  }

  @Test
  void providersOfAServiceNothingReachesAreNotFollowed() throws IOException {
    Path function =
        zip(
            "function.zip",
            Map.of(
                "com/example/Handler.class",
                handler("com/example/Handler"),
                "lib/b.jar",
                jar(
                    Map.of(
                        "META-INF/services/com.example.spi.Unused",
                        "com.example.b.Vanished\n".getBytes()))));

    ClassPathReport report = check(function, List.of(), "com.example.Handler::handle");

    assertThat(report.resources().missingProviders()).isEmpty();
    assertThat(report.hasErrors()).isFalse();
  }

  @Test
  void twoSdkHttpClientsWarnNamingBothJarsAndUserServicesJoinTheTable() throws IOException {
    String sdkHttp = "META-INF/services/software.amazon.awssdk.http.SdkHttpService";
    Path function =
        zip(
            "function.zip",
            Map.of(
                "com/example/Handler.class",
                handler("com/example/Handler"),
                "lib/apache-client.jar",
                jar(
                    Map.of(
                        sdkHttp,
                        "software.amazon.awssdk.http.apache.ApacheSdkHttpService".getBytes(),
                        "META-INF/services/com.example.Codec",
                        "com.example.A".getBytes())),
                "lib/url-connection-client.jar",
                jar(
                    Map.of(
                        sdkHttp,
                        "software.amazon.awssdk.http.urlconnection.UrlConnectionSdkHttpService"
                            .getBytes(),
                        "META-INF/services/com.example.Codec",
                        "com.example.B".getBytes()))));

    ClassPathReport report =
        ClassPathCheck.run(
            new ClassPathInput(function, List.of(), Map.of(), List.of("java17")),
            new ClassPathSettings(
                "com.example.Handler::handle", List.of(), List.of(), List.of("com.example.Codec")));

    assertThat(report.resources().providerConflicts())
        .extracting(ClassPathReport.ProviderConflict::service)
        .containsExactly("software.amazon.awssdk.http.SdkHttpService", "com.example.Codec");
    assertThat(report.warningLines())
        .anySatisfy(
            w ->
                assertThat(w)
                    .startsWith("Service software.amazon.awssdk.http.SdkHttpService must have one")
                    .contains("/var/task/lib/apache-client.jar")
                    .contains("/var/task/lib/url-connection-client.jar")
                    .contains("software.amazon.awssdk.http.service.impl")
                    .contains("exclude one HTTP client"));
    assertThat(report.warningCount()).isEqualTo(2);
    assertThat(report.hasErrors()).isFalse();
  }

  @Test
  void mergedResourcesListEveryCopyAndOtherResourcesNameTheirWinner() throws IOException {
    String interceptors = "software/amazon/awssdk/global/handlers/execution.interceptors";
    Path function =
        zip(
            "function.zip",
            Map.of(
                "com/example/Handler.class",
                handler("com/example/Handler"),
                "config.properties",
                "a=1".getBytes(),
                "lib/a.jar",
                jar(
                    Map.of(
                        interceptors,
                        "com.amazonaws.xray.interceptors.TracingInterceptor".getBytes(),
                        "config.properties",
                        "a=2".getBytes(),
                        "META-INF/MANIFEST.MF",
                        "Manifest-Version: 1.0\n".getBytes()))));
    Path layer =
        zip(
            "layer.zip",
            Map.of(
                "java/lib/b.jar",
                jar(
                    Map.of(
                        interceptors,
                        "x.Y".getBytes(),
                        "META-INF/MANIFEST.MF",
                        "Manifest-Version: 1.0\n".getBytes()))));

    ClassPathReport report =
        check(function, List.of(layer("deps", layer)), "com.example.Handler::handle");

    assertThat(report.resources().merged())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.resource()).isEqualTo(interceptors);
              assertThat(m.copies())
                  .extracting(ClassPathEntry::location)
                  .containsExactly("/var/task/lib/a.jar", "/opt/java/lib/b.jar");
            });
    assertThat(report.resources().shadowedResources())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.resource()).isEqualTo("config.properties");
              assertThat(r.winner().location()).isEqualTo("/var/task");
              assertThat(r.shadowed())
                  .extracting(ClassPathEntry::location)
                  .containsExactly("/var/task/lib/a.jar");
            });
  }

  @Test
  void constantClassForNameIsFollowedAndIsOptionalInsideATryCatchingClassNotFound()
      throws IOException {
    Path function =
        zip(
            "function.zip",
            Map.of(
                "com/example/Handler.class",
                reflective("com/example/Handler", "com.example.Impl", "org.required.Gone"),
                "com/example/Impl.class",
                uses("com/example/Impl", "org/gone/ByImpl"),
                "lib/unreached.jar",
                jar(
                    Map.of(
                        "org/never/Loaded.class",
                        reflective("org/never/Loaded", "org.never.Missing")))));

    ClassPathReport report = check(function, List.of(), "com.example.Handler");

    assertThat(report.handlerProblem()).isNull();
    assertThat(report.missing())
        .extracting(ClassPathReport.MissingClass::className, ClassPathReport.MissingClass::loadedBy)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("org.gone.ByImpl", null),
            org.assertj.core.groups.Tuple.tuple("org.required.Gone", "Class.forName"));
    assertThat(report.allowedMissing())
        .extracting(ClassPathReport.MissingClass::className)
        .containsExactly("org.optional.Maybe");
    assertThat(report.errors())
        .anySatisfy(
            e ->
                assertThat(e)
                    .startsWith(
                        "Missing class org.required.Gone (ClassNotFoundException from"
                            + " Class.forName in Lambda)"));
  }

  @Test
  void loadClassWithAConstantIsFollowedButAComputedNameIsNot() throws IOException {
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    writer.visit(
        Opcodes.V17,
        Opcodes.ACC_PUBLIC,
        "com/example/Handler",
        null,
        "java/lang/Object",
        new String[] {ClassPathCheck.REQUEST_HANDLER});
    MethodVisitor m = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
    m.visitCode();
    m.visitVarInsn(Opcodes.ALOAD, 0);
    m.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
    m.visitVarInsn(Opcodes.ALOAD, 0);
    m.visitMethodInsn(
        Opcodes.INVOKEVIRTUAL, "java/lang/Object", "getClass", "()Ljava/lang/Class;", false);
    m.visitMethodInsn(
        Opcodes.INVOKEVIRTUAL,
        "java/lang/Class",
        "getClassLoader",
        "()Ljava/lang/ClassLoader;",
        false);
    m.visitLdcInsn("org.loaded.Gone");
    m.visitMethodInsn(
        Opcodes.INVOKEVIRTUAL,
        "java/lang/ClassLoader",
        "loadClass",
        "(Ljava/lang/String;)Ljava/lang/Class;",
        false);
    m.visitInsn(Opcodes.POP);
    m.visitLdcInsn("org.computed.Gone");
    m.visitMethodInsn(
        Opcodes.INVOKEVIRTUAL, "java/lang/String", "trim", "()Ljava/lang/String;", false);
    m.visitMethodInsn(
        Opcodes.INVOKESTATIC,
        "java/lang/Class",
        "forName",
        "(Ljava/lang/String;)Ljava/lang/Class;",
        false);
    m.visitInsn(Opcodes.POP);
    m.visitInsn(Opcodes.RETURN);
    m.visitMaxs(0, 0);
    m.visitEnd();
    writer.visitEnd();
    Path function = zip("function.zip", Map.of("com/example/Handler.class", writer.toByteArray()));

    ClassPathReport report = check(function, List.of(), "com.example.Handler");

    assertThat(report.missing())
        .extracting(ClassPathReport.MissingClass::className)
        .containsExactly("org.loaded.Gone");
  }

  @Test
  void aMalformedClassIsAFindingNamingItsJarNotACrash() throws IOException {
    Path function =
        zip(
            "function.zip",
            Map.of(
                "com/example/Handler.class",
                handler("com/example/Handler", "com/example/Broken"),
                "lib/broken.jar",
                jar(Map.of("com/example/Broken.class", new byte[] {(byte) 0xCA, (byte) 0xFE, 1}))));

    ClassPathReport report = check(function, List.of(), "com.example.Handler::handle");

    assertThat(report.resources().malformed())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.className()).isEqualTo("com.example.Broken");
              assertThat(m.entry().location()).isEqualTo("/var/task/lib/broken.jar");
            });
    assertThat(report.findings()).containsExactly(ClassPathReport.Finding.MALFORMED_CLASS);
    assertThat(report.errors())
        .anySatisfy(
            e ->
                assertThat(e)
                    .startsWith("Class com.example.Broken in /var/task/lib/broken.jar (function)")
                    .contains("ClassFormatError"));
  }

  /** A class extending {@code superName} whose constructor uses a class nothing has. */
  private static byte[] subclass(String name, String superName) {
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name, null, superName, null);
    MethodVisitor m = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
    m.visitCode();
    // Not reported: a provider's code is not walked, only its loading.
    m.visitLdcInsn(org.objectweb.asm.Type.getObjectType("org/optional/Codec"));
    m.visitInsn(Opcodes.POP);
    m.visitInsn(Opcodes.RETURN);
    m.visitMaxs(0, 0);
    m.visitEnd();
    writer.visitEnd();
    return writer.toByteArray();
  }

  /**
   * A {@code RequestHandler} whose constructor calls {@code Class.forName(required)} unguarded and
   * {@code Class.forName("org.optional.Maybe")} in a try catching ClassNotFoundException.
   */
  private static byte[] reflective(String name, String... required) {
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS | ClassWriter.COMPUTE_FRAMES);
    writer.visit(
        Opcodes.V17,
        Opcodes.ACC_PUBLIC,
        name,
        null,
        "java/lang/Object",
        new String[] {ClassPathCheck.REQUEST_HANDLER});
    MethodVisitor m = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
    m.visitCode();
    m.visitVarInsn(Opcodes.ALOAD, 0);
    m.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
    for (String className : required) {
      m.visitLdcInsn(className);
      m.visitMethodInsn(
          Opcodes.INVOKESTATIC,
          "java/lang/Class",
          "forName",
          "(Ljava/lang/String;)Ljava/lang/Class;",
          false);
      m.visitInsn(Opcodes.POP);
    }
    org.objectweb.asm.Label start = new org.objectweb.asm.Label();
    org.objectweb.asm.Label end = new org.objectweb.asm.Label();
    org.objectweb.asm.Label handler = new org.objectweb.asm.Label();
    org.objectweb.asm.Label after = new org.objectweb.asm.Label();
    m.visitTryCatchBlock(start, end, handler, "java/lang/ClassNotFoundException");
    m.visitLabel(start);
    m.visitLdcInsn("org.optional.Maybe");
    m.visitMethodInsn(
        Opcodes.INVOKESTATIC,
        "java/lang/Class",
        "forName",
        "(Ljava/lang/String;)Ljava/lang/Class;",
        false);
    m.visitInsn(Opcodes.POP);
    m.visitLabel(end);
    m.visitJumpInsn(Opcodes.GOTO, after);
    m.visitLabel(handler);
    m.visitInsn(Opcodes.POP);
    m.visitLabel(after);
    m.visitInsn(Opcodes.RETURN);
    m.visitMaxs(0, 0);
    m.visitEnd();
    writer.visitEnd();
    return writer.toByteArray();
  }

  @Test
  void aJarsParsedClassesAreKeptByItsSha256SoAnUnchangedJarIsNotParsedAgain() throws IOException {
    String sha = "ab".repeat(32);
    Path index = dir.resolve("index");
    ClassPathSettings settings =
        new ClassPathSettings("com.example.Handler::handle", List.of(), List.of())
            .withIndexCache(index);
    Path first =
        zip(
            "first.zip",
            Map.of(
                "com/example/Handler.class",
                handler("com/example/Handler", "com/example/Service"),
                "lib/a.jar",
                jar(
                    Map.of(
                        "com/example/Service.class",
                        uses("com/example/Service", "org/gone/Lib")))));
    ClassPathReport parsed =
        ClassPathCheck.run(
            new ClassPathInput(
                first, List.of(), Map.of(), List.of("java17"), List.of(), Map.of("a.jar", sha)),
            settings);
    assertThat(parsed.missing())
        .extracting(ClassPathReport.MissingClass::className)
        .containsExactly("org.gone.Lib");
    assertThat(index.resolve(sha + ".txt")).exists();

    // Same SHA-256, other bytes: the index answers, so the class is not parsed again.
    Path second =
        zip(
            "second.zip",
            Map.of(
                "com/example/Handler.class",
                handler("com/example/Handler", "com/example/Service"),
                "lib/a.jar",
                jar(Map.of("com/example/Service.class", uses("com/example/Service")))));
    ClassPathInput again =
        new ClassPathInput(
            second, List.of(), Map.of(), List.of("java17"), List.of(), Map.of("a.jar", sha));
    assertThat(ClassPathCheck.run(again, settings).missing())
        .extracting(ClassPathReport.MissingClass::className)
        .containsExactly("org.gone.Lib");

    // A damaged index is ignored and rewritten.
    Files.writeString(index.resolve(sha + ".txt"), "# lambda-layer class index v2\nnot\ta line\n");
    assertThat(ClassPathCheck.run(again, settings).missing()).isEmpty();
    assertThat(Files.readString(index.resolve(sha + ".txt"))).contains("com/example/Service\t");

    // An index of another format version is ignored, even when its lines would parse.
    Files.writeString(
        index.resolve(sha + ".txt"),
        "# lambda-layer class index v1\ncom/example/Service\tjava/lang/Object\t\t1\t61\torg/gone/Lib\t\n");
    assertThat(ClassPathCheck.run(again, settings).missing()).isEmpty();
  }

  @Test
  void theFunctionsOwnClassesAndTheHandlersMethodsAreKeptByTheFunctionZipsSha256()
      throws IOException {
    Path index = dir.resolve("index");
    ClassPathSettings settings =
        new ClassPathSettings("com.example.Handler::handle", List.of(), List.of())
            .withIndexCache(index);
    Path function =
        zip("function.zip", Map.of("com/example/Handler.class", handler("com/example/Handler")));
    ClassPathInput input =
        new ClassPathInput(function, List.of(), Map.of(), List.of("java17"), List.of(), Map.of());
    assertThat(ClassPathCheck.run(input, settings).handlerProblem()).isNull();
    String sha = dev.lambdalayer.core.model.Hashes.sha256Hex(Files.readAllBytes(function));
    assertThat(Files.readString(index.resolve(sha + ".txt")))
        .contains("com/example/Handler\t")
        .contains("handle;9;java/lang/String;com/amazonaws/services/lambda/runtime/Context");
    // Read back from the index, the answer is the same.
    assertThat(ClassPathCheck.run(input, settings).handlerProblem()).isNull();
  }

  private static ClassPathInput.LayerZip layer(String name, Path file) {
    return new ClassPathInput.LayerZip(name, file);
  }

  /** A class with a public static {@code handle(String, Context)} that news up each reference. */
  private static byte[] handler(String name, String... references) {
    return handler(Opcodes.V17, name, references);
  }

  private static byte[] handler(int version, String name, String... references) {
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    writer.visit(version, Opcodes.ACC_PUBLIC, name, null, "java/lang/Object", null);
    constructor(writer);
    MethodVisitor m =
        writer.visitMethod(
            Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC,
            "handle",
            "(Ljava/lang/String;" + CONTEXT + ")Ljava/lang/String;",
            null,
            null);
    m.visitCode();
    for (String reference : references) {
      m.visitTypeInsn(Opcodes.NEW, reference);
      m.visitInsn(Opcodes.POP);
    }
    m.visitInsn(Opcodes.ACONST_NULL);
    m.visitInsn(Opcodes.ARETURN);
    m.visitMaxs(0, 0);
    m.visitEnd();
    MethodVisitor tooMany =
        writer.visitMethod(Opcodes.ACC_PUBLIC, "tooMany", "(IIII)V", null, null);
    tooMany.visitCode();
    tooMany.visitInsn(Opcodes.RETURN);
    tooMany.visitMaxs(0, 0);
    tooMany.visitEnd();
    writer.visitEnd();
    return writer.toByteArray();
  }

  private static byte[] requestHandler(String name) {
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    writer.visit(
        Opcodes.V17,
        Opcodes.ACC_PUBLIC,
        name,
        null,
        "java/lang/Object",
        new String[] {ClassPathCheck.REQUEST_HANDLER});
    constructor(writer);
    writer.visitEnd();
    return writer.toByteArray();
  }

  /** A class whose constructor references each of {@code references}. */
  private static byte[] uses(String name, String... references) {
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name, null, "java/lang/Object", null);
    MethodVisitor m = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
    m.visitCode();
    for (String reference : references) {
      m.visitLdcInsn(org.objectweb.asm.Type.getObjectType(reference));
      m.visitInsn(Opcodes.POP);
    }
    m.visitInsn(Opcodes.RETURN);
    m.visitMaxs(0, 0);
    m.visitEnd();
    writer.visitEnd();
    return writer.toByteArray();
  }

  private static void constructor(ClassWriter writer) {
    MethodVisitor init = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
    init.visitCode();
    init.visitVarInsn(Opcodes.ALOAD, 0);
    init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
    init.visitInsn(Opcodes.RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();
  }

  private static Map<String, byte[]> withPom(
      String g, String a, String v, String className, byte[] bytes) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(className, bytes);
    files.put(
        "META-INF/maven/" + g + "/" + a + "/pom.properties",
        ("groupId=" + g + "\nartifactId=" + a + "\nversion=" + v + "\n").getBytes());
    return files;
  }

  private static byte[] jar(Map<String, byte[]> files) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        out.putNextEntry(new ZipEntry(file.getKey()));
        out.write(file.getValue());
        out.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private Path zip(String name, Map<String, byte[]> files) throws IOException {
    return zip(name, files, ZipEntry.STORED);
  }

  /** A zip like the plugin writes: jars stored, so the check reads them in place. */
  private Path zip(String name, Map<String, byte[]> files, int method) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream os = Files.newOutputStream(file);
        ZipOutputStream out = new ZipOutputStream(os)) {
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        ZipEntry entry = new ZipEntry(f.getKey());
        entry.setMethod(method);
        if (method == ZipEntry.STORED) {
          CRC32 crc = new CRC32();
          crc.update(f.getValue());
          entry.setSize(f.getValue().length);
          entry.setCompressedSize(f.getValue().length);
          entry.setCrc(crc.getValue());
        }
        out.putNextEntry(entry);
        out.write(f.getValue());
        out.closeEntry();
      }
    }
    return file;
  }
}
