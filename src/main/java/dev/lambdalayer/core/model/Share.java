package dev.lambdalayer.core.model;

import java.util.regex.Pattern;

/**
 * Who may use a published layer version: one account, every account of an organization, or everyone
 * ({@code *}, only when written out explicitly).
 *
 * @param principal a 12-digit account id, or {@code *}
 * @param organizationId an {@code o-...} organization id with principal {@code *}, else null
 */
public record Share(String principal, String organizationId) {

  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
  private static final Pattern ORGANIZATION = Pattern.compile("o-[a-z0-9]{10,32}");

  /** Reads {@code 123456789012}, {@code o-abc123def4} or {@code *}. */
  public static Share parse(String text) {
    String value = text.trim();
    if (value.equals("*")) {
      return new Share("*", null);
    }
    if (ACCOUNT.matcher(value).matches()) {
      return new Share(value, null);
    }
    if (ORGANIZATION.matcher(value).matches()) {
      return new Share("*", value);
    }
    throw new InvalidConfigurationException(
        new Violation(
            Setting.SHARE,
            value,
            "is neither a 12-digit account id, an organization id (o-...) nor '*'",
            "write an account id such as 123456789012, an organization id such as"
                + " o-a1b2c3d4e5, or '*' to make the layer public"));
  }

  /** A statement id that is the same for the same grant, so granting twice changes nothing. */
  public String statementId() {
    if (organizationId != null) {
      return "lambda-layer-org-" + organizationId;
    }
    return principal.equals("*") ? "lambda-layer-public" : "lambda-layer-account-" + principal;
  }

  @Override
  public String toString() {
    return organizationId != null ? organizationId : principal;
  }
}
