package dev.lambdalayer.core;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The classes that come before the function's on Lambda's class path: the JDK's and the Lambda Java
 * runtime's own.
 *
 * <p>The JDK is the one running the build, which may differ from the function's runtime. A class in
 * a JDK package that this JDK lacks is still taken as provided when the runtime is newer than this
 * JDK (it may have been added since); the Java EE and CORBA packages that Java 11 removed count as
 * provided on {@code java8.al2}.
 *
 * <p>The Lambda runtime puts {@code aws-lambda-java-core}, its serialization library and the
 * runtime interface client on the parent class loader, so their packages win over any copy in the
 * function or a layer. {@code aws-lambda-java-events} ({@code
 * com.amazonaws.services.lambda.runtime.events}) is not among them: a function must ship it.
 */
final class JavaRuntimeClasses {

  /** Packages (internal form, exact) of {@code aws-lambda-java-core}. */
  private static final List<String> LAMBDA_PACKAGES =
      List.of(
          "com/amazonaws/services/lambda/runtime/",
          "com/amazonaws/services/lambda/runtime/logging/");

  /** Package trees of the runtime interface client and the serialization library. */
  private static final List<String> LAMBDA_TREES =
      List.of(
          "com/amazonaws/services/lambda/runtime/api/client/",
          "com/amazonaws/services/lambda/runtime/serialization/",
          "com/amazonaws/services/lambda/crac/",
          "com/amazonaws/lambda/thirdparty/");

  /** Removed from the JDK in Java 11 but present on Java 8. */
  private static final List<String> JAVA_8_ONLY =
      List.of(
          "javax/xml/bind/",
          "javax/activation/",
          "javax/xml/ws/",
          "javax/jws/",
          "javax/xml/soap/",
          "javax/annotation/",
          "javax/transaction/",
          "javax/rmi/",
          "org/omg/",
          "com/sun/xml/internal/");

  private static final JavaRuntimeClasses RUNNING = new JavaRuntimeClasses();

  private final Map<String, String> moduleByPackage = new HashMap<>();
  private final FileSystem jrt;
  private final int buildFeature = Runtime.version().feature();

  private JavaRuntimeClasses() {
    for (ModuleReference module : ModuleFinder.ofSystem().findAll()) {
      ModuleDescriptor descriptor = module.descriptor();
      descriptor
          .packages()
          .forEach(p -> moduleByPackage.put(p.replace('.', '/') + "/", descriptor.name()));
    }
    FileSystem fs;
    try {
      fs = FileSystems.getFileSystem(URI.create("jrt:/"));
    } catch (RuntimeException e) {
      fs = null;
    }
    jrt = fs;
  }

  static JavaRuntimeClasses running() {
    return RUNNING;
  }

  /** The Java feature version of a Lambda runtime id: {@code java21} is 21, {@code java8.al2} 8. */
  static int feature(String runtime) {
    String digits = runtime.replaceFirst("^java(\\d+).*$", "$1");
    return digits.equals(runtime) ? -1 : Integer.parseInt(digits);
  }

  /** Whether the class loader of the Lambda runtime provides this class before the function's. */
  boolean isLambdaRuntime(String internalName) {
    String pkg = packageOf(internalName);
    return LAMBDA_PACKAGES.contains(pkg) || LAMBDA_TREES.stream().anyMatch(pkg::startsWith);
  }

  /**
   * Whether a module of the JDK owns the class's package: the JDK then answers for every class of
   * the package, and a copy in a jar is never loaded.
   */
  boolean isJdkPackage(String internalName) {
    return moduleByPackage.containsKey(packageOf(internalName));
  }

  /** Whether the JDK of the given feature version provides this class, as far as we can tell. */
  boolean providesJdkClass(String internalName, int runtimeFeature) {
    String pkg = packageOf(internalName);
    if (runtimeFeature == 8 && JAVA_8_ONLY.stream().anyMatch(pkg::startsWith)) {
      return true;
    }
    String module = moduleByPackage.get(pkg);
    if (module == null) {
      // java.* can only come from the JDK: a newer runtime may have a package this JDK lacks.
      return pkg.startsWith("java/") && runtimeFeature > buildFeature;
    }
    if (jrt == null || runtimeFeature > buildFeature) {
      return true;
    }
    return Files.exists(jrt.getPath("/modules", module, internalName + ".class"));
  }

  private static String packageOf(String internalName) {
    return internalName.substring(0, internalName.lastIndexOf('/') + 1);
  }
}
