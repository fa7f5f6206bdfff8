package dev.lambdalayer.core.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalayer.core.publish.DuplicateVersions.Cause;
import java.util.List;
import org.junit.jupiter.api.Test;

class DuplicateVersionsTest {

  @Test
  void theLowestVersionWithTheContentIsNoDuplicate() {
    assertThat(DuplicateVersions.of(4, 0, 3, List.of(4L, 5L))).isEmpty();
    assertThat(DuplicateVersions.of(1, 2, 0, List.of())).isEmpty();
  }

  @Test
  void anAnsweredFirstAttemptMeansAnotherPublisher() {
    DuplicateVersions d = DuplicateVersions.of(5, 0, 3, List.of(4L, 5L)).orElseThrow();
    assertThat(d.kept()).isEqualTo(4);
    assertThat(d.own()).containsExactly(5L);
    assertThat(d.cause()).isEqualTo(Cause.CONCURRENT_PUBLISHER);
    assertThat(d.reason(5)).contains("another publisher");
  }

  @Test
  void aLostAnswerExplainsTheVersionThatAppeared() {
    DuplicateVersions d = DuplicateVersions.of(5, 1, 3, List.of(4L, 5L)).orElseThrow();
    assertThat(d.kept()).isEqualTo(4);
    assertThat(d.own()).containsExactly(5L);
    assertThat(d.cause()).isEqualTo(Cause.RETRIED_REQUEST);
    assertThat(d.reason(5)).contains("retried").contains("version 4");
  }

  @Test
  void twoLostAnswersLeaveTwoOwnDuplicates() {
    DuplicateVersions d = DuplicateVersions.of(7, 2, 4, List.of(5L, 6L, 7L)).orElseThrow();
    assertThat(d.kept()).isEqualTo(5);
    assertThat(d.own()).containsExactly(6L, 7L);
    assertThat(d.cause()).isEqualTo(Cause.RETRIED_REQUEST);
  }

  @Test
  void moreNewVersionsThanLostAnswersMeansBothCausesAndOnlyTheAnsweredOneIsOwn() {
    DuplicateVersions d = DuplicateVersions.of(7, 1, 4, List.of(5L, 6L, 7L)).orElseThrow();
    assertThat(d.kept()).isEqualTo(5);
    assertThat(d.own()).containsExactly(7L);
    assertThat(d.cause()).isEqualTo(Cause.BOTH);
  }

  @Test
  void versionsWithOtherContentBetweenDoNotCount() {
    // 5 and 6 hold other content (not listed here): only 4 and 7 carry ours.
    DuplicateVersions d = DuplicateVersions.of(7, 1, 3, List.of(4L, 7L)).orElseThrow();
    assertThat(d.own()).containsExactly(7L);
    assertThat(d.cause()).isEqualTo(Cause.RETRIED_REQUEST);
  }
}
