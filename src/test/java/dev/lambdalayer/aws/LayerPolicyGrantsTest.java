package dev.lambdalayer.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdalayer.core.model.Share;
import dev.lambdalayer.core.port.LayerPublisher.Grant;
import org.junit.jupiter.api.Test;

class LayerPolicyGrantsTest {

  @Test
  void readsAccountsAsIamWritesThemEveryoneAndOrganizations() {
    String policy =
        """
        {"Version":"2012-10-17","Id":"default","Statement":[
          {"Sid":"a","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::210987654321:root"},
           "Action":"lambda:GetLayerVersion","Resource":"arn:aws:lambda:eu-west-1:1:layer:x:1"},
          {"Sid":"b","Effect":"Allow","Principal":"*","Action":"lambda:GetLayerVersion"},
          {"Sid":"c","Effect":"Allow","Principal":"*","Action":"lambda:GetLayerVersion",
           "Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-abcdefghij"}}},
          {"Sid":"d","Effect":"Allow","Principal":{"AWS":["333333333333"]}},
          {"Sid":"e \\"quoted\\"","Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"}}
        ]}
        """;
    assertThat(LayerPolicyGrants.parse(policy))
        .containsExactly(
            new Grant("a", new Share("210987654321", null)),
            new Grant("b", new Share("*", null)),
            new Grant("c", new Share("*", "o-abcdefghij")),
            new Grant("d", new Share("333333333333", null)),
            new Grant("e \"quoted\"", new Share("{\"Service\":\"lambda.amazonaws.com\"}", null)));
  }

  @Test
  void aSingleStatementAnEmptyPolicyAndNonJson() {
    assertThat(LayerPolicyGrants.parse("{\"Statement\":{\"Sid\":\"only\",\"Principal\":\"*\"}}"))
        .containsExactly(new Grant("only", new Share("*", null)));
    assertThat(LayerPolicyGrants.parse(null)).isEmpty();
    assertThat(LayerPolicyGrants.parse(" ")).isEmpty();
    assertThatThrownBy(() -> LayerPolicyGrants.parse("Sid: x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not JSON");
  }
}
