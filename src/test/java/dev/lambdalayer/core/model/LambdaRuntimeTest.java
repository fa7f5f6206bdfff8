package dev.lambdalayer.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LambdaRuntimeTest {

  private static final LocalDate AL2_END = LocalDate.of(2027, 6, 30);

  @Test
  void theTableHoldsEveryCurrentJavaRuntime() {
    assertThat(LambdaRuntime.ids())
        .containsExactly(
            "java25",
            "java21",
            "java17.al2023",
            "java11.al2023",
            "java8.al2023",
            "java17",
            "java11",
            "java8.al2");
    assertThat(LambdaRuntime.byId("java17.al2023"))
        .hasValueSatisfying(
            r -> {
              assertThat(r.javaRelease()).isEqualTo(17);
              assertThat(r.os()).isEqualTo(LambdaRuntime.OperatingSystem.AMAZON_LINUX_2023);
              assertThat(r.deprecation()).isEmpty();
            });
    assertThat(LambdaRuntime.byId("java8.al2"))
        .hasValueSatisfying(
            r -> {
              assertThat(r.javaRelease()).isEqualTo(8);
              assertThat(r.os()).isEqualTo(LambdaRuntime.OperatingSystem.AMAZON_LINUX_2);
              assertThat(r.deprecation()).hasValue(AL2_END);
              assertThat(r.replacement()).hasValue("java8.al2023");
            });
    assertThat(LambdaRuntime.byId("java8")).isEmpty();
  }

  @Test
  void aRuntimeIdsJavaReleaseComesFromTheTableAndAnUnknownIdIsRefusedNamingTheSetting() {
    assertThat(LambdaRuntime.javaRelease("java8.al2")).isEqualTo(8);
    assertThat(LambdaRuntime.javaRelease("java11")).isEqualTo(11);
    assertThat(LambdaRuntime.javaRelease("java25")).isEqualTo(25);
    for (String unknown : List.of("java29", "java8", "python3.12")) {
      assertThatThrownBy(() -> LambdaRuntime.javaRelease(unknown))
          .isInstanceOfSatisfying(
              InvalidConfigurationException.class,
              e -> {
                Violation v = e.violations().get(0);
                assertThat(v.setting()).isEqualTo(Setting.RUNTIMES);
                assertThat(v.value()).isEqualTo(unknown);
                assertThat(v.fix()).contains("java8.al2023").contains("newer plugin");
              });
    }
  }

  @Test
  void theOldestRuntimeIsTheLowestJavaReleaseWhateverTheOrder() {
    assertThat(LambdaRuntime.oldest(List.of("java21", "java17"))).isEqualTo("java17");
    assertThat(LambdaRuntime.oldest(List.of("java11.al2023", "java25", "java8.al2")))
        .isEqualTo("java8.al2");
    assertThat(LambdaRuntime.oldest(List.of("java25"))).isEqualTo("java25");
  }

  @Test
  void aReportedRuntimeMayBeTheRetiredJava8ButNothingElseOutsideTheTable() {
    assertThat(LambdaRuntime.reportedJavaRelease("java8")).hasValue(8);
    assertThat(LambdaRuntime.reportedJavaRelease("java8.al2023")).hasValue(8);
    assertThat(LambdaRuntime.reportedJavaRelease("java17")).hasValue(17);
    assertThat(LambdaRuntime.reportedJavaRelease("python3.12")).isEmpty();
    assertThat(LambdaRuntime.reportedJavaRelease(null)).isEmpty();
  }

  @Test
  void everyReplacementIsARuntimeOfTheSameJavaOnAmazonLinux2023WithoutADate() {
    for (LambdaRuntime runtime : LambdaRuntime.values()) {
      runtime
          .replacement()
          .ifPresent(
              id -> {
                LambdaRuntime replacement = LambdaRuntime.byId(id).orElseThrow();
                assertThat(replacement.javaRelease()).as(id).isEqualTo(runtime.javaRelease());
                assertThat(replacement.os())
                    .as(id)
                    .isEqualTo(LambdaRuntime.OperatingSystem.AMAZON_LINUX_2023);
                assertThat(replacement.deprecation()).as(id).isEmpty();
              });
    }
    Set<String> ids = new HashSet<>(LambdaRuntime.ids());
    assertThat(ids).hasSize(LambdaRuntime.values().length);
  }

  @Test
  void warnsFromSixMonthsBeforeTheDate() {
    LambdaRuntime java17 = LambdaRuntime.JAVA17;
    assertThat(java17.deprecationWarning(LocalDate.of(2026, 12, 29))).isEmpty();
    assertThat(java17.deprecationWarning(LocalDate.of(2026, 12, 30)))
        .hasValue(
            "Runtime java17 (Amazon Linux 2) is deprecated on 2027-06-30; use java17.al2023"
                + " (Java 17 on Amazon Linux 2023)");
    assertThat(java17.deprecationWarning(AL2_END))
        .hasValueSatisfying(w -> assertThat(w).contains(" was deprecated on 2027-06-30;"));
    assertThat(java17.deprecationWarning(LocalDate.of(2030, 1, 1))).isPresent();
  }

  @Test
  void aRuntimeWithoutADateOrAReplacementIsWarnedAccordingly() {
    assertThat(LambdaRuntime.JAVA17_AL2023.deprecationWarning(LocalDate.of(2040, 1, 1))).isEmpty();
    assertThat(LambdaRuntime.JAVA21.deprecationWarning(LocalDate.of(2029, 1, 1)))
        .hasValue(
            "Runtime java21 (Amazon Linux 2023) is deprecated on 2029-06-30; move to a newer"
                + " Java runtime");
  }

  @Test
  void warnsOnlyForTheConfiguredRuntimesThatNeedIt() {
    assertThat(
            LambdaRuntime.deprecationWarnings(
                List.of("java17.al2023", "java17", "java21", "java99"), LocalDate.of(2027, 3, 1)))
        .singleElement()
        .asString()
        .startsWith(
            "Runtime java17 (Amazon Linux 2) is deprecated on 2027-06-30; use java17.al2023");
    assertThat(LambdaRuntime.deprecationWarnings(List.of("java8.al2"), null)).isEmpty();
  }

  @Test
  void theCheckDateIsTodayUnlessConfigured() {
    LocalDate today = LocalDate.of(2026, 12, 2);
    assertThat(LambdaRuntime.checkDate(null, today)).isEqualTo(today);
    assertThat(LambdaRuntime.checkDate(" ", today)).isEqualTo(today);
    assertThat(LambdaRuntime.checkDate(" 2027-01-15 ", today)).isEqualTo(LocalDate.of(2027, 1, 15));
    assertThatThrownBy(() -> LambdaRuntime.checkDate("15.01.2027", today))
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(
                        v -> {
                          assertThat(v.setting()).isEqualTo(Setting.RUNTIME_CHECK_DATE);
                          assertThat(v.value()).isEqualTo("15.01.2027");
                          assertThat(v.fix()).contains("2027-01-15");
                        }));
  }
}
