package dev.lambdalayer.core.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalayer.core.model.Setting;
import dev.lambdalayer.core.model.Share;
import dev.lambdalayer.core.port.InMemoryAws;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayerSharingTest {

  private final InMemoryAws aws = new InMemoryAws();
  private final List<String> info = new ArrayList<>();
  private final List<String> warn = new ArrayList<>();

  private int converge(List<Share> declared) {
    return new LayerSharing(aws, declared, info::add, warn::add).converge("eu-west-1", "libs", 1);
  }

  @Test
  void addsWhatIsMissingRemovesWhatIsNotDeclaredAndWarnsForEachRemoval() {
    aws.addLayerVersion("eu-west-1", "libs", "d", "c", 1);
    assertThat(converge(List.of(Share.parse("111111111111"), Share.parse("o-abcdefghij"))))
        .isEqualTo(2);
    assertThat(converge(List.of(Share.parse("111111111111"), Share.parse("o-abcdefghij"))))
        .as("converged: nothing to do")
        .isZero();
    assertThat(warn).isEmpty();

    assertThat(converge(List.of(Share.parse("222222222222")))).isEqualTo(3);

    assertThat(aws.layerStatementIds("eu-west-1", "libs", 1))
        .containsExactly("lambda-layer-account-222222222222");
    assertThat(warn)
        .containsExactlyInAnyOrder(
            "Layer 'libs' eu-west-1 version 1: removed the grant to 111111111111 (statement"
                + " lambda-layer-account-111111111111), which is not among the declared shares;"
                + " whom it named can no longer add this version to a function (functions already"
                + " using it keep it).",
            "Layer 'libs' eu-west-1 version 1: removed the grant to o-abcdefghij (statement"
                + " lambda-layer-org-o-abcdefghij), which is not among the declared shares;"
                + " whom it named can no longer add this version to a function (functions already"
                + " using it keep it).");
    assertThat(info).contains("Layer 'libs' eu-west-1 version 1: shared with 222222222222.");
  }

  @Test
  void noSharesDeclaredRevokesEveryGrant() {
    aws.addLayerVersion("eu-west-1", "libs", "d", "c", 1);
    converge(List.of(Share.parse("111111111111")));
    converge(List.of());
    assertThat(aws.layerStatementIds("eu-west-1", "libs", 1)).isEmpty();
    assertThat(aws.calls("RemoveLayerVersionPermission")).hasSize(1);
  }

  @Test
  void aPublicShareNeedsTheOptIn() {
    assertThat(LayerSharing.publicWithoutOptIn(List.of(Share.parse("*")), false))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.setting()).isEqualTo(Setting.SHARE);
              assertThat(v.related()).isEqualTo(Setting.SHARE_PUBLICLY);
              assertThat(v.problem()).contains("every AWS account");
            });
    assertThat(LayerSharing.publicWithoutOptIn(List.of(Share.parse("*")), true)).isEmpty();
    assertThat(LayerSharing.publicWithoutOptIn(List.of(Share.parse("o-abcdefghij")), false))
        .as("an organization is not the public")
        .isEmpty();
  }
}
