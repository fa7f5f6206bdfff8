package dev.lambdalayer.core.invoke;

import dev.lambdalayer.core.model.InvalidConfigurationException;
import dev.lambdalayer.core.model.Setting;
import dev.lambdalayer.core.model.Violation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The environment Lambda gives a Java function, plus the user's variables and pass-through. */
public final class FunctionEnvironment {

  /** Variables of the caller's environment handed to the function (credentials, proxies, OS). */
  public static boolean passesThrough(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    return upper.startsWith("AWS_") || PASSED.contains(upper) || upper.endsWith("_PROXY");
  }

  private static final Set<String> PASSED =
      Set.of("PATH", "HOME", "USERPROFILE", "SYSTEMROOT", "TEMP", "TMP", "LANG");

  /** Names Lambda sets itself and refuses in a function's configuration. */
  private static final Set<String> RESERVED =
      Set.of(
          "_HANDLER",
          "_X_AMZN_TRACE_ID",
          "AWS_DEFAULT_REGION",
          "AWS_REGION",
          "AWS_EXECUTION_ENV",
          "AWS_LAMBDA_FUNCTION_NAME",
          "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
          "AWS_LAMBDA_FUNCTION_VERSION",
          "AWS_LAMBDA_INITIALIZATION_TYPE",
          "AWS_LAMBDA_LOG_GROUP_NAME",
          "AWS_LAMBDA_LOG_STREAM_NAME",
          "AWS_ACCESS_KEY",
          "AWS_ACCESS_KEY_ID",
          "AWS_SECRET_ACCESS_KEY",
          "AWS_SESSION_TOKEN",
          "AWS_LAMBDA_RUNTIME_API",
          "LAMBDA_TASK_ROOT",
          "LAMBDA_RUNTIME_DIR");

  private FunctionEnvironment() {}

  /**
   * The child's whole environment: pass-through first, Lambda's reserved variables over it, the
   * user's variables last.
   *
   * @throws InvalidConfigurationException naming the environment setting for a reserved name
   */
  public static Map<String, String> of(InvokeSettings settings, Path task, String runtimeApi) {
    List<Violation> violations = new ArrayList<>();
    for (String name : settings.environment().keySet()) {
      if (RESERVED.contains(name) || !name.matches("[a-zA-Z]\\w*")) {
        violations.add(
            new Violation(
                Setting.INVOKE_ENVIRONMENT,
                name,
                RESERVED.contains(name)
                    ? "is a variable Lambda sets itself and refuses in a function's configuration"
                    : "is not a valid environment variable name for Lambda (letters, digits and"
                        + " underscores, starting with a letter)",
                "remove or rename it"));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidConfigurationException(violations);
    }
    Map<String, String> env = new TreeMap<>(settings.passedThrough());
    env.put("AWS_REGION", settings.region());
    env.put("AWS_DEFAULT_REGION", settings.region());
    env.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + settings.runtime());
    env.put("AWS_LAMBDA_FUNCTION_NAME", settings.functionName());
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(settings.memoryMb()));
    env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
    env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + settings.functionName());
    env.put("AWS_LAMBDA_LOG_STREAM_NAME", "local/[$LATEST]lambda-invoke");
    env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
    env.put("_HANDLER", settings.handler());
    env.put("LAMBDA_TASK_ROOT", task.toString());
    env.put("LAMBDA_RUNTIME_DIR", task.getParent().resolve("runtime").toString());
    env.put("TZ", ":UTC");
    env.putAll(settings.environment());
    return env;
  }
}
