package dev.lambdalayer.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClassPatternTest {

  @Test
  void classPackageAndTree() {
    ClassPattern exact = ClassPattern.parse("com.foo.Bar", Setting.ALLOWED_MISSING);
    assertThat(exact.matches("com.foo.Bar")).isTrue();
    assertThat(exact.matches("com.foo.Bar$Inner")).isTrue();
    assertThat(exact.matches("com.foo.Barn")).isFalse();

    ClassPattern pkg = ClassPattern.parse("com.foo.*", Setting.ALLOWED_MISSING);
    assertThat(pkg.matches("com.foo.Bar")).isTrue();
    assertThat(pkg.matches("com.foo.sub.Bar")).isFalse();

    ClassPattern tree = ClassPattern.parse("com.foo.**", Setting.ALLOWED_MISSING);
    assertThat(tree.matches("com.foo.sub.Bar")).isTrue();
    assertThat(tree.matches("com.food.Bar")).isFalse();
  }

  @Test
  void rejectsWhatIsNotAPattern() {
    assertThatThrownBy(() -> ClassPattern.parse("com/foo/Bar", Setting.ALLOWED_DUPLICATES))
        .isInstanceOf(InvalidConfigurationException.class)
        .satisfies(
            e ->
                assertThat(((InvalidConfigurationException) e).violations().get(0).setting())
                    .isEqualTo(Setting.ALLOWED_DUPLICATES));
  }
}
