package dev.lambdalayer.core.classpath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdalayer.core.model.Coordinates;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The class-path rules shared by the check and lambda:compare. */
class LambdaLayoutTest {

  @Test
  void runtimeAnswersForCorePackagesAndTreesOnly() {
    assertTrue(LambdaLayout.isRuntimeClass("com/amazonaws/services/lambda/runtime/Context"));
    assertTrue(LambdaLayout.isRuntimeClass("com/amazonaws/services/lambda/runtime/Context.class"));
    assertTrue(
        LambdaLayout.isRuntimeClass("com/amazonaws/services/lambda/runtime/api/client/x/Y.class"));
    assertTrue(LambdaLayout.isRuntimeClass("com/amazonaws/lambda/thirdparty/com/a/B"));
    // aws-lambda-java-events is shipped by the function, not by the runtime.
    assertFalse(
        LambdaLayout.isRuntimeClass("com/amazonaws/services/lambda/runtime/events/SQSEvent"));
    assertFalse(LambdaLayout.isRuntimeClass("com/example/Handler"));
  }

  @Test
  void pomPropertiesNameTheLibraryOrNothing() throws Exception {
    assertTrue(LambdaLayout.isPomProperties("META-INF/maven/org.a/a/pom.properties"));
    assertFalse(LambdaLayout.isPomProperties("META-INF/maven/org.a/a/pom.xml"));
    assertEquals(
        Coordinates.of("org.a", "a", "1.0"),
        LambdaLayout.pomCoordinates(
            "groupId=org.a \nartifactId=a\nversion=1.0\n".getBytes(StandardCharsets.ISO_8859_1)));
    assertNull(
        LambdaLayout.pomCoordinates(
            "groupId=org.a\nversion=1.0\n".getBytes(StandardCharsets.UTF_8)));
  }
}
