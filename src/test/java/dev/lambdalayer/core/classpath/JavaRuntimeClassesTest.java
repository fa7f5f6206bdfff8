package dev.lambdalayer.core.classpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdalayer.core.model.InvalidConfigurationException;
import dev.lambdalayer.core.model.LambdaRuntime;
import dev.lambdalayer.core.model.Setting;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Opcodes;

/** The JDK classes the check counts on are those of the function's runtime, not the build's. */
class JavaRuntimeClassesTest {

  private static final Path JAVA_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

  @TempDir Path dir;

  @Test
  void aClassAddedAfterTheRuntimesJavaIsMissing() throws IOException {
    Path function = function("java/util/HexFormat");

    assertThat(missing(function, "java11")).containsExactly("java.util.HexFormat");
    assertThat(missing(function, "java17")).isEmpty();
    // The oldest runtime counts.
    assertThat(
            ClassPathCheck.run(
                    new ClassPathInput(function, List.of(), Map.of(), List.of("java21", "java11")),
                    new ClassPathSettings(null, List.of(), List.of()))
                .missing())
        .extracting(ClassPathReport.MissingClass::className)
        .containsExactly("java.util.HexFormat");
  }

  @Test
  void javaEeClassesAreProvidedOnJava8Only() throws IOException {
    Path function =
        function("javax/xml/bind/JAXB", "javax/activation/DataHandler", "org/omg/CORBA/ORB");

    assertThat(missing(function, "java8.al2")).isEmpty();
    assertThat(missing(function, "java11"))
        .containsExactly(
            "javax.activation.DataHandler", "javax.xml.bind.JAXB", "org.omg.CORBA.ORB");
  }

  @Test
  void eachRuntimeGetsTheClassesOfItsRelease() throws IOException {
    Path function = function(RuntimeClassesFixture.JDK_CLASSES.toArray(String[]::new));

    assertThat(missing(function, "java8.al2"))
        .containsExactly(
            "java.lang.Record", "java.lang.runtime.ObjectMethods", "java.util.HexFormat");
    assertThat(missing(function, "java11"))
        .containsExactly(
            "com.sun.xml.internal.bind.v2.ContextFactory",
            "java.lang.Record",
            "java.lang.runtime.ObjectMethods",
            "java.util.HexFormat",
            "javax.annotation.PostConstruct",
            "javax.xml.bind.JAXB",
            "sun.misc.BASE64Encoder");
    List<String> removedBy17 =
        List.of(
            "com.sun.xml.internal.bind.v2.ContextFactory",
            "javax.annotation.PostConstruct",
            "javax.xml.bind.JAXB",
            "sun.misc.BASE64Encoder");
    assertThat(missing(function, "java17")).isEqualTo(removedBy17);
    List<String> removedBy21 = new ArrayList<>(removedBy17);
    removedBy21.add(1, "java.lang.Compiler");
    assertThat(missing(function, "java21")).isEqualTo(removedBy21);
    assertThat(missing(function, "java25")).isEqualTo(removedBy21);
  }

  @Test
  void onJava8AJarsClassInAJdkPackageLoadsUnlessTheJdkHasIt() throws IOException {
    List<String> lines = RuntimeClassesFixture.run(dir.resolve("fixture"));

    // Java 8 loads JAXB from rt.jar (the jar's copy is shadowed) and Nullable from the jar.
    assertThat(lines)
        .contains(
            "ships-jaxb.zip java8.al2: missing [], shadowed by the JDK [javax.xml.bind.JAXB],"
                + " JDK classes of Java 8",
            "ships-jaxb.zip java11: missing [javax.activation.DataHandler], shadowed by the JDK"
                + " [], JDK classes of Java 11");
  }

  @Test
  void aRuntimeIdTheTableLacksIsRefusedNamingTheSetting() throws IOException {
    Path function = function("java/util/concurrent/ConcurrentHashMap", "java/util/NoSuchThing");

    // A report of a newer plugin: the release comes from the runtime table only, never guessed.
    assertThatThrownBy(() -> RuntimeClassesFixture.check(function, "java99"))
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class,
            e -> assertThat(e.violations().get(0).setting()).isEqualTo(Setting.RUNTIMES));
    ClassPathReport java17 = RuntimeClassesFixture.check(function, "java17");
    assertThat(java17.runningJdk()).isFalse();
    assertThat(java17.jdkClasses()).isEqualTo("JDK classes of Java 17");
    assertThat(java17.summary()).startsWith("Class path (java17): /var/task and 0 jars;");
  }

  @Test
  void aReleaseTheListLacksIsAnsweredByTheRunningJdk() {
    JavaRuntimeClasses java99 = JavaRuntimeClasses.of(99);
    assertThat(java99.isRunningJdk()).isTrue();
    assertThat(java99.describe())
        .isEqualTo(
            "JDK classes of the running JDK "
                + Runtime.version().feature()
                + " (no list for Java 99)");
  }

  @Test
  void theAnswersDoNotDependOnTheJdkRunningTheCheck() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(JAVA_25), "no JDK 25 at " + JAVA_25);

    List<String> here = RuntimeClassesFixture.run(dir.resolve("here"));
    Process process =
        new ProcessBuilder(
                List.of(
                    JAVA_25.toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    RuntimeClassesFixture.class.getName(),
                    dir.resolve("there").toString()))
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();

    assertThat(Runtime.version().feature()).isNotEqualTo(25);
    assertThat(output.lines().toList()).isEqualTo(here).hasSize(10);
  }

  /**
   * The shipped list of the running JDK's release agrees with this JDK: every public class of the
   * packages this JDK's boot layer exports is named. (Not the other way round: the list has what
   * the newest update of the release has, {@code javax.crypto.KEM} since 17.0.11.) A failure here
   * on a newer JDK update means the list needs regenerating: see tools/JdkClassListGenerator.java.
   */
  @Test
  void theListOfThisJdksReleaseAgreesWithThisJdk() throws IOException {
    int feature = Runtime.version().feature();
    JdkClassList.Release release = JdkClassList.shipped().release(feature);
    Assumptions.assumeTrue(release != null, "no list for Java " + feature);
    FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));

    List<String> unlisted = new ArrayList<>();
    int classes = 0;
    for (Module module : ModuleLayer.boot().modules()) {
      for (ModuleDescriptor.Exports exports : module.getDescriptor().exports()) {
        if (exports.isQualified()) {
          continue;
        }
        Path pkg = jrt.getPath("/modules", module.getName(), exports.source().replace('.', '/'));
        try (Stream<Path> files = Files.list(pkg)) {
          for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
            String name = file.getFileName().toString().replace(".class", "");
            String internal = exports.source().replace('.', '/') + "/" + name;
            if (!name.contains("$") && isPublic(Files.readAllBytes(file))) {
              classes++;
              assertThat(release.loads(internal)).as(internal).isTrue();
              if (!release.has(internal)) {
                unlisted.add(internal);
              }
            }
          }
        }
      }
    }
    assertThat(classes).isGreaterThan(3_000);
    // jdk.swing.interop is exported but not in ct.sym: the list takes it as internal.
    assertThat(unlisted).allMatch(c -> c.startsWith("jdk/swing/interop/"));

    assertThat(release.has("java/lang/Object")).isTrue();
    assertThat(release.has("java/lang/NoSuchClass")).isFalse();
    assertThat(release.has("sun/nio/ch/AnyClassAtAll")).isTrue();
    assertThat(release.loads("com/example/Foo")).isFalse();
  }

  @Test
  void readsTheListFormat() throws IOException {
    JdkClassList list =
        JdkClassList.read(
            stream(
                "# comment\n"
                    + "releases 8 11 17\n"
                    + "a/b/Everywhere\n"
                    + "a/b/Late 17\n"
                    + "c/Early 8\n"
                    + "d/internal/\n"
                    + "e/old/ 8\n"));

    assertThat(list.releases()).containsExactly(8, 11, 17);
    assertThat(list.release(21)).isNull();
    JdkClassList.Release java8 = list.release(8);
    JdkClassList.Release java11 = list.release(11);
    assertThat(java11.has("a/b/Everywhere")).isTrue();
    assertThat(java11.has("a/b/Late")).isFalse();
    assertThat(java11.loads("a/b/Late")).isTrue(); // its package is the JDK's
    assertThat(java11.loads("c/Early")).isFalse(); // no package c/ in Java 11
    assertThat(java11.has("d/internal/Any")).isTrue();
    assertThat(java11.loads("e/old/Any")).isFalse();
    assertThat(java8.has("e/old/Any")).isTrue();
    // Java 8 has no modules: only the classes it has come from the JDK.
    assertThat(java8.loads("a/b/Late")).isFalse();
    assertThat(java8.loads("a/b/Everywhere")).isTrue();
    assertThat(java8.has("com/sun/xml/internal/bind/Anything")).isTrue();

    assertThatThrownBy(() -> JdkClassList.read(stream("a/b/C\n")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("releases line");
    assertThatThrownBy(() -> JdkClassList.read(stream("releases 8\na/b/C 11\n")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not in its releases line");
  }

  /** The generator is not part of the build; it must still compile, on Java 17. */
  @Test
  void theListGeneratorCompiles() throws IOException {
    Path generator = Path.of("tools", "JdkClassListGenerator.java");
    Assumptions.assumeTrue(Files.isRegularFile(generator), "not run from the project directory");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();

    int status =
        javac.run(
            null,
            errors,
            errors,
            "--release",
            "17",
            "-Xlint:all",
            "-Werror",
            // Alone, as it is run: the test class path (with jars whose manifests name missing
            // Class-Path entries) would only add javac path warnings.
            "-classpath",
            dir.toString(),
            "-d",
            dir.toString(),
            generator.toString());

    assertThat(status).as(errors.toString(StandardCharsets.UTF_8)).isZero();
  }

  @Test
  void theShippedListCoversEveryLambdaJavaRuntime() {
    for (LambdaRuntime runtime : LambdaRuntime.values()) {
      JavaRuntimeClasses classes = JavaRuntimeClasses.of(LambdaRuntime.javaRelease(runtime.id()));
      assertThat(JdkClassList.shipped().release(runtime.javaRelease()))
          .as(runtime.id())
          .isNotNull();
      assertThat(classes.isRunningJdk()).as(runtime.id()).isFalse();
      assertThat(classes.describe())
          .as(runtime.id())
          .isEqualTo("JDK classes of Java " + runtime.javaRelease());
    }
    // No release in the list that no runtime runs: the list is as long as it needs to be.
    assertThat(JdkClassList.shipped().releases())
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(LambdaRuntime.values())
                .map(LambdaRuntime::javaRelease)
                .distinct()
                .toList());
  }

  @Test
  void theFixtureChecksOneRuntimeOfEveryRelease() {
    assertThat(RuntimeClassesFixture.RUNTIMES.stream().map(LambdaRuntime::javaRelease).toList())
        .containsExactlyInAnyOrderElementsOf(JdkClassList.shipped().releases());
  }

  private Path function(String... references) throws IOException {
    return RuntimeClassesFixture.zip(
        Files.createTempFile(dir, "function", ".zip"),
        Map.of(
            "com/example/Handler.class",
            RuntimeClassesFixture.uses("com/example/Handler", references)));
  }

  private static List<String> missing(Path function, String runtime) throws IOException {
    return RuntimeClassesFixture.check(function, runtime).missing().stream()
        .map(ClassPathReport.MissingClass::className)
        .toList();
  }

  private static boolean isPublic(byte[] bytes) {
    int[] access = new int[1];
    new ClassReader(bytes)
        .accept(
            new ClassVisitor(Opcodes.ASM9) {
              @Override
              public void visit(
                  int version,
                  int flags,
                  String name,
                  String signature,
                  String superName,
                  String[] interfaces) {
                access[0] = flags;
              }
            },
            ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    return (access[0] & Opcodes.ACC_PUBLIC) != 0;
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
