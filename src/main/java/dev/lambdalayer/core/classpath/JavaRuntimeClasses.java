package dev.lambdalayer.core.classpath;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The classes that come before the function's on Lambda's class path: those of the JDK of the
 * function's runtime, and the Lambda Java runtime's own.
 *
 * <p>The JDK's classes are those of the runtime's Java release, from the list shipped with the
 * plugin ({@link JdkClassList}), not those of the JDK running the build: a function for {@code
 * java11} that uses {@code java.util.HexFormat} (Java 17) is caught on any build JDK, and one for
 * {@code java8.al2023} may use {@code javax.xml.bind}. The release comes from the runtime table
 * ({@code LambdaRuntime.javaRelease}); only a release the list lacks (a table row added without
 * regenerating the list) is answered by the running JDK, and a {@code java.*} class this JDK lacks
 * then counts as provided when the runtime is newer (it may have been added since).
 *
 * <p>The Lambda runtime puts {@code aws-lambda-java-core}, its serialization library and the
 * runtime interface client on the parent class loader, so their packages win over any copy in the
 * function or a layer. {@code aws-lambda-java-events} ({@code
 * com.amazonaws.services.lambda.runtime.events}) is not among them: a function must ship it.
 */
final class JavaRuntimeClasses {

  private static final Map<Integer, JavaRuntimeClasses> BY_FEATURE = new ConcurrentHashMap<>();

  /** The JDK classes of one Java release, by internal class name ({@code java/lang/Object}). */
  interface Jdk {
    /** Whether the JDK answers for this class, so a copy on the class path is never loaded. */
    boolean loads(String internalName);

    /** Whether the JDK has this class (for its internal packages: whether it has the package). */
    boolean has(String internalName);

    /** Where the classes come from, for the report. */
    String describe();
  }

  private final Jdk jdk;
  private final int feature;

  private JavaRuntimeClasses(Jdk jdk, int feature) {
    this.jdk = jdk;
    this.feature = feature;
  }

  /** The classes of the runtime of this Java feature version. */
  static JavaRuntimeClasses of(int feature) {
    return BY_FEATURE.computeIfAbsent(
        feature,
        f -> {
          JdkClassList.Release release = JdkClassList.shipped().release(f);
          return new JavaRuntimeClasses(release != null ? release : new RunningJdk(f), f);
        });
  }

  /** Whether the class loader of the Lambda runtime provides this class before the function's. */
  boolean isLambdaRuntime(String internalName) {
    return LambdaLayout.isRuntimeClass(internalName);
  }

  /** Whether {@link #isJdkClass} depends only on the package (Java 9 on: modules own packages). */
  boolean jdkAnswersByPackage() {
    return feature >= 9;
  }

  /**
   * Whether the JDK answers for this class: from Java 9 on, whether a module of the JDK owns its
   * package; on Java 8, whether the JDK has the class. A copy in a jar is then never loaded.
   */
  boolean isJdkClass(String internalName) {
    return jdk.loads(internalName);
  }

  /**
   * Whether the JDK provides this class. A class in a package the JDK has but does not export
   * ({@code sun.nio.ch}, {@code jdk.internal.misc}) counts as provided: the lists do not go into
   * those packages, and code that uses them usually guards the use.
   */
  boolean providesJdkClass(String internalName) {
    return jdk.has(internalName);
  }

  /** Where the JDK classes come from: the list of the runtime's release, or the running JDK. */
  String describe() {
    return jdk.describe();
  }

  /** Whether the classes are the running JDK's, as the shipped list lacks the release. */
  boolean isRunningJdk() {
    return jdk instanceof RunningJdk;
  }

  /** The JDK running the build, for a release the shipped list does not cover. */
  private static final class RunningJdk implements Jdk {
    private static final Map<String, String> MODULE_BY_PACKAGE = new HashMap<>();
    private static final FileSystem JRT;

    static {
      for (ModuleReference module : ModuleFinder.ofSystem().findAll()) {
        ModuleDescriptor descriptor = module.descriptor();
        descriptor
            .packages()
            .forEach(p -> MODULE_BY_PACKAGE.put(p.replace('.', '/') + "/", descriptor.name()));
      }
      FileSystem fs;
      try {
        fs = FileSystems.getFileSystem(URI.create("jrt:/"));
      } catch (RuntimeException e) {
        fs = null;
      }
      JRT = fs;
    }

    private final int runtimeFeature;
    private final int buildFeature = Runtime.version().feature();

    RunningJdk(int runtimeFeature) {
      this.runtimeFeature = runtimeFeature;
    }

    @Override
    public boolean loads(String internalName) {
      return MODULE_BY_PACKAGE.containsKey(JdkClassList.packageOf(internalName));
    }

    @Override
    public boolean has(String internalName) {
      String pkg = JdkClassList.packageOf(internalName);
      String module = MODULE_BY_PACKAGE.get(pkg);
      if (module == null) {
        // java.* can only come from the JDK: a newer runtime may have a package this JDK lacks.
        return pkg.startsWith("java/") && runtimeFeature > buildFeature;
      }
      if (JRT == null || runtimeFeature > buildFeature) {
        return true;
      }
      return Files.exists(JRT.getPath("/modules", module, internalName + ".class"));
    }

    @Override
    public String describe() {
      return "JDK classes of the running JDK "
          + buildFeature
          + " (no list for Java "
          + runtimeFeature
          + ")";
    }
  }
}
