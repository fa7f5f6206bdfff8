package dev.lambdalayer.core.invoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdalayer.core.model.InvalidConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lambda's class-path order and environment over the unpacked folders. */
class InvokeClassPathTest {

  @TempDir Path dir;

  @Test
  void runtimeFirstThenTaskThenItsJarsThenTheLayersJarsEachSortedByName() throws IOException {
    Path task = dir.resolve("task");
    Path opt = dir.resolve("opt");
    for (String jar : List.of("lib/z.jar", "lib/a.jar", "lib/nested/n.jar", "lib/notes.txt")) {
      Files.createDirectories(task.resolve(jar).getParent());
      Files.writeString(task.resolve(jar), "x");
    }
    for (String jar : List.of("java/lib/b.jar", "java/lib/A.jar", "java/other.jar")) {
      Files.createDirectories(opt.resolve(jar).getParent());
      Files.writeString(opt.resolve(jar), "x");
    }
    Path runtime = dir.resolve("ric.jar");
    assertThat(InvokeClassPath.of(List.of(runtime), task, opt))
        .containsExactly(
            runtime,
            task,
            task.resolve("lib/a.jar"),
            task.resolve("lib/z.jar"),
            opt.resolve("java/lib/A.jar"),
            opt.resolve("java/lib/b.jar"));
  }

  private static InvokeSettings settings(Map<String, String> environment) {
    return new InvokeSettings(
        "com.example.Handler::handleRequest",
        "orders",
        "java21",
        "eu-west-1",
        1024,
        3,
        environment,
        Map.of("AWS_PROFILE", "dev", "PATH", "/usr/bin"),
        0);
  }

  @Test
  void theEnvironmentIsLambdasWithTheUsersVariablesAndWhatPassesThrough() {
    Map<String, String> env =
        FunctionEnvironment.of(
            settings(Map.of("TABLE", "orders")), dir.resolve("invoke/task"), "127.0.0.1:9001");
    assertThat(env)
        .containsEntry("AWS_LAMBDA_FUNCTION_NAME", "orders")
        .containsEntry("_HANDLER", "com.example.Handler::handleRequest")
        .containsEntry("AWS_REGION", "eu-west-1")
        .containsEntry("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024")
        .containsEntry("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST")
        .containsEntry("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/orders")
        .containsEntry("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001")
        .containsEntry("AWS_EXECUTION_ENV", "AWS_Lambda_java21")
        .containsEntry("LAMBDA_TASK_ROOT", dir.resolve("invoke/task").toString())
        .containsEntry("TABLE", "orders")
        .containsEntry("AWS_PROFILE", "dev")
        .containsEntry("PATH", "/usr/bin");
  }

  @Test
  void refusesVariablesLambdaReservesNamingTheSetting() {
    assertThatThrownBy(
            () ->
                FunctionEnvironment.of(
                    settings(Map.of("AWS_REGION", "x", "1BAD", "y")), dir, "127.0.0.1:1"))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("INVOKE_ENVIRONMENT 'AWS_REGION': is a variable Lambda sets itself")
        .hasMessageContaining("INVOKE_ENVIRONMENT '1BAD': is not a valid environment variable");
  }

  @Test
  void passesThroughCredentialsProxiesAndTheOsBasicsOnly() {
    assertThat(FunctionEnvironment.passesThrough("AWS_SECRET_ACCESS_KEY")).isTrue();
    assertThat(FunctionEnvironment.passesThrough("https_proxy")).isTrue();
    assertThat(FunctionEnvironment.passesThrough("HOME")).isTrue();
    assertThat(FunctionEnvironment.passesThrough("MAVEN_OPTS")).isFalse();
    assertThat(FunctionEnvironment.passesThrough("JAVA_TOOL_OPTIONS")).isFalse();
  }

  @Test
  void theNativeClientLoadsOnLinuxX86AndArmOnly() {
    assertThat(RuntimeClientNative.libraryFor("Linux", "amd64", false))
        .isEqualTo("libaws-lambda-jni.linux-x86_64.so");
    assertThat(RuntimeClientNative.libraryFor("Linux", "aarch64", true))
        .isEqualTo("libaws-lambda-jni.linux_musl-aarch_64.so");
    assertThat(RuntimeClientNative.libraryFor("Mac OS X", "aarch64", false)).isNull();
    assertThat(RuntimeClientNative.libraryFor("Windows 11", "amd64", false)).isNull();
    assertThat(RuntimeClientNative.libraryFor("Linux", "ppc64le", false)).isNull();
  }
}
