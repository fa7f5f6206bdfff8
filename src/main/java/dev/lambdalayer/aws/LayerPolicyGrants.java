package dev.lambdalayer.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdalayer.core.model.Share;
import dev.lambdalayer.core.port.LayerPublisher.Grant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the grants of a layer version's policy document ({@code GetLayerVersionPolicy}'s {@code
 * Policy}, an IAM policy as a JSON string) with Jackson: each statement's {@code Sid}, principal
 * and organization condition.
 */
final class LayerPolicyGrants {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** {@code arn:aws:iam::123456789012:root}, as IAM writes an account principal back. */
  private static final Pattern ACCOUNT_ROOT = Pattern.compile("arn:[a-z-]+:iam::(\\d{12}):root");

  private LayerPolicyGrants() {}

  /**
   * The grants of {@code policy}; none for a null or empty one.
   *
   * @throws IllegalArgumentException when the text is not a JSON policy document
   */
  static List<Grant> parse(String policy) {
    if (policy == null || policy.isBlank()) {
      return List.of();
    }
    JsonNode root;
    try {
      root = JSON.readTree(policy);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "the layer version's policy is not JSON: " + e.getOriginalMessage(), e);
    }
    JsonNode statements = root.path("Statement");
    List<JsonNode> list = new ArrayList<>();
    if (statements.isArray()) {
      statements.forEach(list::add);
    } else if (statements.isObject()) {
      list.add(statements); // IAM allows a single statement without the array
    }
    List<Grant> grants = new ArrayList<>();
    for (JsonNode statement : list) {
      String sid = statement.path("Sid").asText("");
      String principal = principal(statement.path("Principal"));
      JsonNode org = statement.path("Condition").path("StringEquals").path("aws:PrincipalOrgID");
      grants.add(new Grant(sid, new Share(principal, org.isTextual() ? org.textValue() : null)));
    }
    return grants;
  }

  /** {@code *}, a 12-digit account id, or the principal's text when it is neither. */
  private static String principal(JsonNode node) {
    JsonNode value = node.isObject() ? node.path("AWS") : node;
    if (value.isArray() && value.size() == 1) {
      value = value.get(0);
    }
    String text = value.isTextual() ? value.textValue() : node.toString();
    Matcher root = ACCOUNT_ROOT.matcher(text);
    return root.matches() ? root.group(1) : text;
  }
}
