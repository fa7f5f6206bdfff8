package dev.lambdalayer.core.plan;

import static dev.lambdalayer.core.model.TestFiles.gav;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdalayer.core.model.ArtifactPattern;
import dev.lambdalayer.core.model.Coordinates;
import dev.lambdalayer.core.model.ModuleLibraries;
import dev.lambdalayer.core.model.Setting;
import dev.lambdalayer.core.model.TestFiles;
import dev.lambdalayer.core.plan.ReactorLayerSelection.LeftOut;
import dev.lambdalayer.core.plan.ReactorLayerSelection.Selection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReactorLayerSelectionTest {

  private static final String JACKSON = "com.fasterxml.jackson.core:jackson-databind:2.18.2";
  private static final String SLF4J = "org.slf4j:slf4j-api:2.0.16";
  private static final String GUAVA = "com.google.guava:guava:33.0.0-jre";
  private static final String COMMONS = "org.apache.commons:commons-lang3:3.17.0";

  /** A module with release libraries only. */
  private static ModuleLibraries module(String name, String... libraries) {
    return new ModuleLibraries(
        "com.example:" + name, Stream.of(libraries).map(TestFiles::gav).toList(), List.of());
  }

  private static Selection select(int minModules, ModuleLibraries... modules) {
    return ReactorLayerSelection.select(List.of(modules), minModules, List.of());
  }

  /**
   * Four modules: jackson in all four, slf4j in three, guava in two, commons-lang in one. So each
   * library is used by exactly as many modules as its position counts down from four.
   */
  private static List<ModuleLibraries> fourModules() {
    return List.of(
        module("a", JACKSON, SLF4J, GUAVA, COMMONS),
        module("b", JACKSON, SLF4J, GUAVA),
        module("c", JACKSON, SLF4J),
        module("d", JACKSON));
  }

  private static List<String> names(Selection selection) {
    return selection.libraries().stream().map(Coordinates::toString).toList();
  }

  @Test
  void thresholdOneSharesEveryLibraryAnyModuleUses() {
    Selection selection = ReactorLayerSelection.select(fourModules(), 1, List.of());
    assertThat(names(selection)).containsExactly(JACKSON, GUAVA, COMMONS, SLF4J);
    assertThat(selection.leftOut()).isEmpty();
    assertThat(selection.modules()).isEqualTo(4);
  }

  @Test
  void thresholdTwoSharesWhatAtLeastTwoModulesUse() {
    Selection selection = ReactorLayerSelection.select(fourModules(), 2, List.of());
    // commons-lang, used by one module only (N-1), stays out.
    assertThat(names(selection)).containsExactly(JACKSON, GUAVA, SLF4J);
    assertThat(selection.leftOut()).isEmpty();
  }

  @Test
  void thresholdThreeSharesWhatAtLeastThreeModulesUse() {
    Selection selection = ReactorLayerSelection.select(fourModules(), 3, List.of());
    // guava, used by exactly two modules (N-1), stays out.
    assertThat(names(selection)).containsExactly(JACKSON, SLF4J);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4})
  void aLibraryUsedByExactlyNMinusOneModulesIsExcludedAndByNIsIncluded(int n) {
    List<ModuleLibraries> modules = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      List<String> libraries = new ArrayList<>();
      if (i < n - 1) {
        libraries.add(GUAVA);
      }
      if (i < n) {
        libraries.add(SLF4J);
      }
      modules.add(module("m" + i, libraries.toArray(String[]::new)));
    }
    Selection selection = ReactorLayerSelection.select(modules, n, List.of());
    assertThat(names(selection)).containsExactly(SLF4J);
    assertThat(selection.modules()).isEqualTo(4);
  }

  @Test
  void aModuleListingALibraryTwiceCountsOnce() {
    Selection selection =
        select(2, module("a", GUAVA, GUAVA), module("b", SLF4J), module("c", SLF4J));
    assertThat(names(selection)).containsExactly(SLF4J);
  }

  @Test
  void aThresholdAboveTheNumberOfModulesSelectsNothing() {
    Selection selection = select(3, module("a", GUAVA), module("b", GUAVA));
    assertThat(selection.libraries()).isEmpty();
    assertThat(selection.leftOut()).isEmpty();
    assertThat(selection.modules()).isEqualTo(2);
  }

  @Test
  void noModulesSelectNothing() {
    Selection selection = ReactorLayerSelection.select(List.of(), 1, List.of());
    assertThat(selection.libraries()).isEmpty();
    assertThat(selection.leftOut()).isEmpty();
    assertThat(selection.modules()).isZero();
  }

  @Test
  void aLibraryAtTwoVersionsIsLeftOutWithTheModulesOfEachVersion() {
    Selection selection =
        select(
            2,
            module("orders", "com.google.guava:guava:32.0.0-jre", SLF4J),
            module("billing", GUAVA, SLF4J),
            module("shipping", GUAVA));

    assertThat(names(selection)).containsExactly(SLF4J);
    assertThat(selection.leftOut()).hasSize(1);
    LeftOut left = selection.leftOut().get(0);
    assertThat(left.library()).isEqualTo("com.google.guava:guava");
    assertThat(left.modulesByVersion())
        .isEqualTo(
            Map.of(
                "32.0.0-jre", List.of("com.example:orders"),
                "33.0.0-jre", List.of("com.example:billing", "com.example:shipping")));
    assertThat(left.message())
        .isEqualTo(
            "com.google.guava:guava is used in different versions (32.0.0-jre in"
                + " com.example:orders; 33.0.0-jre in com.example:billing, com.example:shipping),"
                + " so it stays with each module; align its version in the parent's"
                + " dependency management to share it");
  }

  @Test
  void versionsAreLeftOutEvenWhenOneVersionAloneReachesTheThreshold() {
    Selection selection =
        select(
            2,
            module("a", GUAVA),
            module("b", GUAVA),
            module("c", "com.google.guava:guava:32.0.0-jre"));
    assertThat(selection.libraries()).isEmpty();
    assertThat(selection.leftOut())
        .extracting(LeftOut::library)
        .containsExactly("com.google.guava:guava");
  }

  @Test
  void versionsCountTogetherTowardsTheThresholdForTheLeftOutDecision() {
    // Two modules use guava, each its own version: together they reach 2, so it is left out with a
    // warning rather than silently ignored. With a threshold of 3 it is simply not shared.
    ModuleLibraries a = module("a", GUAVA);
    ModuleLibraries b = module("b", "com.google.guava:guava:32.0.0-jre");
    assertThat(select(2, a, b).leftOut()).hasSize(1);
    Selection three = select(3, a, b);
    assertThat(three.leftOut()).isEmpty();
    assertThat(three.libraries()).isEmpty();
  }

  @Test
  void snapshotsAreNeverSelected() {
    String snapshot = "com.example:common:1.1-SNAPSHOT";
    String timestamped = "com.example:util:1.1-20260101.120000-3";
    Selection selection =
        select(1, module("a", snapshot, timestamped, SLF4J), module("b", snapshot, timestamped));
    assertThat(names(selection)).containsExactly(SLF4J);
    assertThat(selection.leftOut()).isEmpty();
  }

  @Test
  void volatileLibrariesAreNeverSelected() {
    // A reactor module at a release version: volatile although its version is not a SNAPSHOT.
    Coordinates sibling = gav("com.example:model:1.0");
    ModuleLibraries a =
        new ModuleLibraries("com.example:a", List.of(sibling, gav(SLF4J)), List.of(sibling));
    ModuleLibraries b =
        new ModuleLibraries("com.example:b", List.of(sibling, gav(SLF4J)), List.of(sibling));
    Selection selection = ReactorLayerSelection.select(List.of(a, b), 1, List.of());
    assertThat(names(selection)).containsExactly(SLF4J);
  }

  @Test
  void aVolatileLibraryAtDifferentVersionsIsNotReportedAsLeftOut() {
    Coordinates v1 = gav("com.example:model:1.0");
    Coordinates v2 = gav("com.example:model:2.0");
    Selection selection =
        ReactorLayerSelection.select(
            List.of(
                new ModuleLibraries("com.example:a", List.of(v1), List.of(v1)),
                new ModuleLibraries("com.example:b", List.of(v2), List.of(v2))),
            1,
            List.of());
    assertThat(selection.libraries()).isEmpty();
    assertThat(selection.leftOut()).isEmpty();
  }

  @Test
  void runtimeProvidedLibrariesAreExcluded() {
    List<ArtifactPattern> provided =
        List.of(
            ArtifactPattern.parse("com.amazonaws:aws-lambda-java-core", Setting.RUNTIME_PROVIDED),
            ArtifactPattern.parse("org.slf4j:*:2.*", Setting.RUNTIME_PROVIDED));
    String lambdaCore = "com.amazonaws:aws-lambda-java-core:1.2.3";
    Selection selection =
        ReactorLayerSelection.select(
            List.of(
                module("a", lambdaCore, SLF4J, GUAVA, "org.slf4j:slf4j-simple:1.7.36"),
                module("b", lambdaCore, SLF4J, GUAVA, "org.slf4j:slf4j-simple:1.7.36")),
            2,
            provided);
    assertThat(names(selection)).containsExactly(GUAVA, "org.slf4j:slf4j-simple:1.7.36");
  }

  @Test
  void runtimeProvidedVersionsDoNotMakeALibraryLeftOut() {
    List<ArtifactPattern> provided =
        List.of(ArtifactPattern.parse("com.google.guava:guava:32.*", Setting.RUNTIME_PROVIDED));
    Selection selection =
        ReactorLayerSelection.select(
            List.of(
                module("a", GUAVA),
                module("b", GUAVA),
                module("c", "com.google.guava:guava:32.0.0-jre")),
            2,
            provided);
    assertThat(names(selection)).containsExactly(GUAVA);
    assertThat(selection.leftOut()).isEmpty();
  }

  @Test
  void theClassifierDistinguishesIdentities() {
    Coordinates plain = gav("io.netty:netty-transport-native-epoll:4.1.115.Final");
    Coordinates linux =
        new Coordinates(
            "io.netty", "netty-transport-native-epoll", "4.1.115.Final", "linux-x86_64", "jar");
    Coordinates linuxOld =
        new Coordinates(
            "io.netty", "netty-transport-native-epoll", "4.1.100.Final", "linux-x86_64", "jar");
    Selection selection =
        ReactorLayerSelection.select(
            List.of(
                new ModuleLibraries("com.example:a", List.of(plain, linux), List.of()),
                new ModuleLibraries("com.example:b", List.of(plain, linuxOld), List.of()),
                new ModuleLibraries("com.example:c", List.of(linux), List.of())),
            2,
            List.of());
    // The plain jar is one identity at one version; the classified one is another identity, whose
    // two versions leave it out on its own, without taking the plain jar with it.
    assertThat(selection.libraries()).containsExactly(plain);
    assertThat(selection.leftOut()).hasSize(1);
    LeftOut left = selection.leftOut().get(0);
    assertThat(left.library()).isEqualTo("io.netty:netty-transport-native-epoll:linux-x86_64");
    assertThat(left.modulesByVersion())
        .isEqualTo(
            Map.of(
                "4.1.100.Final", List.of("com.example:b"),
                "4.1.115.Final", List.of("com.example:a", "com.example:c")));
    assertThat(left.message())
        .startsWith("io.netty:netty-transport-native-epoll:linux-x86_64 is used in different");
  }

  @Test
  void aClassifiedJarAloneDoesNotCountForThePlainJar() {
    Coordinates plain = gav("io.netty:netty-transport-native-epoll:4.1.115.Final");
    Coordinates linux =
        new Coordinates(
            "io.netty", "netty-transport-native-epoll", "4.1.115.Final", "linux-x86_64", "jar");
    Selection selection =
        ReactorLayerSelection.select(
            List.of(
                new ModuleLibraries("com.example:a", List.of(plain), List.of()),
                new ModuleLibraries("com.example:b", List.of(linux), List.of())),
            2,
            List.of());
    assertThat(selection.libraries()).isEmpty();
    assertThat(selection.leftOut()).isEmpty();
  }

  @Test
  void theResultIsSorted() {
    Selection selection =
        select(1, module("a", SLF4J, GUAVA, COMMONS, JACKSON, "aaa:zzz:1", "zzz:aaa:1"));
    List<String> names = names(selection);
    assertThat(names).isSorted().hasSize(6);
    assertThat(names).first().isEqualTo("aaa:zzz:1");
    assertThat(names).last().isEqualTo("zzz:aaa:1");
  }

  @Test
  void leftOutLibrariesAreSortedAndTheirModulesToo() {
    Selection selection =
        select(
            2,
            module("z", "org.b:b:1", "org.a:a:1"),
            module("y", "org.b:b:2", "org.a:a:2"),
            module("x", "org.b:b:2", "org.a:a:1"));
    assertThat(selection.leftOut())
        .extracting(LeftOut::library)
        .containsExactly("org.a:a", "org.b:b");
    assertThat(selection.leftOut().get(0).modulesByVersion())
        .isEqualTo(
            Map.of("1", List.of("com.example:x", "com.example:z"), "2", List.of("com.example:y")));
    assertThat(selection.leftOut().get(1).modulesByVersion())
        .isEqualTo(
            Map.of("1", List.of("com.example:z"), "2", List.of("com.example:x", "com.example:y")));
  }

  @Test
  void theSelectionDoesNotDependOnTheOrderOfTheModules() {
    List<ModuleLibraries> modules =
        new ArrayList<>(
            List.of(
                module("orders", JACKSON, "com.google.guava:guava:32.0.0-jre", SLF4J, COMMONS),
                module("billing", GUAVA, SLF4J, JACKSON),
                module("shipping", COMMONS, GUAVA, "org.a:a:1"),
                module("audit", "org.a:a:2", SLF4J, JACKSON)));
    Selection reference = ReactorLayerSelection.select(modules, 2, List.of());
    assertThat(names(reference)).containsExactly(JACKSON, COMMONS, SLF4J);
    assertThat(reference.leftOut())
        .extracting(LeftOut::library)
        .containsExactly("com.google.guava:guava", "org.a:a");

    for (List<ModuleLibraries> permutation : permutations(modules)) {
      Selection selection = ReactorLayerSelection.select(permutation, 2, List.of());
      assertThat(selection).as("modules in order %s", permutation).isEqualTo(reference);
      assertThat(selection.leftOut().stream().map(LeftOut::message).toList())
          .isEqualTo(reference.leftOut().stream().map(LeftOut::message).toList());
    }
  }

  @Test
  void theSelectionDoesNotDependOnTheOrderOfAModulesLibraries() {
    List<String> libraries = new ArrayList<>(List.of(JACKSON, GUAVA, SLF4J, COMMONS));
    Selection reference =
        select(1, module("a", libraries.toArray(String[]::new)), module("b", GUAVA));
    Collections.reverse(libraries);
    Selection reversed =
        select(1, module("a", libraries.toArray(String[]::new)), module("b", GUAVA));
    assertThat(reversed).isEqualTo(reference);
  }

  @Test
  void leftOutConcernsItsLibraryInAnyVersionButNoOther() {
    LeftOut left =
        new LeftOut(
            "com.google.guava:guava",
            Map.of("32.0.0-jre", List.of("com.example:a"), "33.0.0-jre", List.of("com.example:b")));
    assertThat(left.concerns(gav(GUAVA))).isTrue();
    assertThat(left.concerns(gav("com.google.guava:guava:1.0"))).isTrue();
    assertThat(left.concerns(gav("com.google.guava:failureaccess:1.0.2"))).isFalse();
    assertThat(left.concerns(gav("com.google.guava2:guava:33.0.0-jre"))).isFalse();
    assertThat(
            left.concerns(
                new Coordinates("com.google.guava", "guava", "33.0.0-jre", "sources", "jar")))
        .isFalse();
  }

  @Test
  void leftOutWithAClassifierConcernsOnlyThatClassifier() {
    LeftOut left =
        new LeftOut(
            "io.netty:netty-transport-native-epoll:linux-x86_64",
            Map.of("1", List.of("com.example:a"), "2", List.of("com.example:b")));
    assertThat(
            left.concerns(
                new Coordinates(
                    "io.netty", "netty-transport-native-epoll", "3", "linux-x86_64", "jar")))
        .isTrue();
    assertThat(left.concerns(gav("io.netty:netty-transport-native-epoll:1"))).isFalse();
    assertThat(
            left.concerns(
                new Coordinates(
                    "io.netty", "netty-transport-native-epoll", "1", "linux-aarch_64", "jar")))
        .isFalse();
  }

  @Test
  void leftOutFromASelectionConcernsTheLibrariesItWasMadeFrom() {
    Coordinates old = gav("com.google.guava:guava:32.0.0-jre");
    Selection selection = select(2, module("a", GUAVA), module("b", old.toString()));
    LeftOut left = selection.leftOut().get(0);
    assertThat(left.concerns(old)).isTrue();
    assertThat(left.concerns(gav(GUAVA))).isTrue();
    assertThat(left.concerns(gav(SLF4J))).isFalse();
  }

  @Test
  void leftOutMessageListsVersionsInOrderWhateverTheMapOrder() {
    LeftOut left =
        new LeftOut(
            "org.a:a",
            Map.of(
                "3", List.of("com.example:c"),
                "1", List.of("com.example:a"),
                "2", List.of("com.example:b")));
    assertThat(left.message())
        .contains("(1 in com.example:a; 2 in com.example:b; 3 in com.example:c)");
  }

  private static <T> List<List<T>> permutations(List<T> items) {
    if (items.size() <= 1) {
      return List.of(List.copyOf(items));
    }
    List<List<T>> result = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      List<T> rest = new ArrayList<>(items);
      T head = rest.remove(i);
      for (List<T> tail : permutations(rest)) {
        List<T> permutation = new ArrayList<>();
        permutation.add(head);
        permutation.addAll(tail);
        result.add(permutation);
      }
    }
    return result;
  }
}
