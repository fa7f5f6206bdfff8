package dev.lambdalayer.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 13 item 15: a tiny function beside large layers was "100.0% smaller". */
class BuildSummaryTest {

  @Test
  void aSavingThatWouldRoundTo100PercentSaysMoreThan99Point9() {
    assertThat(BuildSummary.saving(2_048, 100L * 1024 * 1024)).isEqualTo("more than 99.9% smaller");
    assertThat(BuildSummary.saving(1, 1_000_000)).isEqualTo("more than 99.9% smaller");
  }

  @Test
  void otherSavingsKeepOneDecimal() {
    assertThat(BuildSummary.saving(250, 1_000)).isEqualTo("75.0% smaller");
    assertThat(BuildSummary.saving(1_001, 1_000_000)).isEqualTo("99.9% smaller");
  }

  @Test
  void aFunctionZipThatIsNotSmallerSaysSo() {
    assertThat(BuildSummary.saving(1_000, 1_000)).isEqualTo("not smaller");
    assertThat(BuildSummary.saving(1_010, 1_000)).isEqualTo("not smaller");
  }
}
