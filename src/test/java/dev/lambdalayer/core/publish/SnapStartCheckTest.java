package dev.lambdalayer.core.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalayer.core.model.Setting;
import dev.lambdalayer.core.model.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapStartCheckTest {

  @Test
  void unsetOrOffNeedsNothing() {
    assertThat(SnapStartCheck.check(null, null, null, List.of("java8.al2"))).isEmpty();
    assertThat(SnapStartCheck.check(false, "hello", null, List.of("java8.al2"))).isEmpty();
  }

  @Test
  void onWithFunctionAliasAndJava11OrLaterIsFine() {
    assertThat(SnapStartCheck.check(true, "hello", "live", List.of("java11", "java21"))).isEmpty();
  }

  @Test
  void onWithoutAnAliasNamesTheAlias() {
    List<Violation> v = SnapStartCheck.check(true, "hello", " ", List.of("java21"));
    assertThat(v)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.setting()).isEqualTo(Setting.SNAP_START);
              assertThat(x.related()).isEqualTo(Setting.ALIAS);
              assertThat(x.problem()).contains("published versions only");
            });
  }

  @Test
  void onWithoutAFunctionNamesTheFunction() {
    assertThat(SnapStartCheck.check(true, null, "live", List.of("java21")))
        .singleElement()
        .extracting(Violation::related)
        .isEqualTo(Setting.FUNCTION);
  }

  @Test
  void everyJava8FlavourIsRefused() {
    List<Violation> v =
        SnapStartCheck.check(true, "hello", "live", List.of("java21", "java8.al2", "java8.al2023"));
    assertThat(v)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.related()).isEqualTo(Setting.RUNTIMES);
              assertThat(x.problem()).contains("java8.al2, java8.al2023");
            });
    assertThat(SnapStartCheck.unsupported("java11.al2023")).isFalse();
    assertThat(SnapStartCheck.unsupported("java8")).isTrue();
  }
}
