package dev.lambdalayer.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.utils.Logger;

/** The signers the plugin silences exist in the shipped SDK, and a missing set stops a -X build. */
class SigningLogSilencerTest {

  @Test
  void everyListedSignerIsInTheShippedSdkWithALoggerToSilence() throws Exception {
    // An SDK upgrade that renames or moves a signer fails here, not silently in a -X build.
    for (String name : SigningLogSilencer.SIGNING_CLASSES) {
      Class<?> type = Class.forName(name, false, getClass().getClassLoader());
      assertThat(
              Arrays.stream(type.getDeclaredFields())
                  .filter(f -> Modifier.isStatic(f.getModifiers()))
                  .map(Field::getType)
                  .toList())
          .as(name)
          .contains(Logger.class);
    }
    assertThat(SigningLogSilencer.silenceAll(SigningLogSilencer.SIGNING_CLASSES, true))
        .isEqualTo(SigningLogSilencer.SIGNING_CLASSES.size());
    for (String name : SigningLogSilencer.SIGNING_CLASSES) {
      assertThat(SigningLogSilencer.silenced(name)).as(name).isTrue();
    }
  }

  @Test
  void noListedSignerFoundUnderDebugLoggingStopsTheBuildNamingTheClasses() {
    List<String> renamed = List.of("software.amazon.awssdk.nosuch.RenamedSigner");
    assertThatThrownBy(() -> SigningLogSilencer.silenceAll(renamed, true))
        .isInstanceOf(SigningLogException.class)
        .hasMessageContaining("software.amazon.awssdk.nosuch.RenamedSigner")
        .hasMessageContaining("Run without -X");
    assertThat(SigningLogSilencer.silenceAll(renamed, false)).isZero();
  }
}
