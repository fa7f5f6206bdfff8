package dev.lambdalayer.core.classpath;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one table of what widely used libraries read from the class path as a whole: service
 * interfaces that must have exactly one provider, and resources read with {@code
 * ClassLoader.getResources}, whose every copy counts. Users add single-provider services with
 * {@code <singleProviderServices>}.
 */
final class KnownServices {

  /** Service interface (binary name) to the fix for two providers. */
  private static final Map<String, String> SINGLE_PROVIDER = new LinkedHashMap<>();

  static {
    String sdkHttp =
        "the AWS SDK fails with \"Multiple HTTP implementations were found on the classpath\""
            + " for a client built without an explicit httpClient. Fix: exclude one HTTP client"
            + " library from the dependency that brings it, or build every client with"
            + " .httpClient(...) / .httpClientBuilder(...), or set the system property (or Lambda"
            + " environment variable JAVA_TOOL_OPTIONS=-D...)"
            + " software.amazon.awssdk.http.service.impl to the implementation class to use";
    SINGLE_PROVIDER.put("software.amazon.awssdk.http.SdkHttpService", sdkHttp);
    SINGLE_PROVIDER.put(
        "software.amazon.awssdk.http.async.SdkAsyncHttpService",
        sdkHttp
            .replace("httpClient(", "httpClient(/asyncHttpClient(")
            .replace(
                "software.amazon.awssdk.http.service.impl",
                "software.amazon.awssdk.http.async.service.impl"));
    SINGLE_PROVIDER.put(
        "org.slf4j.spi.SLF4JServiceProvider",
        "SLF4J 2 uses the first binding it finds and logs \"Class path contains multiple SLF4J"
            + " providers\". Fix: exclude all SLF4J bindings but one from the dependencies");
  }

  /**
   * Resources libraries read with {@code getResources}: every copy on the class path is read, so a
   * copy a layer brings back (that a shaded jar had dropped) changes behaviour.
   */
  static final List<String> MERGED_RESOURCES =
      List.of(
          // AWS SDK v2: interceptors applied to every client (e.g. X-Ray tracing).
          "software/amazon/awssdk/global/handlers/execution.interceptors",
          // AWS SDK v1's equivalent.
          "com/amazonaws/global/handlers/request.handler2s",
          // Spring: auto-configuration, namespace handlers, XML schemas.
          "META-INF/spring.factories",
          "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports",
          "META-INF/spring.handlers",
          "META-INF/spring.schemas",
          // Log4j 2's plugin caches.
          "META-INF/org/apache/logging/log4j/core/config/plugins/Log4j2Plugins.dat",
          "META-INF/log4j-provider.properties",
          // Netty's version report reads every copy.
          "META-INF/io.netty.versions.properties");

  private KnownServices() {}

  /** Interface name to fix text for every single-provider service, the user's included. */
  static Map<String, String> singleProvider(List<String> userServices) {
    Map<String, String> all = new LinkedHashMap<>(SINGLE_PROVIDER);
    for (String service : userServices) {
      all.putIfAbsent(
          service,
          "listed by the build as needing exactly one provider. Fix: exclude"
              + " all libraries providing it but one");
    }
    return all;
  }
}
