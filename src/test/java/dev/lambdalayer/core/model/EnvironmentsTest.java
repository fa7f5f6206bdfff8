package dev.lambdalayer.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EnvironmentsTest {

  private static Environment named(String name) {
    return new Environment(name, null, null, List.of("eu-west-1"), "hello", "live", null);
  }

  @Test
  void selectsTheNamedEnvironment() {
    Environments declared = Environments.of(List.of(named("staging"), named("prod")));
    assertThat(declared.select(" prod ", Setting.ENVIRONMENT).name()).isEqualTo("prod");
    assertThat(declared.names()).containsExactly("staging", "prod");
  }

  @Test
  void anUnknownNameListsTheDeclaredOnes() {
    Environments declared = Environments.of(List.of(named("staging"), named("prod")));
    assertThatThrownBy(() -> declared.select("qa", Setting.PROMOTE_TO))
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class,
            e -> {
              Violation v = e.violations().get(0);
              assertThat(v.setting()).isEqualTo(Setting.PROMOTE_TO);
              assertThat(v.value()).isEqualTo("qa");
              assertThat(v.problem())
                  .isEqualTo("is not a declared environment (declared: staging, prod)");
              assertThat(v.related()).isEqualTo(Setting.ENVIRONMENTS);
            });
  }

  @Test
  void withNoneDeclaredTheErrorSaysSo() {
    assertThatThrownBy(() -> Environments.of(List.of()).select("prod", Setting.ENVIRONMENT))
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class,
            e ->
                assertThat(e.violations().get(0).problem())
                    .isEqualTo("is not a declared environment: none is declared"));
  }

  @Test
  void everyBadDeclarationIsReportedAtOnce() {
    List<Environment> declared =
        List.of(
            named("staging"),
            named(""),
            named("staging"),
            named("pro d"),
            new Environment("prod", null, "arn:aws:iam::12:role/x", List.of(), null, null, null));
    assertThatThrownBy(() -> Environments.of(declared))
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::problem)
                    .containsExactly(
                        "environment 2 of 5 has no name",
                        "is declared more than once",
                        "is not a usable environment name",
                        "the role of environment 'prod' is not an IAM role ARN"));
  }

  @Test
  void aRoleArnOfAnotherAccountIsAccepted() {
    Environment prod =
        new Environment(
            "prod",
            "ci",
            "arn:aws:iam::210987654321:role/lambda-deployer",
            List.of("us-east-1"),
            "hello",
            "live",
            null);
    assertThat(Environments.of(List.of(prod)).select("prod", Setting.PROMOTE_TO)).isEqualTo(prod);
  }
}
