package dev.lambdalayer.core.lock;

import dev.lambdalayer.core.model.InvalidConfigurationException;
import dev.lambdalayer.core.model.Setting;
import dev.lambdalayer.core.model.Violation;
import dev.lambdalayer.core.plan.LayerDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The AWS accounts whose shared layers a function may use; empty trusts every account (the default,
 * as before this setting existed).
 */
public record TrustedAccounts(Set<String> accounts) {

  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

  /** Trusts every account. */
  public static final TrustedAccounts ANY = new TrustedAccounts(Set.of());

  public TrustedAccounts {
    accounts = Set.copyOf(accounts);
  }

  /**
   * Reads the configured account ids.
   *
   * @throws InvalidConfigurationException for an entry that is not a 12-digit account id
   */
  public static TrustedAccounts parse(List<String> configured) {
    Set<String> out = new LinkedHashSet<>();
    List<Violation> violations = new ArrayList<>();
    for (String entry : configured) {
      String value = entry.trim();
      if (!ACCOUNT.matcher(value).matches()) {
        violations.add(
            new Violation(
                Setting.TRUSTED_ACCOUNTS,
                value,
                "is not a 12-digit AWS account id",
                "write the ids of the accounts that publish your shared layers, e.g."
                    + " 123456789012"));
      } else {
        out.add(value);
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidConfigurationException(violations);
    }
    return new TrustedAccounts(out);
  }

  /**
   * Refuses a shared layer with a version published from an account not trusted.
   *
   * @param reference the shared layer as configured ({@code groupId:artifactId:version})
   * @throws InvalidConfigurationException naming the layer, the accounts and the trusted ones
   */
  public void check(LayerDescriptor descriptor, String reference) {
    if (accounts.isEmpty()) {
      return;
    }
    List<String> untrusted =
        descriptor.published().stream()
            .map(p -> p.account())
            .filter(a -> !accounts.contains(a))
            .distinct()
            .sorted()
            .toList();
    if (!untrusted.isEmpty()) {
      throw new InvalidConfigurationException(
          new Violation(
              Setting.SHARED_LAYERS,
              reference,
              "layer '"
                  + descriptor.name()
                  + "' is published from account "
                  + String.join(", ", untrusted)
                  + ", which is not trusted (trusted: "
                  + String.join(", ", accounts.stream().sorted().toList())
                  + ")",
              "use a layer published from a trusted account, or add the account to the trusted"
                  + " accounts if you trust it",
              Setting.TRUSTED_ACCOUNTS));
    }
  }
}
