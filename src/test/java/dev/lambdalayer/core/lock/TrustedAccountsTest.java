package dev.lambdalayer.core.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdalayer.core.model.Hashes;
import dev.lambdalayer.core.model.InvalidConfigurationException;
import dev.lambdalayer.core.model.Lockfile;
import dev.lambdalayer.core.model.Setting;
import dev.lambdalayer.core.plan.LayerDescriptor;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedAccountsTest {

  private static LayerDescriptor publishedFrom(String... accounts) {
    String sha = "a".repeat(64);
    return new LayerDescriptor(
        1,
        "com.acme:platform-layer:1.4.0",
        "platform",
        List.of("java21"),
        List.of("x86_64"),
        sha,
        Hashes.toBase64(sha),
        1_000,
        List.of(),
        java.util.Arrays.stream(accounts)
            .map(
                a ->
                    new Lockfile.Published(
                        "eu-west-1",
                        a,
                        "arn:aws:lambda:eu-west-1:" + a + ":layer:platform:1",
                        1,
                        Hashes.toBase64(sha)))
            .toList());
  }

  @Test
  void aLayerFromAnAccountNotTrustedIsRefusedNamingBoth() {
    TrustedAccounts trusted = TrustedAccounts.parse(List.of(" 111111111111 ", "222222222222"));
    trusted.check(publishedFrom("111111111111"), "com.acme:platform-layer:1.4.0");
    assertThatThrownBy(
            () ->
                trusted.check(
                    publishedFrom("111111111111", "999999999999"), "com.acme:platform-layer:1.4.0"))
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class,
            e -> {
              assertThat(e.violations()).hasSize(1);
              assertThat(e.violations().get(0).setting()).isEqualTo(Setting.SHARED_LAYERS);
              assertThat(e.violations().get(0).related()).isEqualTo(Setting.TRUSTED_ACCOUNTS);
            })
        .hasMessageContaining(
            "layer 'platform' is published from account 999999999999, which is not trusted"
                + " (trusted: 111111111111, 222222222222)");
  }

  @Test
  void unsetTrustsEveryAccountAndABadIdIsRefused() {
    TrustedAccounts.ANY.check(publishedFrom("999999999999"), "x");
    assertThat(TrustedAccounts.parse(List.of())).isEqualTo(TrustedAccounts.ANY);
    assertThatThrownBy(() -> TrustedAccounts.parse(List.of("12345", "o-abc")))
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class, e -> assertThat(e.violations()).hasSize(2))
        .hasMessageContaining("is not a 12-digit AWS account id");
  }
}
