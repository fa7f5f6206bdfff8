package dev.lambdalayer.aws;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.List;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.utils.Logger;

/**
 * Keeps signing material out of Maven's log, even under {@code mvn -X}, without touching anything
 * other plugins share.
 *
 * <p>At debug level the SDK's SigV4 signer logs the canonical request, which carries the value of
 * {@code X-Amz-Security-Token} (a session credential). Capping that logger through SLF4J would
 * change state every plugin in the Maven process shares: Maven's logger levels come from JVM-wide
 * system properties, and its logger objects are shared by name. Instead, the signer classes loaded
 * in this plugin's class realm get a logger that drops everything: each holds its SDK {@link
 * Logger} in a static field, and that wrapper's SLF4J logger is replaced by one that writes
 * nothing. Another plugin's copy of the SDK, in its own realm, keeps its logging. The SDK's request
 * logger ({@code software.amazon.awssdk.request}) prints header names only and stays available for
 * {@code -X}.
 */
final class SigningLogSilencer {

  /** The SDK classes that log canonical requests, strings to sign or signing keys. */
  static final List<String> SIGNING_CLASSES =
      List.of(
          "software.amazon.awssdk.http.auth.aws.internal.signer.DefaultV4RequestSigner",
          "software.amazon.awssdk.http.auth.aws.internal.signer.DefaultAwsV4HttpSigner",
          "software.amazon.awssdk.http.auth.aws.internal.signer.AwsChunkedV4PayloadSigner",
          "software.amazon.awssdk.http.auth.aws.internal.signer.util.SignerUtils",
          "software.amazon.awssdk.auth.signer.internal.AbstractAws4Signer");

  /**
   * An SLF4J logger for which every level is off and which writes nothing. A proxy of the {@code
   * org.slf4j.Logger} interface rather than SLF4J's own no-op logger: the interface is what every
   * Maven version exports to plugins, its helper classes need not be.
   */
  static final org.slf4j.Logger SILENT =
      (org.slf4j.Logger)
          Proxy.newProxyInstance(
              SigningLogSilencer.class.getClassLoader(),
              new Class<?>[] {org.slf4j.Logger.class},
              (proxy, method, args) ->
                  switch (method.getName()) {
                    case "getName" -> "silenced-signer";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "silenced-signer";
                    default -> method.getReturnType() == boolean.class ? Boolean.FALSE : null;
                  });

  private static volatile boolean installed;

  private SigningLogSilencer() {}

  /**
   * Silences the signer classes of this class loader, once.
   *
   * @throws SigningLogException when debug logging is on and a signer could not be silenced, or
   *     none of the listed signers is in this SDK (an SDK whose internals changed): better no build
   *     than a leaked credential
   */
  static void install() {
    if (installed) {
      return;
    }
    synchronized (SigningLogSilencer.class) {
      if (installed) {
        return;
      }
      silenceAll(
          SIGNING_CLASSES,
          LoggerFactory.getLogger("software.amazon.awssdk.http.auth").isDebugEnabled()
              || LoggerFactory.getLogger("software.amazon.awssdk.auth").isDebugEnabled());
      installed = true;
    }
  }

  /**
   * Silences the named classes that this SDK has; returns how many. A class the SDK lacks logs
   * nothing, but when none of them is there the SDK signs in classes this plugin does not know.
   *
   * @throws SigningLogException when {@code debug} and none was found
   */
  static int silenceAll(List<String> classNames, boolean debug) {
    int silenced = 0;
    for (String name : classNames) {
      if (silence(name)) {
        silenced++;
      }
    }
    if (silenced == 0 && debug) {
      throw new SigningLogException(
          "None of the AWS SDK signer classes this plugin silences is in the SDK on its class path"
              + " ("
              + String.join(", ", classNames)
              + "): the SDK's debug log could carry signing material such as the session token."
              + " Run without -X (debug logging), or use a plugin version made for this SDK.");
    }
    return silenced;
  }

  /** Whether the class's SDK logger drops everything now. */
  static boolean silenced(String className) throws ReflectiveOperationException {
    Class<?> type = Class.forName(className, true, SigningLogSilencer.class.getClassLoader());
    for (Logger logger : loggers(type)) {
      if (logger.logger() != SILENT) {
        return false;
      }
    }
    return true;
  }

  /** Silences one class; false when this SDK lacks it. */
  private static boolean silence(String className) {
    Class<?> type;
    try {
      type = Class.forName(className, true, SigningLogSilencer.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return false; // not in this SDK version: it logs nothing
    }
    try {
      Field inner = Logger.class.getDeclaredField("log");
      inner.setAccessible(true);
      for (Logger logger : loggers(type)) {
        inner.set(logger, SILENT);
      }
      return true;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      if (LoggerFactory.getLogger(type).isDebugEnabled()) {
        throw new SigningLogException(
            "The AWS SDK's signer "
                + className
                + " would write signing material to the debug log, and this plugin could not"
                + " silence it ("
                + e
                + "). Run without -X (debug logging), or use a plugin version made for this SDK.",
            e);
      }
      return false;
    }
  }

  private static List<Logger> loggers(Class<?> type) throws ReflectiveOperationException {
    List<Logger> out = new java.util.ArrayList<>();
    for (Field field : type.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == Logger.class) {
        field.setAccessible(true);
        out.add((Logger) field.get(null));
      }
    }
    return out;
  }
}
