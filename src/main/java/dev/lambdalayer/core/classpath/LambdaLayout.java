package dev.lambdalayer.core.classpath;

import dev.lambdalayer.core.model.Coordinates;
import dev.lambdalayer.core.zip.ZipIndex;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Lambda's Java class-path rules, the one source for the check and for {@code lambda:compare}:
 * where jars sit in a function zip ({@code lib/}) and a layer ({@code java/lib/}), which packages
 * the runtime's own class loader answers for, and how a jar names its library.
 */
public final class LambdaLayout {

  /** The directory of a function zip whose jars Lambda puts on the class path. */
  public static final String FUNCTION_JARS = "lib/";

  /** The directory of a layer zip whose jars Lambda puts on the class path (under /opt). */
  public static final String LAYER_JARS = "java/lib/";

  /** Packages (internal form, exact) of {@code aws-lambda-java-core}. */
  private static final List<String> RUNTIME_PACKAGES =
      List.of(
          "com/amazonaws/services/lambda/runtime/",
          "com/amazonaws/services/lambda/runtime/logging/");

  /** Package trees of the runtime interface client and the serialization library. */
  private static final List<String> RUNTIME_TREES =
      List.of(
          "com/amazonaws/services/lambda/runtime/api/client/",
          "com/amazonaws/services/lambda/runtime/serialization/",
          "com/amazonaws/services/lambda/crac/",
          "com/amazonaws/lambda/thirdparty/");

  private LambdaLayout() {}

  /**
   * Whether the Lambda runtime's class loader answers for this class ({@code com/foo/Bar} or {@code
   * com/foo/Bar.class}) before the function's: a copy in a zip never loads.
   */
  public static boolean isRuntimeClass(String internalName) {
    String pkg = internalName.substring(0, internalName.lastIndexOf('/') + 1);
    if (RUNTIME_PACKAGES.contains(pkg)) {
      return true;
    }
    for (String tree : RUNTIME_TREES) {
      if (pkg.startsWith(tree)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The jars directly in {@code directory} by entry name: Lambda lists one directory, no
   * sub-directories, and sorts by file name.
   */
  public static TreeMap<String, ZipIndex.Entry> jars(ZipIndex zip, String directory) {
    TreeMap<String, ZipIndex.Entry> jars = new TreeMap<>();
    for (ZipIndex.Entry entry : zip.entries().values()) {
      String name = entry.name();
      if (name.startsWith(directory)
          && name.endsWith(".jar")
          && name.length() > directory.length() + 4
          && name.indexOf('/', directory.length()) < 0) {
        jars.put(name, entry);
      }
    }
    return jars;
  }

  /** Whether a jar entry is a Maven {@code META-INF/maven/<g>/<a>/pom.properties}. */
  public static boolean isPomProperties(String entryName) {
    return entryName.startsWith("META-INF/maven/") && entryName.endsWith("/pom.properties");
  }

  /** The library a {@code pom.properties} names; null when it lacks one of its coordinates. */
  public static Coordinates pomCoordinates(byte[] pomProperties) throws IOException {
    Properties properties = new Properties();
    properties.load(new ByteArrayInputStream(pomProperties));
    String g = properties.getProperty("groupId");
    String a = properties.getProperty("artifactId");
    String v = properties.getProperty("version");
    return g == null || a == null || v == null
        ? null
        : Coordinates.of(g.trim(), a.trim(), v.trim());
  }
}
